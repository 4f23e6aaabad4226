import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, date } from 'drizzle-orm/pg-core';
import type { HolidayDay } from '../../domain/calendar/types.ts';
import { centres } from '../organisation/schema.ts';

/** A year's holiday arrangement loaded by an administrator; overrides the shipped data. */
export const holidayYears = pgTable('holiday_years', {
  year: integer('year').primaryKey(),
  days: jsonb('days').$type<HolidayDay[]>().notNull(),
  source: text('source').notNull(),
  loadedBy: uuid('loaded_by'),
  loadedAt: timestamp('loaded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** Days a centre closes on its own (e.g. relocation, a local emergency). */
export const centreClosedDays = pgTable(
  'centre_closed_days',
  {
    id: uuid('id').primaryKey(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
    date: date('date', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('centre_closed_days_idx').on(t.centreId, t.date)],
);
