import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database.ts';
import { bundles, items } from './schema.ts';

export type BundleRow = typeof bundles.$inferSelect;
export type BundleInsert = typeof bundles.$inferInsert;

export async function findBundle(q: Queryable, id: string): Promise<BundleRow | undefined> {
  const [row] = await q.select().from(bundles).where(eq(bundles.id, id));
  return row;
}

export async function lockBundle(q: Queryable, id: string): Promise<BundleRow | undefined> {
  const [row] = await q.select().from(bundles).where(eq(bundles.id, id)).for('update');
  return row;
}

export async function listBundles(q: Queryable, centreId: string, includeRetired: boolean): Promise<BundleRow[]> {
  return q
    .select()
    .from(bundles)
    .where(and(eq(bundles.centreId, centreId), includeRetired ? undefined : isNull(bundles.retiredAt)))
    .orderBy(asc(bundles.name));
}

export async function findActiveBundleByName(q: Queryable, centreId: string, name: string, exceptId: string | null): Promise<BundleRow | undefined> {
  const [row] = await q
    .select()
    .from(bundles)
    .where(and(eq(bundles.centreId, centreId), eq(bundles.name, name), isNull(bundles.retiredAt), exceptId ? sql`${bundles.id} <> ${exceptId}` : undefined));
  return row;
}

export async function insertBundle(q: Queryable, values: BundleInsert): Promise<BundleRow> {
  const [row] = await q.insert(bundles).values(values).returning();
  return row!;
}

export async function updateBundle(q: Queryable, id: string, values: Partial<BundleInsert>): Promise<BundleRow> {
  const [row] = await q.update(bundles).set(values).where(eq(bundles.id, id)).returning();
  return row!;
}

/** Items by id (any centre, any state): the caller checks they fit. */
export async function itemsByIds(q: Queryable, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return q
    .select({ id: items.id, centreId: items.centreId, name: items.name, implementationCode: items.implementationCode, handlingCode: items.handlingCode, level: items.level, retiredAt: items.retiredAt, publishedNumber: items.publishedNumber })
    .from(items)
    .where(inArray(items.id, [...ids]));
}
