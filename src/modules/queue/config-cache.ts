/**
 * What issuing a ticket reads every time and an administrator changes a few times a day,
 * kept per process: per centre, its service hours and whether it is retired, its active
 * queues in display order with the counters they name, and its queue settings.
 *
 * Valid until the change feed (LISTEN/NOTIFY) says otherwise, in every process at the
 * commit of the change and in this one at once: {@link QUEUE_CONFIG_TOPIC} when a queue
 * is created, changed or retired or the settings are replaced (queue-config.service.ts),
 * CENTRE_TOPIC when the centre is updated or retired (organisation). While the feed is
 * not live nothing is trusted and every issue reads the database; a read during which any
 * change was heard is used once and not kept. The rules are those of the public
 * catalogue's cache (catalogue/public-cache.ts). What changes all day — counters' status,
 * who is signed in, the waiting line — is not kept here: the issuing statement reads it.
 */
import type { ServiceHours, TimeWindow } from '../../domain/organisation/types.ts';
import type { HallQueue } from '../../domain/queue/hall.ts';
import type { QueuePool } from '../../domain/queue/pool.ts';
import { withDefaults, type QueueSettings } from '../../domain/queue/settings.ts';
import type { ChangeFeed } from '../../platform/db/change-feed.ts';
import type { Queryable } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { CENTRE_TOPIC } from '../organisation/centres/centre.events.ts';
import { findCentre } from '../organisation/centres/centre.repository.ts';
import { hallQueue } from './hall.ts';
import * as repo from './queue.repository.ts';

/** The change-feed topic of a centre's queue configuration (key: the centre id). */
export const QUEUE_CONFIG_TOPIC = 'queue-config';

/** A queue as issuing sees it. */
export interface ConfiguredQueue {
  readonly id: string;
  readonly centreId: string;
  readonly name: string;
  readonly prefix: string;
  readonly pool: QueuePool;
  readonly areaName: string | null;
  readonly itemIds: readonly string[];
  readonly dailyQuota: number | null;
  readonly issuingWindows: readonly TimeWindow[];
}

export interface CentreQueueConfig {
  readonly centre: { readonly id: string; readonly serviceHours: ServiceHours; readonly retired: boolean };
  /** Active queues in display order (sort order, then prefix). */
  readonly queues: readonly ConfiguredQueue[];
  /** The same queues as the pool and estimate rules take them (with their counters and weights). */
  readonly hallQueues: readonly HallQueue[];
  readonly settings: QueueSettings;
}

interface Entry {
  readonly generation: string;
  readonly config: CentreQueueConfig;
}

interface State {
  readonly generations: Map<string, number>;
  everything: number;
  /** Changes heard, of any centre: a read that saw it move may have read a half-old state. */
  heard: number;
  readonly entries: Map<string, Entry>;
}

const MAX_CENTRES = 1_000;
const states = new WeakMap<ChangeFeed, State>();

function stateOf(feed: ChangeFeed): State {
  let state = states.get(feed);
  if (state) return state;
  const s: State = { generations: new Map(), everything: 0, heard: 0, entries: new Map() };
  const changed = (centreId: string) => {
    s.heard++;
    s.generations.set(centreId, (s.generations.get(centreId) ?? 0) + 1);
    s.entries.delete(centreId);
  };
  feed.subscribe(QUEUE_CONFIG_TOPIC, changed);
  feed.subscribe(CENTRE_TOPIC, changed);
  feed.onReset(() => {
    s.heard++;
    s.everything++;
    s.entries.clear();
  });
  states.set(feed, (state = s));
  return state;
}

/** In the transaction of a change to a centre's queues or queue settings. */
export async function queueConfigChanged(deps: AppDeps, tx: Queryable, centreId: string): Promise<void> {
  await deps.database.changes.publish(tx, QUEUE_CONFIG_TOPIC, centreId);
}

/** The centre's issuing configuration, from memory when it may be trusted; null for an unknown centre. */
export async function centreQueueConfig(deps: AppDeps, centreId: string): Promise<CentreQueueConfig | null> {
  const feed = deps.database.changes;
  const state = stateOf(feed);
  const generation = `${state.everything}.${state.generations.get(centreId) ?? 0}`;
  const hit = state.entries.get(centreId);
  if (feed.live && hit?.generation === generation) return hit.config;
  const mark = state.heard;
  const live = feed.live;
  const config = await readConfig(deps.db, centreId);
  if (config && live && feed.live && mark === state.heard) {
    if (state.entries.size >= MAX_CENTRES) state.entries.clear();
    state.entries.set(centreId, { generation, config });
  }
  return config;
}

async function readConfig(q: Queryable, centreId: string): Promise<CentreQueueConfig | null> {
  const [centre, rows, settings] = await Promise.all([findCentre(q, centreId), repo.listQueues(q, centreId, false), repo.readSettings(q, centreId)]);
  if (!centre) return null;
  const counters = await repo.countersOfQueues(
    q,
    rows.map((r) => r.id),
  );
  return {
    centre: { id: centre.id, serviceHours: centre.serviceHours, retired: centre.retiredAt !== null },
    queues: rows.map((r) => ({
      id: r.id,
      centreId: r.centreId,
      name: r.name,
      prefix: r.prefix,
      pool: r.pool as QueuePool,
      areaName: r.areaName,
      itemIds: r.itemIds,
      dailyQuota: r.dailyQuota,
      issuingWindows: r.issuingWindows,
    })),
    hallQueues: rows.map((r) => hallQueue(r, counters.get(r.id) ?? [])),
    settings: withDefaults(settings),
  };
}
