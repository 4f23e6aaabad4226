/**
 * The write of an issue as ONE statement: the slip's reads, the number drawn and
 * formatted, then the ticket, its `issued` event, the audit record and the
 * `ticket.issued` stream event. Each round trip made while a transaction holds the
 * queue-day's number row (and, from the stream append on, the centre's stream lock)
 * makes the other issues of that queue (that centre) wait; as one statement on its own,
 * the issue holds both for the statement's own execution and its commit only, with no
 * round trip in between. The statement is prepared once per connection
 * (platform/db/prepared.ts): planning it cost more than running it.
 *
 * Two shapes of the same statement:
 *   - `draw`: the number is drawn in the statement (`seq`, ticket.repository.ts
 *     `drawUpTo`), which is the whole transaction — the usual case;
 *   - `drawn`: the number was drawn earlier in the caller's transaction, which then
 *     counted the quota or the mobile limits under its lock (issue.service.ts).
 *
 * Order inside the statement (PostgreSQL runs a CTE when its rows are first needed; the
 * ones nothing reads run at the end):
 *   1. `pre` — FOR KEY SHARE on the rows the new rows refer to (centre; queue, with its
 *      prefix and name; item; user), so that the foreign-key checks at the end of the
 *      statement never wait for a row lock (an administrator editing the queue) while
 *      the stream lock is held; then the slip's reads. People ahead are counted in the
 *      database in one pass over the centre's waiting tickets, none loaded: per priority
 *      class, those queued before the class's bound (domain/queue/priority.ts
 *      `aheadBounds`); tickets of exactly the new ticket's effective priority (a tie,
 *      rare) are only counted, and fetched by {@link tieRows}. Also the queue's waiting
 *      count for the stream event, the counters, the busy counters, and the queue's
 *      latest service times.
 *   2. `num` (the sequence, if within the limit, and the number), `ticket`, the stream
 *      append (`stream_lock` waits for `pre`, `num` and `ticket`), the `issued` event and
 *      the audit record; the foreign keys are checked at the end of the statement.
 *
 * The stream event's waiting count. The statement's snapshot is taken when it starts,
 * possibly before it waits for the number row, so it may not see the tickets of the
 * queue committed while it waited. Those are exactly the numbers between the highest
 * one it sees and its own (the number row serialises the issues of a queue-day, and a
 * rolled-back issue gives its number back), all waiting when they committed: the count
 * adds them. Only a ticket both issued and called within that wait is counted wrongly,
 * as any count read by a concurrent transaction may be.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { CounterKind, CounterStatus } from '../../domain/organisation/types.ts';
import { TICKET_SEQUENCE_MAX } from '../../domain/queue/numbering.ts';
import type { PoolCounter } from '../../domain/queue/pool.ts';
import { PRIORITY_CLASSES, type ClassBounds } from '../../domain/queue/priority.ts';
import type { TicketEvent } from '../../domain/queue/ticket-states.ts';
import { auditRow, type AuditEntry } from '../../platform/audit/audit.ts';
import { auditLog } from '../../platform/audit/schema.ts';
import { users } from '../../platform/auth/schema.ts';
import type { Actor } from '../../platform/auth/principal.ts';
import { queryRows, type Queryable } from '../../platform/db/database.ts';
import { insertFrom, insertValues } from '../../platform/db/insert-from.ts';
import { preparedStatement, type Bind, type Encoded } from '../../platform/db/prepared.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { appendEventParts, appendEventValues } from '../../platform/events/events.ts';
import { items } from '../catalogue/schema.ts';
import { centres, counters } from '../organisation/schema.ts';
import { queues, ticketEvents, tickets, ticketSequences, tidalOpenings } from './schema.ts';
import { eventRow, type TicketInsert } from './ticket.repository.ts';

/** The ticket's columns the statement binds (sequence and number are its own). */
const TICKET_COLUMNS = [
  'id',
  'centreId',
  'queueId',
  'serviceDay',
  'status',
  'priority',
  'elderly',
  'source',
  'itemId',
  'appointmentId',
  'issuedAt',
  'queuedAt',
  'phoneCipher',
  'phoneDigest',
  'phoneMasked',
  'idDigest',
  'idMasked',
] as const;
/** The event's columns (ticket.repository.ts `eventRow`; `data` gets the number in the statement). */
const EVENT_COLUMNS = ['ticketId', 'centreId', 'queueId', 'type', 'at', 'fromStatus', 'toStatus', 'actorKind', 'counterId', 'clerkId', 'userId', 'waitSeconds', 'serviceSeconds', 'data'] as const;
/** The audit record's columns (audit.ts `auditRow`; `after` gets the number in the statement). */
const AUDIT_COLUMNS = ['at', 'actorType', 'actorId', 'actorName', 'centreId', 'entity', 'entityId', 'action', 'before', 'after', 'requestId'] as const;

export interface IssueWrite {
  readonly ticket: { readonly [K in (typeof TICKET_COLUMNS)[number]]-?: Exclude<TicketInsert[K], undefined> };
  /** The `issued` event without its number, which the statement adds. */
  readonly event: TicketEvent;
  /** The audit record; its `after` gets the number in the statement. */
  readonly audit: { readonly actor: Actor; readonly at: Date; readonly entry: AuditEntry };
  /** `ticket.issued` but its number, queue name and waiting count, which the statement adds. */
  readonly stream: Record<string, unknown>;
  /** The active queues of the ticket's pool (pool.ts `poolKey`), its own included. */
  readonly poolQueueIds: readonly string[];
  /** priority.ts `aheadBounds` of the new ticket, in PRIORITY_CLASSES order. */
  readonly bounds: readonly ClassBounds[];
  /** How many recent service times the estimate averages. */
  readonly sampleSize: number;
  /** The user the event names (a staff issue): its row is referred to. */
  readonly userId: string | null;
}

export interface IssueRead {
  /** Null when the queue-day's numbers are spent (nothing written). */
  readonly written: { readonly sequence: number; readonly number: string; readonly prefix: string; readonly queueName: string } | null;
  readonly counters: PoolCounter[];
  readonly busyCounterIds: string[];
  /** The queue's latest service times in seconds, oldest first. */
  readonly serviceSeconds: number[];
  /** Waiting tickets of the queue, the new one included (see the module comment). */
  readonly waiting: number;
  /** Waiting tickets of the pool with a higher effective priority than the new one. */
  readonly aheadStrictly: number;
  /** Waiting tickets of the pool with exactly its effective priority ({@link tieRows}). */
  readonly ties: number;
}

const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const iso = (ms: number) => new Date(Math.min(ms, LATEST)).toISOString();

/**
 * `t.queued_at` is before the bound of its ticket's class, `which` being strictBefore
 * (ranks ahead) or tieBefore (ahead or equal); the earliest bound first, so most rows
 * are decided without the CASE.
 */
function beforeBound(bind: Bind, which: 's' | 'e'): SQL {
  const cases = sql.join(
    PRIORITY_CLASSES.map((c, i) => sql`when ${sql.raw(`'${c}'`)} then ${bind(`bound_${which}${i}`)}::timestamptz`),
    sql` `,
  );
  return sql`(t.queued_at < ${bind(`earliest_${which}`)}::timestamptz or t.queued_at < (case t.priority ${cases} end))`;
}

function issueStatement(draw: boolean, bind: Bind): SQL {
  const centre = sql`${bind('centre')}::uuid`;
  const queue = sql`${bind('queue')}::uuid`;
  const day = sql`${bind('day')}::date`;
  const inPool = sql`t.reserved_counter_id is null and t.queue_id = any(${bind('pool')}::uuid[])`;
  const keyShare = (table: SQL, id: SQL) => sql`(select 1 from ${table} where id = ${id} for key share)`;
  const seq = draw
    ? sql`insert into ${ticketSequences} (queue_id, day, last) values (${queue}, ${day}, 1)
        on conflict (queue_id, day) do update set last = ${ticketSequences}.last + 1 where ${ticketSequences}.last < ${sql.raw(String(TICKET_SEQUENCE_MAX))}
        returning last`
    : sql`select ${bind('sequence')}::int as last`;
  const number = sql`jsonb_build_object('number', num.number)`;
  const stream = appendEventParts(
    bind,
    'ticket.issued',
    sql`${bind('stream_data')}::jsonb || jsonb_build_object('number', num.number, 'queueName', pre.queue_name, 'waiting', pre.waiting + num.last - pre.max_sequence)`,
    sql`pre, num, ticket`,
  );
  return sql`with
    seq as (${seq}),
    pre as materialized (
      select qu.prefix, qu.name as queue_name, ${keyShare(sql`${centres}`, centre)} as centre_held,
        ${keyShare(sql`${items}`, sql`${bind('t_itemId')}::uuid`)} as item_held, ${keyShare(sql`${users}`, sql`${bind('user')}::uuid`)} as user_held,
        (select coalesce(json_agg(json_build_array(c.id, c.kind, c.area_name, c.service_status, o.queue_id)), '[]'::json)
           from ${counters} c left join ${tidalOpenings} o on o.counter_id = c.id
          where c.centre_id = ${centre} and c.retired_at is null) as counters,
        (select coalesce(json_agg(distinct t.counter_id), '[]'::json) from ${tickets} t
          where t.centre_id = ${centre} and t.service_day = ${day} and t.status in ('called', 'serving') and t.counter_id is not null) as busy,
        (select coalesce(json_agg(e.s order by e.id), '[]'::json) from (
           select ev.id, ev.service_seconds as s from ${ticketEvents} ev
           where ev.queue_id = ${queue} and ev.type = 'finished' and ev.service_seconds is not null
           order by ev.id desc limit ${bind('sample')}::int) e) as seconds,
        (select coalesce(max(t.sequence), 0) from ${tickets} t where t.queue_id = ${queue} and t.service_day = ${day}) as max_sequence,
        w.waiting, w.ahead, w.through_ties
      from (select id, prefix, name from ${queues} where id = ${queue} for key share) qu,
        (select count(*) filter (where t.queue_id = ${queue})::int as waiting,
            count(*) filter (where ${inPool} and ${beforeBound(bind, 's')})::int as ahead,
            count(*) filter (where ${inPool} and ${beforeBound(bind, 'e')})::int as through_ties
          from ${tickets} t
          where t.centre_id = ${centre} and t.service_day = ${day} and t.status = 'waiting') w
    ),
    num as (
      select seq.last, pre.prefix || case when seq.last < 1000 then lpad(seq.last::text, 3, '0') else seq.last::text end as number
      from seq, pre where seq.last <= ${sql.raw(String(TICKET_SEQUENCE_MAX))}
    ),
    ticket as (${insertFrom(tickets, TICKET_COLUMNS, bind, 't_', sql`num`, { sequence: sql`num.last`, number: sql`num.number` })} returning id),
    ${stream.ctes},
    event as (${insertFrom(ticketEvents, EVENT_COLUMNS.filter((c) => c !== 'data'), bind, 'e_', sql`num`, { data: sql`${bind('e_data')}::jsonb || ${number}` })}),
    audit as (${insertFrom(auditLog, AUDIT_COLUMNS.filter((c) => c !== 'after'), bind, 'a_', sql`num`, { after: sql`${bind('a_after')}::jsonb || ${number}` })})
  select num.last, num.number, pre.prefix, pre.queue_name, pre.counters, pre.busy, pre.seconds,
    pre.waiting + num.last - pre.max_sequence as waiting, pre.ahead, pre.through_ties, ${stream.notified} as notified
  from pre left join num on true`;
}

const draws = preparedStatement((bind) => issueStatement(true, bind));
const drawn = preparedStatement((bind) => issueStatement(false, bind));

function valuesOf(deps: AppDeps, w: IssueWrite, sequence: number | null): Record<string, Encoded> {
  const event = eventRow(w.ticket.centreId, w.ticket.queueId, w.event);
  const audit = auditRow(w.audit.actor, w.audit.at, w.audit.entry);
  const values: Record<string, Encoded> = {
    centre: w.ticket.centreId,
    queue: w.ticket.queueId,
    day: w.ticket.serviceDay,
    user: w.userId,
    pool: `{${w.poolQueueIds.join(',')}}`,
    sample: w.sampleSize,
    earliest_s: iso(Math.min(...w.bounds.map((b) => b.strictBefore))),
    earliest_e: iso(Math.min(...w.bounds.map((b) => b.tieBefore))),
    stream_data: JSON.stringify(w.stream),
    ...appendEventValues(deps, w.ticket.centreId),
    ...insertValues(tickets, TICKET_COLUMNS, 't_', w.ticket),
    ...insertValues(ticketEvents, EVENT_COLUMNS, 'e_', event),
    ...insertValues(auditLog, AUDIT_COLUMNS, 'a_', { ...audit, after: audit.after ?? {} }),
  };
  PRIORITY_CLASSES.forEach((c, i) => {
    const b = w.bounds[i];
    if (b?.priority !== c) throw new Error('issuing: a bound per priority class, in their order');
    values[`bound_s${i}`] = iso(b.strictBefore);
    values[`bound_e${i}`] = iso(b.tieBefore);
  });
  if (sequence !== null) values.sequence = sequence;
  return values;
}

type Row = {
  last: number | null;
  number: string | null;
  prefix: string;
  queue_name: string;
  counters: [string, CounterKind, string | null, CounterStatus, string | null][];
  busy: string[];
  seconds: (number | string)[];
  waiting: number | null;
  ahead: number;
  through_ties: number;
  notified: number | null;
};

/**
 * Writes the issue: with `tx` null as a transaction of its own, drawing the number;
 * otherwise in `tx`, the transaction that drew `sequence`.
 */
export async function writeIssue(deps: AppDeps, tx: Queryable | null, w: IssueWrite, sequence: number | null = null): Promise<IssueRead> {
  if ((tx === null) !== (sequence === null)) throw new Error('issuing: a transaction comes with the sequence it drew');
  const values = valuesOf(deps, w, sequence);
  const [row] = tx ? await queryRows<Row>(tx, drawn.sql(values)) : await draws.run<Row>(deps.database, values);
  if (!row) throw new Error('issuing: the queue was not found');
  if (row.last !== null && row.notified !== 1) throw new Error('issuing: the ticket was written without its stream event');
  return {
    written: row.last === null ? null : { sequence: Number(row.last), number: row.number!, prefix: row.prefix, queueName: row.queue_name },
    counters: row.counters.map(([id, kind, areaName, status, tidalQueueId]) => ({ id, kind, areaName, status, tidalQueueId })),
    busyCounterIds: row.busy,
    serviceSeconds: row.seconds.map(Number),
    waiting: row.waiting ?? 0,
    aheadStrictly: row.ahead,
    ties: row.through_ties - row.ahead,
  };
}

/** The waiting tickets of the pool in the tie ranges of `bounds` (the rare case {@link IssueRead.ties} > 0). */
export async function tieRows(q: Queryable, w: Pick<IssueWrite, 'ticket' | 'poolQueueIds' | 'bounds'>): Promise<{ id: string; issuedAt: Date; number: string }[]> {
  const tied = w.bounds.filter((b) => b.tieBefore > b.strictBefore);
  if (tied.length === 0) return [];
  const ranges = sql.join(
    tied.map((b) => sql`(t.priority = ${b.priority} and t.queued_at >= ${iso(b.strictBefore)}::timestamptz and t.queued_at < ${iso(b.tieBefore)}::timestamptz)`),
    sql` or `,
  );
  const rows = await queryRows<{ id: string; issued_ms: number | string; number: string }>(
    q,
    sql`select t.id, floor(extract(epoch from t.issued_at) * 1000) as issued_ms, t.number from ${tickets} t
        where t.centre_id = ${w.ticket.centreId} and t.service_day = ${w.ticket.serviceDay} and t.status = 'waiting' and t.id <> ${w.ticket.id}
          and t.reserved_counter_id is null and t.queue_id = any(${`{${w.poolQueueIds.join(',')}}`}::uuid[]) and (${ranges})`,
  );
  return rows.map((r) => ({ id: r.id, issuedAt: new Date(Number(r.issued_ms)), number: r.number }));
}
