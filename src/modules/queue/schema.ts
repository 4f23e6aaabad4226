/**
 * Tables of queueing and calling (issue 4; DB36/T 2016 §5.2.2, §6.4.2, §6.4.7, §7.1.5,
 * §7.1.6.2). The rules live in src/domain/queue/; these tables hold their state.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import type { TimeWindow } from '../../domain/organisation/types.ts';
import type { QueueSettingsInput } from '../../domain/queue/settings.ts';
import { items } from '../catalogue/schema.ts';
import { centres, counters, staff } from '../organisation/schema.ts';
import { users } from '../../platform/auth/schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A queue of a centre: prefix letter, pool (§7.1.6.2 comprehensive, §7.1.6.3 area, special), issuing rules, tidal thresholds. */
export const queues = pgTable(
  'queues',
  {
    id: uuid('id').primaryKey(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    pool: text('pool').notNull(),
    areaName: text('area_name'),
    /** The catalogue items this queue serves (the kiosk's "choose by item"). */
    itemIds: jsonb('item_ids').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    /** Kiosk and mobile tickets per service day; null: no limit. */
    dailyQuota: integer('daily_quota'),
    issuingWindows: jsonb('issuing_windows').$type<TimeWindow[]>().notNull().default(sql`'[]'::jsonb`),
    /** The average service time the centre expects, the estimate's starting point; null: the centre default. */
    serviceMinutes: doublePrecision('service_minutes'),
    /** §6.4.7 thresholds; null: not watched. */
    tidalOpenAtWaiting: integer('tidal_open_at_waiting'),
    tidalOpenAtLongestWait: integer('tidal_open_at_longest_wait'),
    /** Tidal counters that may open for this queue; empty: any of the centre's. */
    tidalCounterIds: jsonb('tidal_counter_ids').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    /** The tidal alert's state between evaluations (domain/queue/tidal.ts). */
    tidalRaisedAt: ts('tidal_raised_at'),
    tidalCalmSince: ts('tidal_calm_since'),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    retiredAt: ts('retired_at'),
  },
  (t) => [uniqueIndex('queues_centre_prefix_idx').on(t.centreId, t.prefix).where(sql`retired_at is null`), index('queues_centre_idx').on(t.centreId)],
);

/** Counters a queue names explicitly, with their preference weight in points (pool.ts). */
export const queueCounters = pgTable(
  'queue_counters',
  {
    queueId: uuid('queue_id')
      .notNull()
      .references(() => queues.id),
    counterId: uuid('counter_id')
      .notNull()
      .references(() => counters.id),
    weight: doublePrecision('weight').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.queueId, t.counterId] }), index('queue_counters_counter_idx').on(t.counterId)],
);

/** One settings object per centre (domain/queue/settings.ts); missing parts take their defaults. */
export const queueSettings = pgTable('queue_settings', {
  centreId: uuid('centre_id')
    .primaryKey()
    .references(() => centres.id),
  settings: jsonb('settings').$type<QueueSettingsInput>().notNull().default(sql`'{}'::jsonb`),
  /** When the tidal job last evaluated the centre: one evaluation per period across processes. */
  tidalEvaluatedAt: ts('tidal_evaluated_at'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** The last number drawn per queue and service day (Asia/Shanghai); the row lock serialises issuing. */
export const ticketSequences = pgTable(
  'ticket_sequences',
  {
    queueId: uuid('queue_id')
      .notNull()
      .references(() => queues.id),
    day: date('day', { mode: 'string' }).notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.queueId, t.day] })],
);

/**
 * A queue ticket. Phone and ID number are personal data: the phone is kept encrypted
 * (for the "your turn is near" message) with a keyed digest (for the daily limits) and
 * its masked form; of the ID number only the digest, the masked form and the age class
 * (`elderly`, for priority and the slower call of §5.2.2.1) are kept.
 */
export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
    queueId: uuid('queue_id')
      .notNull()
      .references(() => queues.id),
    serviceDay: date('service_day', { mode: 'string' }).notNull(),
    sequence: integer('sequence').notNull(),
    number: text('number').notNull(),
    status: text('status').notNull(),
    priority: text('priority').notNull(),
    elderly: boolean('elderly').notNull().default(false),
    source: text('source').notNull(),
    itemId: uuid('item_id').references(() => items.id),
    appointmentId: uuid('appointment_id'),
    issuedAt: ts('issued_at').notNull(),
    queuedAt: ts('queued_at').notNull(),
    reservedCounterId: uuid('reserved_counter_id').references(() => counters.id),
    transferredFromId: uuid('transferred_from_id').references((): AnyPgColumn => tickets.id),
    counterId: uuid('counter_id').references(() => counters.id),
    clerkId: uuid('clerk_id').references(() => staff.id),
    recallCount: integer('recall_count').notNull().default(0),
    calledAt: ts('called_at'),
    startedAt: ts('started_at'),
    parkedAt: ts('parked_at'),
    closedAt: ts('closed_at'),
    outcome: text('outcome'),
    note: text('note'),
    phoneCipher: text('phone_cipher'),
    phoneDigest: text('phone_digest'),
    phoneMasked: text('phone_masked'),
    idDigest: text('id_digest'),
    idMasked: text('id_masked'),
    nearNotifiedAt: ts('near_notified_at'),
  },
  (t) => [
    uniqueIndex('tickets_queue_day_sequence_idx').on(t.queueId, t.serviceDay, t.sequence),
    index('tickets_waiting_idx').on(t.centreId, t.serviceDay).where(sql`status = 'waiting'`),
    index('tickets_open_idx').on(t.centreId, t.status).where(sql`status in ('waiting', 'called', 'serving', 'parked')`),
    index('tickets_counter_idx').on(t.counterId, t.serviceDay),
    index('tickets_phone_idx').on(t.centreId, t.serviceDay, t.phoneDigest).where(sql`phone_digest is not null`),
    index('tickets_id_number_idx').on(t.centreId, t.serviceDay, t.idDigest).where(sql`id_digest is not null`),
    index('tickets_transferred_from_idx').on(t.transferredFromId),
  ],
);

/** Every event of a ticket with time, counter and clerk (issue 4: the raw material of the statistics). */
export const ticketEvents = pgTable(
  'ticket_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
    queueId: uuid('queue_id')
      .notNull()
      .references(() => queues.id),
    type: text('type').notNull(),
    at: ts('at').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorKind: text('actor_kind').notNull(),
    counterId: uuid('counter_id').references(() => counters.id),
    clerkId: uuid('clerk_id').references(() => staff.id),
    userId: uuid('user_id').references(() => users.id),
    /** called: seconds since issue (the first call). */
    waitSeconds: integer('wait_seconds'),
    /** finished: seconds from start to finish (the wait estimate's history). */
    serviceSeconds: integer('service_seconds'),
    /** The rest of the event (recall ordinal, outcome, transfer target, note, reason …). */
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [
    index('ticket_events_ticket_idx').on(t.ticketId, t.id),
    index('ticket_events_centre_at_idx').on(t.centreId, t.at),
    index('ticket_events_finished_idx').on(t.queueId, t.id).where(sql`type = 'finished'`),
    index('ticket_events_counter_idx').on(t.counterId, t.at),
  ],
);

/** Who works at which counter (§6.4.2: the counter screen shows the clerk signed in). */
export const counterSignIns = pgTable(
  'counter_sign_ins',
  {
    id: uuid('id').primaryKey(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
    counterId: uuid('counter_id')
      .notNull()
      .references(() => counters.id),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    signedInAt: ts('signed_in_at').notNull(),
    signedOutAt: ts('signed_out_at'),
  },
  (t) => [
    uniqueIndex('counter_sign_ins_counter_idx').on(t.counterId).where(sql`signed_out_at is null`),
    uniqueIndex('counter_sign_ins_user_idx').on(t.userId).where(sql`signed_out_at is null`),
  ],
);

/** §6.4.7: a tidal counter opened for a queue (no row: in reserve). */
export const tidalOpenings = pgTable(
  'tidal_openings',
  {
    counterId: uuid('counter_id')
      .primaryKey()
      .references(() => counters.id),
    queueId: uuid('queue_id')
      .notNull()
      .references(() => queues.id),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
    openedAt: ts('opened_at').notNull(),
  },
  (t) => [index('tidal_openings_queue_idx').on(t.queueId)],
);

/**
 * The key that encrypts phones and keys the digests of phones and ID numbers, made at
 * first use. Kept apart from the tickets so that neither a ticket export nor a log
 * carries a phone in the clear.
 */
export const queueDataKeys = pgTable('queue_data_keys', {
  id: integer('id').primaryKey(),
  /** 32 random bytes, base64. */
  key: text('key').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});
