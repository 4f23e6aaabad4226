/**
 * What the public side of the catalogue keeps in memory (§7.3.2.1: portal, kiosks and
 * counter signs read the same published guides all day long; they change a few times a
 * day). Per centre: a generation, moved on by every change that can alter what the
 * public sees — a publication, withdrawal or version taking effect, an item's codes or
 * department, retiring, a department's name — which every process hears through the
 * change feed (LISTEN/NOTIFY) at commit, and this process at once. Entries are kept
 * with the generation and the day they were read under (a version takes effect on its
 * date); while the feed is not live nothing is trusted and every read goes to the
 * database.
 */
import type { ChangeFeed } from '../../platform/db/change-feed.ts';
import type { Queryable } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { DEPARTMENT_TOPIC } from '../organisation/departments/department.events.ts';

/** Topics of the change feed this cache follows. */
export const CATALOGUE_TOPIC = 'catalogue';

const generations = new Map<string, number>();
let everything = 0;
/** Every change heard, of any centre: a read that saw it move may have read a half-old state. */
let heard = 0;
const watched = new WeakSet<ChangeFeed>();

function watch(feed: ChangeFeed): void {
  if (watched.has(feed)) return;
  watched.add(feed);
  const bump = (centreId: string) => {
    heard++;
    generations.set(centreId, (generations.get(centreId) ?? 0) + 1);
  };
  feed.subscribe(CATALOGUE_TOPIC, bump);
  feed.subscribe(DEPARTMENT_TOPIC, bump);
  feed.onReset(() => {
    heard++;
    everything++;
  });
}

/** The version of a centre's public catalogue an entry was read under, or null when nothing may be trusted. */
export function generationOf(deps: AppDeps, centreId: string): string | null {
  const feed = deps.database.changes;
  watch(feed);
  if (!feed.live) return null;
  return `${everything}.${generations.get(centreId) ?? 0}`;
}

/**
 * Reads what the public cache keeps: `generation` (null when nothing may be trusted) is
 * what to store the result under, or null too when a change was heard while reading.
 */
export async function readForCache<T>(deps: AppDeps, centreId: (result: T) => string, read: () => Promise<T>): Promise<{ result: T; generation: string | null }> {
  watch(deps.database.changes);
  const mark = heard;
  const live = deps.database.changes.live;
  const result = await read();
  return { result, generation: live && mark === heard ? generationOf(deps, centreId(result)) : null };
}

/** In the transaction of a change to what the public sees of the centre's catalogue. */
export async function catalogueChanged(deps: AppDeps, tx: Queryable, centreId: string): Promise<void> {
  await deps.database.changes.publish(tx, CATALOGUE_TOPIC, centreId);
}

/** A small map that forgets everything when it grows past `max` (entries are cheap to rebuild). */
export class BoundedCache<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    return this.map.get(key);
  }
  set(key: string, value: V): void {
    if (this.map.size >= this.max) this.map.clear();
    this.map.set(key, value);
  }
}
