import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import type { CentrePhones, ServiceHours, WifiNotice } from '../../domain/organisation/types.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const lifecycle = {
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  retiredAt: ts('retired_at'),
};

export const centres = pgTable(
  'centres',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    level: text('level').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => centres.id),
    divisionCode: text('division_code').notNull(),
    address: text('address').notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    phones: jsonb('phones').$type<CentrePhones>().notNull(),
    wifi: jsonb('wifi').$type<WifiNotice | null>(),
    serviceHours: jsonb('service_hours').$type<ServiceHours>().notNull(),
    ...lifecycle,
  },
  (t) => [index('centres_parent_idx').on(t.parentId)],
);

export const departments = pgTable(
  'departments',
  {
    id: uuid('id').primaryKey(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
    name: text('name').notNull(),
    shortName: text('short_name'),
    /** Unified social credit code of the department (GB 32100), when known. */
    uscc: text('uscc'),
    chiefRepresentativeId: uuid('chief_representative_id').references((): AnyPgColumn => staff.id),
    phone: text('phone'),
    sortOrder: integer('sort_order').notNull().default(0),
    ...lifecycle,
  },
  (t) => [uniqueIndex('departments_centre_name_idx').on(t.centreId, t.name).where(sql`retired_at is null`)],
);

export const zones = pgTable(
  'zones',
  {
    id: uuid('id').primaryKey(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    floor: text('floor').notNull(),
    areaM2: doublePrecision('area_m2'),
    publicUse: boolean('public_use').notNull(),
    ...lifecycle,
  },
  (t) => [uniqueIndex('zones_centre_name_idx').on(t.centreId, t.name).where(sql`retired_at is null`)],
);

export const counters = pgTable(
  'counters',
  {
    id: uuid('id').primaryKey(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
    number: text('number').notNull(),
    /** The number with digit runs zero-padded, so that counter 2 sorts before counter 10. */
    sortKey: text('sort_key').notNull(),
    name: text('name').notNull(),
    zoneId: uuid('zone_id').references(() => zones.id),
    kind: text('kind').notNull(),
    areaName: text('area_name'),
    departmentId: uuid('department_id').references(() => departments.id),
    serviceStatus: text('service_status').notNull().default('closed'),
    awayReason: text('away_reason'),
    expectedReturnAt: ts('expected_return_at'),
    ...lifecycle,
  },
  (t) => [
    uniqueIndex('counters_centre_number_idx').on(t.centreId, t.number).where(sql`retired_at is null`),
    index('counters_centre_sort_idx').on(t.centreId, t.sortKey),
  ],
);

/**
 * A random stamp per centre, renewed in the transaction of every change to what the
 * counter list shows (counters, and the names of zones and departments). A process
 * keeps the serialized list with the stamp it was read under and answers from it while
 * the stamp holds; the stamp is read in the same statement as the list, so several
 * processes over one database stay correct.
 */
export const counterListStamps = pgTable('counter_list_stamps', {
  centreId: uuid('centre_id')
    .primaryKey()
    .references(() => centres.id),
  stamp: uuid('stamp').notNull(),
});

export const staff = pgTable(
  'staff',
  {
    id: uuid('id').primaryKey(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
    name: text('name').notNull(),
    workNumber: text('work_number').notNull(),
    title: text('title'),
    departmentId: uuid('department_id').references((): AnyPgColumn => departments.id),
    photoUrl: text('photo_url'),
    phone: text('phone'),
    /** Duties shown on the public board (§5.1.3.3), e.g. 综合受理, 首席代表. */
    duties: jsonb('duties').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    userId: uuid('user_id'),
    ...lifecycle,
  },
  (t) => [
    uniqueIndex('staff_centre_work_number_idx').on(t.centreId, t.workNumber).where(sql`retired_at is null`),
    index('staff_centre_idx').on(t.centreId),
    // One person, one account: an account is linked to at most one active staff record.
    uniqueIndex('staff_user_idx').on(t.userId).where(sql`retired_at is null and user_id is not null`),
  ],
);
