import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { ItemFlags } from '../../domain/catalogue/guide.ts';
import type { VersionStatus } from '../../domain/catalogue/versions.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { departments } from '../organisation/schema.ts';
import { items, itemVersions } from './schema.ts';

export type ItemRow = typeof items.$inferSelect;
export type ItemInsert = typeof items.$inferInsert;
export type VersionRow = typeof itemVersions.$inferSelect;
export type VersionInsert = typeof itemVersions.$inferInsert;

export async function findItem(q: Queryable, id: string): Promise<ItemRow | undefined> {
  const [row] = await q.select().from(items).where(eq(items.id, id));
  return row;
}

/** The row locked for update: every change of an item or its versions takes this lock first. */
export async function lockItem(q: Queryable, id: string): Promise<ItemRow | undefined> {
  const [row] = await q.select().from(items).where(eq(items.id, id)).for('update');
  return row;
}

export async function insertItem(q: Queryable, values: ItemInsert): Promise<ItemRow> {
  const [row] = await q.insert(items).values(values).returning();
  return row!;
}

export async function updateItem(q: Queryable, id: string, values: Partial<ItemInsert>): Promise<ItemRow> {
  const [row] = await q.update(items).set(values).where(eq(items.id, id)).returning();
  return row!;
}

/**
 * Active items with a published version in force today that is newer than the one their
 * search row shows (its effective date came after the row was written).
 */
export async function itemsWithNewlyEffectiveVersion(q: Queryable, today: string): Promise<string[]> {
  const rows = await q
    .select({ id: items.id })
    .from(items)
    .where(
      and(
        isNull(items.retiredAt),
        sql`exists (select 1 from ${itemVersions} v where v.item_id = ${items.id} and v.status = 'published'
                    and v.effective_on <= ${today} and v.effective_on > coalesce(${items.publishedEffectiveOn}, ''))`,
      ),
    );
  return rows.map((r) => r.id);
}

/** Rows per multi-row INSERT: well under PostgreSQL's 65,535 bind parameters. */
const INSERT_CHUNK = 500;

/** Many new items and their first versions, in multi-row INSERTs (the batch import). */
export async function insertItemsWithVersions(q: Queryable, rows: readonly { item: ItemInsert; version: VersionInsert }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK);
    await q.insert(items).values(chunk.map((r) => r.item));
    await q.insert(itemVersions).values(chunk.map((r) => r.version));
  }
}

/** Which of these codes active items already hold (implementation codes of main and sub-items; handling codes). */
export async function activeCodes(q: Queryable, implementation: readonly string[], handling: readonly string[]): Promise<{ implementation: Set<string>; handling: Set<string> }> {
  const found = { implementation: new Set<string>(), handling: new Set<string>() };
  if (implementation.length > 0) {
    const rows = await q
      .select({ code: items.implementationCode })
      .from(items)
      .where(and(isNull(items.retiredAt), sql`${items.level} <> 'handling'`, inArray(items.implementationCode, [...implementation])));
    for (const r of rows) if (r.code) found.implementation.add(r.code);
  }
  if (handling.length > 0) {
    const rows = await q
      .select({ code: items.handlingCode })
      .from(items)
      .where(and(isNull(items.retiredAt), inArray(items.handlingCode, [...handling])));
    for (const r of rows) if (r.code) found.handling.add(r.code);
  }
  return found;
}

/** An active item other than `exceptId` holding this implementation or handling code. */
export async function findActiveByCode(q: Queryable, column: 'implementation' | 'handling', code: string, exceptId: string | null): Promise<ItemRow | undefined> {
  const where =
    column === 'implementation'
      ? and(eq(items.implementationCode, code), sql`${items.level} <> 'handling'`)
      : eq(items.handlingCode, code);
  const [row] = await q
    .select()
    .from(items)
    .where(and(where, isNull(items.retiredAt), exceptId ? sql`${items.id} <> ${exceptId}` : undefined));
  return row;
}

/** id → parent id of every item of the centre (the hierarchy is per centre). */
export async function parentMap(q: Queryable, centreId: string): Promise<Map<string, string | null>> {
  const rows = await q.select({ id: items.id, parentId: items.parentId }).from(items).where(eq(items.centreId, centreId));
  return new Map(rows.map((r) => [r.id, r.parentId]));
}

export async function listVersions(q: Queryable, itemId: string): Promise<VersionRow[]> {
  return q.select().from(itemVersions).where(eq(itemVersions.itemId, itemId)).orderBy(asc(itemVersions.number));
}

export async function findVersion(q: Queryable, itemId: string, number: number): Promise<VersionRow | undefined> {
  const [row] = await q
    .select()
    .from(itemVersions)
    .where(and(eq(itemVersions.itemId, itemId), eq(itemVersions.number, number)));
  return row;
}

export async function latestVersion(q: Queryable, itemId: string): Promise<VersionRow> {
  const [row] = await q.select().from(itemVersions).where(eq(itemVersions.itemId, itemId)).orderBy(desc(itemVersions.number)).limit(1);
  return row!;
}

export async function insertVersion(q: Queryable, values: VersionInsert): Promise<VersionRow> {
  const [row] = await q.insert(itemVersions).values(values).returning();
  return row!;
}

export async function updateVersion(q: Queryable, id: string, values: Partial<VersionInsert>): Promise<VersionRow> {
  const [row] = await q.update(itemVersions).set(values).where(eq(itemVersions.id, id)).returning();
  return row!;
}

/** `%text%` for LIKE with the wildcards of the text escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface StaffListFilter {
  readonly q?: string | undefined;
  readonly departmentId?: string | undefined;
  readonly typeCode?: string | undefined;
  readonly status?: VersionStatus | undefined;
  readonly includeRetired: boolean;
  readonly limit: number;
  readonly offset: number;
}

export interface ItemWithLatest {
  readonly item: ItemRow;
  readonly latestNumber: number;
  readonly latestStatus: string;
}

/** The centre's items with the number and status of their latest version, filtered; one query. */
export async function listItems(q: Queryable, centreId: string, f: StaffListFilter): Promise<{ rows: ItemWithLatest[]; total: number }> {
  const latest = q
    .select({ itemId: itemVersions.itemId, number: sql<number>`max(${itemVersions.number})`.as('latest_number') })
    .from(itemVersions)
    .groupBy(itemVersions.itemId)
    .as('latest');
  const conditions: (SQL | undefined)[] = [eq(items.centreId, centreId)];
  if (!f.includeRetired) conditions.push(isNull(items.retiredAt));
  if (f.departmentId) conditions.push(eq(items.departmentId, f.departmentId));
  if (f.typeCode) conditions.push(eq(items.typeCode, f.typeCode));
  if (f.status) conditions.push(eq(itemVersions.status, f.status));
  if (f.q?.trim()) {
    const p = containsPattern(f.q.trim());
    conditions.push(or(ilike(items.name, p), ilike(items.implementationCode, p), ilike(items.handlingCode, p), ilike(items.basicCode, p)));
  }
  const rows = await q
    .select({ item: items, latestNumber: itemVersions.number, latestStatus: itemVersions.status, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(items)
    .innerJoin(latest, eq(latest.itemId, items.id))
    .innerJoin(itemVersions, and(eq(itemVersions.itemId, items.id), eq(itemVersions.number, latest.number)))
    .where(and(...conditions))
    .orderBy(asc(items.implementationCode), asc(items.handlingCode), asc(items.id))
    .limit(f.limit)
    .offset(f.offset);
  return { rows: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0 };
}

/** One published item as the public search holds it (§7.3.2.1). */
export interface PublicSearchRow {
  readonly id: string;
  readonly implementationCode: string | null;
  readonly handlingCode: string | null;
  readonly level: string;
  readonly name: string | null;
  readonly typeCode: string | null;
  readonly departmentId: string;
  readonly departmentName: string;
  readonly version: number | null;
  /** Lower-cased name and codes. */
  readonly search: string | null;
  readonly flags: ItemFlags | null;
}

/**
 * §7.3.2.1: every item of the centre the public may find today, from the search row the
 * publishing transaction wrote: published, in force, not retired.
 */
export async function publicSearchRows(q: Queryable, centreId: string, today: string): Promise<PublicSearchRow[]> {
  return q
    .select({
      id: items.id,
      implementationCode: items.implementationCode,
      handlingCode: items.handlingCode,
      level: items.level,
      name: items.publishedName,
      typeCode: items.publishedTypeCode,
      departmentId: items.departmentId,
      departmentName: departments.name,
      version: items.publishedNumber,
      search: items.publishedSearch,
      flags: items.publishedFlags,
    })
    .from(items)
    .innerJoin(departments, eq(departments.id, items.departmentId))
    .where(and(eq(items.centreId, centreId), isNotNull(items.publishedNumber), isNull(items.retiredAt), lte(items.publishedEffectiveOn, today)));
}

export async function publishedWithGuides(q: Queryable, centreId: string, today: string, ids?: readonly string[]) {
  return q
    .select({ item: items, guide: itemVersions.guide, departmentName: departments.name })
    .from(items)
    .innerJoin(itemVersions, and(eq(itemVersions.itemId, items.id), eq(itemVersions.number, items.publishedNumber)))
    .innerJoin(departments, eq(departments.id, items.departmentId))
    .where(
      and(
        eq(items.centreId, centreId),
        isNotNull(items.publishedNumber),
        isNull(items.retiredAt),
        lte(items.publishedEffectiveOn, today),
        ids ? (ids.length > 0 ? inArray(items.id, [...ids]) : sql`false`) : undefined,
      ),
    );
}

export async function departmentName(q: Queryable, id: string): Promise<string> {
  const [row] = await q.select({ name: departments.name }).from(departments).where(eq(departments.id, id));
  return row?.name ?? '';
}

/**
 * Items of the centre (active) with a published, effective version whose materials name
 * the file as 空白表格 or 格式范本 (DB36/T 2016 §6.3.2): the candidates for a public download.
 */
export async function itemIdsNamingFile(q: Queryable, centreId: string, fileId: string, today: string): Promise<string[]> {
  const materials = sql`(${itemVersions.guide} -> 'materials')`;
  const rows = await q
    .selectDistinct({ id: itemVersions.itemId })
    .from(itemVersions)
    .innerJoin(items, eq(items.id, itemVersions.itemId))
    .where(
      and(
        eq(items.centreId, centreId),
        isNull(items.retiredAt),
        eq(itemVersions.status, 'published'),
        lte(itemVersions.effectiveOn, today),
        or(
          sql`${materials} @> ${JSON.stringify([{ blankFormFileId: fileId }])}::jsonb`,
          sql`${materials} @> ${JSON.stringify([{ sampleFileId: fileId }])}::jsonb`,
        ),
      ),
    );
  return rows.map((r) => r.id);
}
