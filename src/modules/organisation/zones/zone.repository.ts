import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/database.ts';
import { zones } from '../schema.ts';

export type ZoneRow = typeof zones.$inferSelect;
export type ZoneInsert = typeof zones.$inferInsert;

export async function findZone(q: Queryable, id: string): Promise<ZoneRow | undefined> {
  const [row] = await q.select().from(zones).where(eq(zones.id, id));
  return row;
}

/** The row locked for update, inside a transaction. */
export async function lockZone(q: Queryable, id: string): Promise<ZoneRow | undefined> {
  const [row] = await q.select().from(zones).where(eq(zones.id, id)).for('update');
  return row;
}

export async function listZones(q: Queryable, centreId: string, includeRetired: boolean): Promise<ZoneRow[]> {
  return q
    .select()
    .from(zones)
    .where(and(eq(zones.centreId, centreId), includeRetired ? undefined : isNull(zones.retiredAt)))
    .orderBy(asc(zones.floor), asc(zones.name), asc(zones.createdAt));
}

export async function findActiveZoneByName(q: Queryable, centreId: string, name: string, exceptId: string | null): Promise<ZoneRow | undefined> {
  const [row] = await q
    .select()
    .from(zones)
    .where(and(eq(zones.centreId, centreId), eq(zones.name, name), isNull(zones.retiredAt), exceptId ? ne(zones.id, exceptId) : undefined));
  return row;
}

export async function insertZone(q: Queryable, values: ZoneInsert): Promise<ZoneRow> {
  const [row] = await q.insert(zones).values(values).returning();
  return row!;
}

export async function updateZone(q: Queryable, id: string, values: Partial<ZoneInsert>): Promise<ZoneRow> {
  const [row] = await q.update(zones).set(values).where(eq(zones.id, id)).returning();
  return row!;
}
