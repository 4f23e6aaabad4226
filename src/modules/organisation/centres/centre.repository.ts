import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/database.ts';
import { centres } from '../schema.ts';

export type CentreRow = typeof centres.$inferSelect;
export type CentreInsert = typeof centres.$inferInsert;

export async function findCentre(q: Queryable, id: string): Promise<CentreRow | undefined> {
  const [row] = await q.select().from(centres).where(eq(centres.id, id));
  return row;
}

/** The row locked for update, inside a transaction. */
export async function lockCentre(q: Queryable, id: string): Promise<CentreRow | undefined> {
  const [row] = await q.select().from(centres).where(eq(centres.id, id)).for('update');
  return row;
}

export async function listCentres(q: Queryable, filter: { ids: 'all' | string[]; includeRetired: boolean }): Promise<CentreRow[]> {
  if (filter.ids !== 'all' && filter.ids.length === 0) return [];
  const conditions = [
    filter.ids === 'all' ? undefined : inArray(centres.id, filter.ids),
    filter.includeRetired ? undefined : isNull(centres.retiredAt),
  ];
  return q.select().from(centres).where(and(...conditions)).orderBy(asc(centres.divisionCode), asc(centres.name));
}

export async function insertCentre(q: Queryable, values: CentreInsert): Promise<CentreRow> {
  const [row] = await q.insert(centres).values(values).returning();
  return row!;
}

export async function updateCentre(q: Queryable, id: string, values: Partial<CentreInsert>): Promise<CentreRow> {
  const [row] = await q.update(centres).set(values).where(eq(centres.id, id)).returning();
  return row!;
}
