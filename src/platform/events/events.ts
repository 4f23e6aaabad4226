/**
 * The live event stream of each centre (issue 4 "Real time"; DB36/T 2016 §5.2.2 显示屏,
 * §6.4.2 counter screens): appending an event in the transaction that caused it, reading
 * a centre's events after an id, and the retention job.
 *
 * Ordering. A reader (the SSE hub, stream.ts) keeps the last id it delivered per centre
 * and asks for `id > last`. A `bigserial` id is taken when the row is inserted, not when
 * it commits: two transactions of one centre could take ids 5 and 6 and commit 6 first, a
 * reader would deliver 6, move to 6, and never see 5. So `appendEvent` first takes a
 * transaction-level advisory lock on the centre: the appends of one centre queue behind
 * each other until the holder commits or rolls back (PostgreSQL releases the lock after
 * the commit is visible), so per centre ids are allocated in commit order, and a reader that
 * has seen id N has seen every committed id below N. Other centres are not held up.
 */
import { and, asc, eq, gt, gte, inArray, is, lt, sql, type SQL } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { CHANGE_CHANNEL } from '../db/change-feed.ts';
import { queryRows, type Queryable, type Tx } from '../db/database.ts';
import type { Bind, Encoded } from '../db/prepared.ts';
import type { AppDeps } from '../deps.ts';
import type { Job } from '../jobs/jobs.ts';
import { streamEvents } from './schema.ts';

/** The change-feed topic of stream events; the key is the centre's id. */
export const STREAM_TOPIC = 'stream';

/** How long stream events are kept: long enough for any reconnect, short enough to stay small. */
export const STREAM_RETENTION_MS = 2 * 24 * 3_600_000;

/**
 * First key of the two-key advisory lock of stream appends ("GHev"); the second is taken
 * from the centre's id. The two-key lock space is distinct from the one-key (bigint) one,
 * and this first key keeps it apart from other two-key locks of the application. Two
 * centres whose ids share the second key merely queue behind each other.
 */
const STREAM_LOCK_CLASS = 0x47_48_65_76;

const EVENT_TYPE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;

/** The second advisory-lock key of a centre: the first 32 bits of its UUID (random in v4). */
export function streamLockKey(centreId: string): number {
  return Number.parseInt(centreId.replace(/-/g, '').slice(0, 8), 16) | 0;
}

/**
 * Appends an event to the centre's live stream, in the caller's transaction: it reaches
 * the SSE clients of every server process when that transaction commits, and never if
 * it rolls back.
 *
 * Call it as the LAST statement of the transaction (after the change and its audit
 * record): it takes the centre's stream lock (`pg_advisory_xact_lock`), which every
 * other append of the centre waits for until this transaction ends, so the lock must be
 * held for as short a time as possible. Several events of one transaction are fine one
 * after another (the lock is taken once per transaction in effect; taking it again is
 * free). Given the database instead of a transaction, it opens one of its own.
 *
 * @param type the SSE event name, e.g. `ticket.called` (lower case, dot-separated).
 * @param data JSON-serialisable; it is sent to displays as it is, so mask personal data first.
 */
export async function appendEvent(deps: AppDeps, tx: Queryable, centreId: string, type: string, data: unknown): Promise<void> {
  if (!EVENT_TYPE.test(type)) throw new Error(`stream event type "${type}" must be lower-case words joined by dots`);
  if (data === undefined) throw new Error('a stream event needs data');
  if (!is(tx, PgTransaction)) {
    await deps.db.transaction((own) => appendEvent(deps, own, centreId, type, data));
    return;
  }
  const t = tx as Tx;
  await t.execute(sql`select pg_advisory_xact_lock(${STREAM_LOCK_CLASS}::int4, ${streamLockKey(centreId)}::int4)`);
  await t.insert(streamEvents).values({ centreId, type, data, at: deps.clock() });
  await deps.database.changes.publish(t, STREAM_TOPIC, centreId);
}

/**
 * {@link appendEvent} as parts of the caller's own statement, for a use case that writes
 * its whole change in one statement (one round trip on a hot path: issuing a ticket).
 * The same three steps in the same order: `stream_lock` takes the centre's stream lock
 * once `after` (the caller's CTEs of its change, e.g. `pre, ticket`) has produced its row,
 * `stream_row` inserts the event, its id drawn under the lock, and `notified` — an
 * expression the statement's final SELECT must contain — sends the change feed's
 * notification once the event is in. The lock is held until the transaction ends, as
 * with appendEvent: the statement should be its transaction's last.
 *
 * The statement may be prepared once (db/prepared.ts): the centre, its lock key, the
 * time and the notification are bound by name; {@link appendEventValues} gives them.
 *
 * @param data a SQL expression of type jsonb (it may use the columns of `after`); mask
 *   personal data first.
 */
export function appendEventParts(bind: Bind, type: string, data: SQL, after: SQL): { readonly ctes: SQL; readonly notified: SQL } {
  if (!EVENT_TYPE.test(type)) throw new Error(`stream event type "${type}" must be lower-case words joined by dots`);
  const ctes = sql`stream_lock as (select pg_advisory_xact_lock(${sql.raw(String(STREAM_LOCK_CLASS))}::int4, ${bind('stream_lock_key')}::int4) as locked from ${after}),
    stream_row as (insert into ${streamEvents} (centre_id, type, data, at)
      select ${bind('stream_centre')}::uuid, ${sql.raw(`'${type}'`)}, ${data}, ${bind('stream_at')}::timestamptz from stream_lock, ${after} returning id)`;
  const notified = sql`(select count(pg_notify(${sql.raw(`'${CHANGE_CHANNEL}'`)}, ${bind('stream_notify')}::text))::int from stream_row)`;
  return { ctes, notified };
}

/** The values {@link appendEventParts} binds, for an event of `centreId` appended now (this process's stream readers hear of it at once). */
export function appendEventValues(deps: AppDeps, centreId: string): Record<string, Encoded> {
  return {
    stream_centre: centreId,
    stream_lock_key: streamLockKey(centreId),
    stream_at: deps.clock().toISOString(),
    stream_notify: deps.database.changes.announce(STREAM_TOPIC, centreId),
  };
}

/** A stored event as the stream sends it: `data` is the JSON text as stored. */
export interface StoredEvent {
  readonly id: number;
  readonly type: string;
  readonly data: string;
}

/** The centre's events after `afterId` (and, if given, at or after `since`), oldest first. */
export async function readEventsAfter(q: Queryable, centreId: string, afterId: number, limit: number, since?: Date): Promise<StoredEvent[]> {
  return queryRows<StoredEvent>(
    q,
    sql`select ${streamEvents.id} as id, ${streamEvents.type} as type, ${streamEvents.data}::text as data
        from ${streamEvents}
        where ${and(eq(streamEvents.centreId, centreId), gt(streamEvents.id, afterId), since ? gte(streamEvents.at, since) : undefined)}
        order by ${asc(streamEvents.id)}
        limit ${limit}`,
  );
}

/** The id of the centre's newest committed event (0 when none): where a stream "from now" starts. */
export async function lastEventId(q: Queryable, centreId: string): Promise<number> {
  const [row] = await queryRows<{ id: number | string | null }>(q, sql`select max(${streamEvents.id}) as id from ${streamEvents} where ${streamEvents.centreId} = ${centreId}`);
  return Number(row?.id ?? 0);
}

const DELETE_BATCH = 10_000;

/** Deletes stream events older than the retention period, in batches (no long lock); returns how many. */
export async function deleteOldEvents(deps: AppDeps): Promise<number> {
  const before = new Date(deps.clock().getTime() - STREAM_RETENTION_MS);
  let deleted = 0;
  for (;;) {
    const old = deps.db.select({ id: streamEvents.id }).from(streamEvents).where(lt(streamEvents.at, before)).limit(DELETE_BATCH);
    const rows = await deps.db.delete(streamEvents).where(inArray(streamEvents.id, old)).returning({ id: streamEvents.id });
    deleted += rows.length;
    if (rows.length < DELETE_BATCH) return deleted;
  }
}

/** Hourly: stream events older than two days go (a reconnecting display needs minutes, not days). */
export const streamRetentionJob: Job = { name: 'events.retention', everyMs: 3_600_000, run: deleteOldEvents };
