/**
 * The hall of a centre at one moment, in a few queries: its queues and the counters they
 * name, its counters with who is signed in and the number each holds, its open tickets
 * of the day, and each queue's recent service times. Everything the pool, priority and
 * wait-estimate rules of src/domain/queue need, and what the displays show.
 */
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { CounterKind, CounterStatus } from '../../domain/organisation/types.ts';
import type { PriorityClass } from '../../domain/queue/priority.ts';
import type { TicketOutcome, TicketSource, TicketStatus } from '../../domain/queue/ticket-states.ts';
import { queryRows, type Queryable } from '../../platform/db/database.ts';
import { counters } from '../organisation/schema.ts';
import { counterSignIns, queues, tidalOpenings, tickets } from './schema.ts';
import type { QueueSettingsInput } from '../../domain/queue/settings.ts';
import type { QueueCounterRow, QueueRow } from './queue.repository.ts';

export interface HallCounterRow {
  readonly id: string;
  readonly number: string;
  readonly name: string;
  readonly kind: CounterKind;
  readonly areaName: string | null;
  readonly departmentId: string | null;
  readonly status: CounterStatus;
  readonly awayReason: string | null;
  readonly expectedReturnAt: Date | null;
  readonly tidalQueueId: string | null;
  /** The clerk signed in (§6.4.2). */
  readonly staffId: string | null;
  readonly staffName: string | null;
  readonly staffTitle: string | null;
  readonly staffWorkNumber: string | null;
  /** An http(s) photo as stored; null for none or an inline one (`photoInline`). */
  readonly photoHttp: string | null;
  readonly photoInline: boolean;
  readonly staffUpdatedAt: Date | null;
  readonly userId: string | null;
  /** The number it has called or serves now. */
  readonly currentNumber: string | null;
}

/**
 * A timestamp as epoch milliseconds: raw queries return timestamps as text (Drizzle
 * keeps the drivers' parsers off), read back with {@link dateOf}.
 */
function ms(column: SQL): SQL {
  return sql`(date_part('epoch', ${column}) * 1000)`;
}

function dateOf(value: unknown): Date | null {
  return value === null || value === undefined ? null : new Date(Number(value));
}

function withDates<T extends object>(row: T, keys: readonly string[]): T {
  const out = { ...row } as Record<string, unknown>;
  for (const k of keys) out[k] = dateOf(out[k]);
  return out as T;
}

function counterQuery(where: SQL): SQL {
  return sql`select c.id, c.number, c.name, c.kind, c.area_name as "areaName", c.department_id as "departmentId", c.service_status as status,
          c.away_reason as "awayReason", ${ms(sql.raw('c.expected_return_at'))} as "expectedReturnAt", o.queue_id as "tidalQueueId",
          s.id as "staffId", s.name as "staffName", s.title as "staffTitle", s.work_number as "staffWorkNumber",
          case when s.photo_url like 'data:%' then null else s.photo_url end as "photoHttp",
          coalesce(s.photo_url like 'data:%', false) as "photoInline", ${ms(sql.raw('s.updated_at'))} as "staffUpdatedAt", si.user_id as "userId",
          (select t.number from ${tickets} t where t.counter_id = c.id and t.status in ('called', 'serving')
            order by t.called_at desc limit 1) as "currentNumber"
        from ${counters} c
        left join ${tidalOpenings} o on o.counter_id = c.id
        left join ${counterSignIns} si on si.counter_id = c.id and si.signed_out_at is null
        left join staff s on s.id = si.staff_id
        where ${where}
        order by c.sort_key, c.id`;
}

/** The centre's active counters in the hall's order (2 before 10). */
const COUNTER_DATES = ['expectedReturnAt', 'staffUpdatedAt'] as const;

export async function hallCounters(q: Queryable, centreId: string): Promise<HallCounterRow[]> {
  const rows = await queryRows<HallCounterRow>(q, counterQuery(sql`c.centre_id = ${centreId} and c.retired_at is null`));
  return rows.map((r) => withDates(r, COUNTER_DATES));
}

/** One counter (retired too) as {@link hallCounters} reads it. */
export async function hallCounter(q: Queryable, counterId: string): Promise<HallCounterRow | undefined> {
  const [row] = await queryRows<HallCounterRow>(q, counterQuery(sql`c.id = ${counterId}`));
  return row && withDates(row, COUNTER_DATES);
}

/** An open ticket of the day as the rules need it. */
export interface OpenTicketRow {
  readonly id: string;
  readonly queueId: string;
  readonly number: string;
  readonly status: TicketStatus;
  readonly priority: PriorityClass;
  readonly elderly: boolean;
  readonly source: TicketSource;
  readonly issuedAt: Date;
  readonly queuedAt: Date;
  readonly reservedCounterId: string | null;
  readonly transferredFromId: string | null;
  readonly counterId: string | null;
  readonly clerkId: string | null;
  readonly recallCount: number;
  readonly calledAt: Date | null;
  readonly startedAt: Date | null;
  readonly parkedAt: Date | null;
  readonly closedAt: Date | null;
  readonly outcome: TicketOutcome | null;
  readonly hasPhone: boolean;
  readonly nearNotified: boolean;
}


/**
 * The open tickets as positional arrays of epoch-millisecond timestamps: formatting
 * timestamps as text and objects' keys costs more than the rest of the hall read on
 * the embedded database (measured: ~3× for 120 waiting tickets).
 */
function openQuery(centreId: string, day: string): SQL {
  return sql`select coalesce(json_agg(json_build_array(id, queue_id, number, status, priority, elderly, source, ${ms(sql.raw('issued_at'))},
          ${ms(sql.raw('queued_at'))}, reserved_counter_id, transferred_from_id, counter_id, clerk_id, recall_count, ${ms(sql.raw('called_at'))},
          ${ms(sql.raw('started_at'))}, ${ms(sql.raw('parked_at'))}, ${ms(sql.raw('closed_at'))}, outcome, phone_digest is not null,
          near_notified_at is not null)), '[]'::json)
        from ${tickets}
        where centre_id = ${centreId} and service_day = ${day} and status in ('waiting', 'called', 'serving')`;
}

type OpenTicketArray = [string, string, string, TicketStatus, PriorityClass, boolean, TicketSource, number, number, string | null, string | null, string | null, string | null, number, number | null, number | null, number | null, number | null, TicketOutcome | null, boolean, boolean];

function openTicketOf(a: OpenTicketArray): OpenTicketRow {
  const date = (v: number | null) => (v === null ? null : new Date(v));
  return {
    id: a[0],
    queueId: a[1],
    number: a[2],
    status: a[3],
    priority: a[4],
    elderly: a[5],
    source: a[6],
    issuedAt: new Date(a[7]),
    queuedAt: new Date(a[8]),
    reservedCounterId: a[9],
    transferredFromId: a[10],
    counterId: a[11],
    clerkId: a[12],
    recallCount: a[13],
    calledAt: date(a[14]),
    startedAt: date(a[15]),
    parkedAt: date(a[16]),
    closedAt: date(a[17]),
    outcome: a[18],
    hasPhone: a[19],
    nearNotified: a[20],
  };
}

export interface HallRead {
  readonly queues: QueueRow[];
  readonly queueCounters: Map<string, QueueCounterRow[]>;
  readonly counters: HallCounterRow[];
  readonly open: OpenTicketRow[];
  /** Each active queue's last service times in seconds, oldest first. */
  readonly serviceSeconds: Map<string, number[]>;
  readonly settings: QueueSettingsInput;
}

type Json<T> = { [K in keyof T]: T[K] extends Date ? number : T[K] extends Date | null ? number | null : T[K] };
interface QueueJson extends Json<QueueRow> {
  readonly counters: QueueCounterRow[];
  readonly seconds: number[];
}

const QUEUE_DATES = ['tidalRaisedAt', 'tidalCalmSince', 'createdAt', 'updatedAt', 'retiredAt'] as const;

/**
 * The hall in ONE statement (each part aggregated to JSON, timestamps as epoch
 * milliseconds): on the embedded database a round trip costs more than the work, and
 * the call, the slip and the screens all start from here. Each queue's service times
 * are its latest `estimate.sampleSize` (the centre's setting, else the default).
 */
export async function readHallRows(q: Queryable, centreId: string, day: string, defaultSampleSize: number): Promise<HallRead> {
  const [row] = await queryRows<{ queues: QueueJson[]; counters: Json<HallCounterRow>[]; open: OpenTicketArray[]; settings: QueueSettingsInput | null }>(
    q,
    sql`select
      (select coalesce(json_agg(row_to_json(x) order by x."sortOrder", x.prefix, x."createdAt"), '[]'::json) from (
         select qu.id, qu.centre_id as "centreId", qu.name, qu.prefix, qu.pool, qu.area_name as "areaName", qu.item_ids as "itemIds",
           qu.daily_quota as "dailyQuota", qu.issuing_windows as "issuingWindows", qu.service_minutes as "serviceMinutes",
           qu.tidal_open_at_waiting as "tidalOpenAtWaiting", qu.tidal_open_at_longest_wait as "tidalOpenAtLongestWait",
           qu.tidal_counter_ids as "tidalCounterIds", ${ms(sql.raw('qu.tidal_raised_at'))} as "tidalRaisedAt",
           ${ms(sql.raw('qu.tidal_calm_since'))} as "tidalCalmSince", qu.sort_order as "sortOrder", ${ms(sql.raw('qu.created_at'))} as "createdAt",
           ${ms(sql.raw('qu.updated_at'))} as "updatedAt", ${ms(sql.raw('qu.retired_at'))} as "retiredAt",
           coalesce((select json_agg(json_build_object('queueId', qc.queue_id, 'counterId', qc.counter_id, 'weight', qc.weight))
             from queue_counters qc where qc.queue_id = qu.id), '[]'::json) as counters,
           coalesce((select json_agg(e.s order by e.id) from (
             select ev.id, ev.service_seconds as s from ticket_events ev
             where ev.queue_id = qu.id and ev.type = 'finished' and ev.service_seconds is not null
             order by ev.id desc
             limit coalesce((select (st.settings #>> '{estimate,sampleSize}')::int from queue_settings st where st.centre_id = ${centreId}), ${defaultSampleSize})) e),
             '[]'::json) as seconds
         from ${queues} qu where qu.centre_id = ${centreId} and qu.retired_at is null) x) as queues,
      (select coalesce(json_agg(row_to_json(c)), '[]'::json) from (${counterQuery(sql`c.centre_id = ${centreId} and c.retired_at is null`)}) c) as counters,
      (${openQuery(centreId, day)}) as open,
      (select settings from queue_settings where centre_id = ${centreId}) as settings`,
  );
  const queueRows = row!.queues.map(({ counters: _c, seconds: _s, ...qu }) => withDates(qu, QUEUE_DATES) as unknown as QueueRow);
  return {
    queues: queueRows,
    queueCounters: new Map(row!.queues.map((qu) => [qu.id, qu.counters])),
    counters: row!.counters.map((c) => withDates(c, COUNTER_DATES) as unknown as HallCounterRow),
    open: row!.open.map(openTicketOf),
    serviceSeconds: new Map(row!.queues.map((qu) => [qu.id, qu.seconds.map(Number)])),
    settings: row!.settings ?? {},
  };
}

/** The active sign-in of a user, if any, with its counter's centre. */
export async function signInOfUser(q: Queryable, userId: string) {
  const [row] = await q
    .select({ id: counterSignIns.id, counterId: counterSignIns.counterId, staffId: counterSignIns.staffId, centreId: counterSignIns.centreId })
    .from(counterSignIns)
    .where(and(eq(counterSignIns.userId, userId), isNull(counterSignIns.signedOutAt)));
  return row;
}

/** The active sign-in at a counter, if any. */
export async function signInAtCounter(q: Queryable, counterId: string) {
  const [row] = await q
    .select()
    .from(counterSignIns)
    .where(and(eq(counterSignIns.counterId, counterId), isNull(counterSignIns.signedOutAt)));
  return row;
}
