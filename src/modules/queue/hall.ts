/**
 * The hall of a centre as the domain rules see it (domain/queue/hall.ts, pool.ts), read
 * in one go: the call, the displays, the kiosk and the slip all start from here.
 */
import { serviceDayKey } from '../../domain/queue/numbering.ts';
import type { Hall, HallQueue } from '../../domain/queue/hall.ts';
import type { PoolCounter, QueuePool } from '../../domain/queue/pool.ts';
import { withDefaults, type QueueSettings } from '../../domain/queue/settings.ts';
import { DEFAULT_ESTIMATE_SETTINGS } from '../../domain/queue/wait-estimate.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { readHallRows, type HallCounterRow, type HallRead, type OpenTicketRow } from './hall.repository.ts';
import { readSettings, type QueueRow } from './queue.repository.ts';

export interface HallSnapshot {
  readonly day: string;
  readonly settings: QueueSettings;
  readonly rows: HallRead;
  readonly hall: Hall;
  readonly queueById: ReadonlyMap<string, QueueRow>;
  readonly counterById: ReadonlyMap<string, HallCounterRow>;
  readonly waiting: readonly OpenTicketRow[];
}

export function hallQueue(q: QueueRow, counters: readonly { counterId: string; weight: number }[]): HallQueue {
  return {
    id: q.id,
    pool: q.pool as QueuePool,
    areaName: q.areaName,
    active: q.retiredAt === null,
    counters: counters.map((c) => ({ counterId: c.counterId, weight: c.weight })),
    serviceMinutes: q.serviceMinutes,
  };
}

export function poolCounter(c: HallCounterRow): PoolCounter {
  return { id: c.id, kind: c.kind, areaName: c.areaName, status: c.status, tidalQueueId: c.tidalQueueId };
}

/** The domain's picture of the hall from the rows. */
export function hallOf(rows: HallRead): Hall {
  const waiting = rows.open.filter((t) => t.status === 'waiting');
  return {
    queues: rows.queues.map((q) => hallQueue(q, rows.queueCounters.get(q.id) ?? [])),
    counters: rows.counters.map(poolCounter),
    waiting,
    busyCounterIds: new Set(rows.open.filter((t) => t.status !== 'waiting' && t.counterId !== null).map((t) => t.counterId!)),
    serviceSeconds: rows.serviceSeconds,
  };
}

export async function readSettingsOf(q: Queryable, centreId: string): Promise<QueueSettings> {
  return withDefaults(await readSettings(q, centreId));
}

/** The centre's hall at `now` (its service day), with the centre's settings, in one statement. */
export async function readHall(q: Queryable, centreId: string, now: Date): Promise<HallSnapshot> {
  const day = serviceDayKey(now);
  const rows = await readHallRows(q, centreId, day, DEFAULT_ESTIMATE_SETTINGS.sampleSize);
  return snapshotOf(day, withDefaults(rows.settings), rows);
}

export function snapshotOf(day: string, settings: QueueSettings, rows: HallRead): HallSnapshot {
  return {
    day,
    settings,
    rows,
    hall: hallOf(rows),
    queueById: new Map(rows.queues.map((q) => [q.id, q])),
    counterById: new Map(rows.counters.map((c) => [c.id, c])),
    waiting: rows.open.filter((t) => t.status === 'waiting'),
  };
}
