/**
 * What opening a case reads of an item every time — the item row and its published and
 * withdrawn versions — kept per process. Counters open cases all day for the same few
 * hundred items, which change a few times a month.
 *
 * Trusted under the public catalogue's generation of the item's centre
 * (catalogue/public-cache.ts): every change of an item row (item.service.ts updateItem,
 * retireItem) and every publication or withdrawal of a version (item-version.service.ts)
 * publishes the catalogue topic of its centre in its transaction, heard by every process
 * at the commit and by this one at once; while the change feed is not live nothing is
 * trusted. Which version applies is decided at each opening from the kept list and the
 * day (domain/catalogue/versions.ts `currentPublished`), so a version whose effective
 * date comes needs no notice. Drafts and versions under review are not kept: a case
 * never opens under them.
 */
import type { Database, Queryable } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { BoundedCache, generationOf, readForCache } from '../catalogue/public-cache.ts';
import * as items from '../catalogue/item.repository.ts';

export interface ItemWithVersions {
  readonly item: items.ItemRow;
  /** The versions ever published (published or withdrawn), by number. */
  readonly versions: readonly items.VersionRow[];
}

interface Entry {
  readonly generation: string;
  readonly value: ItemWithVersions;
}

const MAX_ITEMS = 5_000;
const caches = new WeakMap<Database, BoundedCache<Entry>>();

function cacheOf(deps: Pick<AppDeps, 'database'>): BoundedCache<Entry> {
  let cache = caches.get(deps.database);
  if (!cache) caches.set(deps.database, (cache = new BoundedCache<Entry>(MAX_ITEMS)));
  return cache;
}

async function read(q: Queryable, itemId: string): Promise<ItemWithVersions | undefined> {
  const [item, versions] = await Promise.all([items.findItem(q, itemId), items.listVersions(q, itemId)]);
  if (!item) return undefined;
  return { item, versions: versions.filter((v) => v.status === 'published' || v.status === 'withdrawn') };
}

/**
 * The item and its versions ever published, from memory when they may be trusted. `centreId`
 * is the centre the case opens in: an item of another centre is read (and refused by the
 * caller) but never kept. `q` must not be inside a transaction on PGlite.
 */
export async function itemWithVersions(deps: AppDeps, q: Queryable, centreId: string, itemId: string): Promise<ItemWithVersions | undefined> {
  const cache = cacheOf(deps);
  const key = `${centreId}:${itemId}`;
  const generation = generationOf(deps, centreId);
  const hit = cache.get(key);
  if (generation !== null && hit?.generation === generation) return hit.value;
  const { result, generation: readUnder } = await readForCache(deps, () => centreId, () => read(q, itemId));
  if (result && readUnder !== null && result.item.centreId === centreId) cache.set(key, { generation: readUnder, value: result });
  return result;
}
