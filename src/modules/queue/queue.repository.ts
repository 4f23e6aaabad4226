/** Queries of queues, their counters, and the centre's queue settings. */
import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { ServiceHours, TimeWindow } from '../../domain/organisation/types.ts';
import type { QueueSettingsInput } from '../../domain/queue/settings.ts';
import { queryRows, type Queryable } from '../../platform/db/database.ts';
import { items } from '../catalogue/schema.ts';
import { centres, counters } from '../organisation/schema.ts';
import { queueCounters, queues, queueSettings } from './schema.ts';

export type QueueRow = typeof queues.$inferSelect;
export type QueueInsert = typeof queues.$inferInsert;
export type QueueCounterRow = typeof queueCounters.$inferSelect;

export async function findQueue(q: Queryable, id: string): Promise<QueueRow | undefined> {
  const [row] = await q.select().from(queues).where(eq(queues.id, id));
  return row;
}

export async function lockQueue(q: Queryable, id: string): Promise<QueueRow | undefined> {
  const [row] = await q.select().from(queues).where(eq(queues.id, id)).for('update');
  return row;
}

/** The centre's queues in display order (sort order, then prefix). */
export async function listQueues(q: Queryable, centreId: string, includeRetired: boolean): Promise<QueueRow[]> {
  return q
    .select()
    .from(queues)
    .where(and(eq(queues.centreId, centreId), includeRetired ? undefined : isNull(queues.retiredAt)))
    .orderBy(asc(queues.sortOrder), asc(queues.prefix), asc(queues.createdAt));
}

/** The counters each queue names, by queue id. */
export async function countersOfQueues(q: Queryable, queueIds: readonly string[]): Promise<Map<string, QueueCounterRow[]>> {
  const map = new Map<string, QueueCounterRow[]>(queueIds.map((id) => [id, []]));
  if (queueIds.length === 0) return map;
  const rows = await q.select().from(queueCounters).where(inArray(queueCounters.queueId, [...queueIds]));
  for (const r of rows) map.get(r.queueId)?.push(r);
  return map;
}

export async function insertQueue(q: Queryable, values: QueueInsert): Promise<QueueRow> {
  const [row] = await q.insert(queues).values(values).returning();
  return row!;
}

export async function updateQueue(q: Queryable, id: string, values: Partial<QueueInsert>): Promise<QueueRow> {
  const [row] = await q.update(queues).set(values).where(eq(queues.id, id)).returning();
  return row!;
}

export async function replaceQueueCounters(q: Queryable, queueId: string, list: readonly { counterId: string; weight: number }[]): Promise<void> {
  await q.delete(queueCounters).where(eq(queueCounters.queueId, queueId));
  if (list.length > 0) await q.insert(queueCounters).values(list.map((c) => ({ queueId, counterId: c.counterId, weight: c.weight })));
}

/** Prefixes of the centre's other active queues. */
export async function takenPrefixes(q: Queryable, centreId: string, exceptId: string | null): Promise<string[]> {
  const rows = await q
    .select({ prefix: queues.prefix })
    .from(queues)
    .where(and(eq(queues.centreId, centreId), isNull(queues.retiredAt), exceptId ? ne(queues.id, exceptId) : undefined));
  return rows.map((r) => r.prefix);
}

/** Active counters of the centre among `ids`, with their kind. */
export async function activeCountersOf(q: Queryable, centreId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return q
    .select({ id: counters.id, number: counters.number, kind: counters.kind })
    .from(counters)
    .where(and(eq(counters.centreId, centreId), isNull(counters.retiredAt), inArray(counters.id, [...ids])));
}

/** Active items of the centre among `ids`. */
export async function activeItemIdsOf(q: Queryable, centreId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await q
    .select({ id: items.id })
    .from(items)
    .where(and(eq(items.centreId, centreId), isNull(items.retiredAt), inArray(items.id, [...ids])));
  return new Set(rows.map((r) => r.id));
}

/** The first active queue of the centre (display order) that serves the item. */
export async function queueServingItem(q: Queryable, centreId: string, itemId: string): Promise<QueueRow | undefined> {
  const [row] = await q
    .select()
    .from(queues)
    .where(and(eq(queues.centreId, centreId), isNull(queues.retiredAt), sql`${queues.itemIds} @> ${JSON.stringify([itemId])}::jsonb`))
    .orderBy(asc(queues.sortOrder), asc(queues.prefix))
    .limit(1);
  return row;
}

export async function readSettings(q: Queryable, centreId: string): Promise<QueueSettingsInput> {
  const [row] = await q.select({ settings: queueSettings.settings }).from(queueSettings).where(eq(queueSettings.centreId, centreId));
  return row?.settings ?? {};
}

export async function writeSettings(q: Queryable, centreId: string, settings: QueueSettingsInput, now: Date): Promise<void> {
  await q
    .insert(queueSettings)
    .values({ centreId, settings, updatedAt: now })
    .onConflictDoUpdate({ target: queueSettings.centreId, set: { settings, updatedAt: now } });
}

/** The centres that have an active queue (for the periodic jobs). */
export async function centresWithQueues(q: Queryable): Promise<string[]> {
  const rows = await q.selectDistinct({ centreId: queues.centreId }).from(queues).where(isNull(queues.retiredAt));
  return rows.map((r) => r.centreId);
}

/** What issuing needs, in one statement: the centre's hours, the queue (by id, or the first serving the item), the settings. */
export interface IssueContext {
  readonly centre: { readonly id: string; readonly serviceHours: ServiceHours; readonly retired: boolean } | null;
  readonly queue: { readonly id: string; readonly centreId: string; readonly name: string; readonly prefix: string; readonly issuingWindows: TimeWindow[]; readonly dailyQuota: number | null; readonly retired: boolean } | null;
  readonly settings: QueueSettingsInput;
}

export async function issueContext(q: Queryable, centreId: string, by: { readonly queueId: string } | { readonly itemId: string } | null): Promise<IssueContext> {
  const queueWhere = !by
    ? sql`false`
    : 'queueId' in by
      ? sql`qu.id = ${by.queueId}`
      : sql`qu.centre_id = ${centreId} and qu.retired_at is null and qu.item_ids @> ${JSON.stringify([by.itemId])}::jsonb`;
  const [row] = await queryRows<IssueContext>(
    q,
    sql`select
      (select json_build_object('id', c.id, 'serviceHours', c.service_hours, 'retired', c.retired_at is not null) from ${centres} c where c.id = ${centreId}) as centre,
      (select json_build_object('id', qu.id, 'centreId', qu.centre_id, 'name', qu.name, 'prefix', qu.prefix, 'issuingWindows', qu.issuing_windows,
              'dailyQuota', qu.daily_quota, 'retired', qu.retired_at is not null)
         from ${queues} qu where ${queueWhere} order by qu.sort_order, qu.prefix limit 1) as queue,
      (select st.settings from ${queueSettings} st where st.centre_id = ${centreId}) as settings`,
  );
  return { centre: row?.centre ?? null, queue: row?.queue ?? null, settings: row?.settings ?? {} };
}
