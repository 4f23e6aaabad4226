import { and, asc, count, eq, gte, lte, max } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database.ts';
import { centreClosedDays, holidayYears } from './schema.ts';

export type HolidayYearRow = typeof holidayYears.$inferSelect;
export type ClosedDayRow = typeof centreClosedDays.$inferSelect;
export type ClosedDayInsert = typeof centreClosedDays.$inferInsert;

export async function listHolidayYears(q: Queryable): Promise<HolidayYearRow[]> {
  return q.select().from(holidayYears).orderBy(asc(holidayYears.year));
}

/** The row locked for update, inside a transaction. */
export async function lockHolidayYear(q: Queryable, year: number): Promise<HolidayYearRow | undefined> {
  const [row] = await q.select().from(holidayYears).where(eq(holidayYears.year, year)).for('update');
  return row;
}

export async function upsertHolidayYear(q: Queryable, values: typeof holidayYears.$inferInsert): Promise<HolidayYearRow> {
  const { year: _year, ...rest } = values;
  const [row] = await q.insert(holidayYears).values(values).onConflictDoUpdate({ target: holidayYears.year, set: rest }).returning();
  return row!;
}

export async function listClosedDays(q: Queryable, centreId: string, range: { from?: string; to?: string } = {}): Promise<ClosedDayRow[]> {
  return q
    .select()
    .from(centreClosedDays)
    .where(
      and(
        eq(centreClosedDays.centreId, centreId),
        range.from ? gte(centreClosedDays.date, range.from) : undefined,
        range.to ? lte(centreClosedDays.date, range.to) : undefined,
      ),
    )
    .orderBy(asc(centreClosedDays.date));
}

export async function findClosedDay(q: Queryable, id: string): Promise<ClosedDayRow | undefined> {
  const [row] = await q.select().from(centreClosedDays).where(eq(centreClosedDays.id, id));
  return row;
}

export async function lockClosedDay(q: Queryable, id: string): Promise<ClosedDayRow | undefined> {
  const [row] = await q.select().from(centreClosedDays).where(eq(centreClosedDays.id, id)).for('update');
  return row;
}

export async function findClosedDayOn(q: Queryable, centreId: string, date: string): Promise<ClosedDayRow | undefined> {
  const [row] = await q
    .select()
    .from(centreClosedDays)
    .where(and(eq(centreClosedDays.centreId, centreId), eq(centreClosedDays.date, date)));
  return row;
}

export async function insertClosedDay(q: Queryable, values: ClosedDayInsert): Promise<ClosedDayRow> {
  const [row] = await q.insert(centreClosedDays).values(values).returning();
  return row!;
}

export async function deleteClosedDay(q: Queryable, id: string): Promise<void> {
  await q.delete(centreClosedDays).where(eq(centreClosedDays.id, id));
}

/**
 * A fingerprint of everything calendars are built from, so that a process notices
 * changes made by another one: counts and latest change times of both tables.
 */
export async function calendarFingerprint(q: Queryable): Promise<string> {
  const [years] = await q.select({ n: count(), at: max(holidayYears.loadedAt) }).from(holidayYears);
  const [closed] = await q.select({ n: count(), at: max(centreClosedDays.createdAt) }).from(centreClosedDays);
  return [years?.n, years?.at?.toISOString(), closed?.n, closed?.at?.toISOString()].join('|');
}
