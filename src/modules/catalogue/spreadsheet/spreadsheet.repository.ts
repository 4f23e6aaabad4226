/** Queries of the item import and export: departments to resolve, parents by code, latest guides. */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { ItemGuide } from '../../../domain/catalogue/guide.ts';
import type { Queryable } from '../../../platform/db/database.ts';
import { departments } from '../../organisation/schema.ts';
import { items, itemVersions } from '../schema.ts';

export interface DepartmentRef {
  readonly id: string;
  readonly name: string;
  readonly uscc: string | null;
}

/** The centre's active departments (进驻部门). */
export async function activeDepartments(q: Queryable, centreId: string): Promise<DepartmentRef[]> {
  return q
    .select({ id: departments.id, name: departments.name, uscc: departments.uscc })
    .from(departments)
    .where(and(eq(departments.centreId, centreId), isNull(departments.retiredAt)));
}

export type ParentRow = Pick<typeof items.$inferSelect, 'id' | 'level' | 'parentId' | 'implementationCode' | 'handlingCode'>;

/** Active main and sub-items of the centre by implementation code: the parents an import may name. */
export async function parentsByCode(q: Queryable, centreId: string, codes: readonly string[]): Promise<Map<string, ParentRow>> {
  if (codes.length === 0) return new Map();
  const rows = await q
    .select({ id: items.id, level: items.level, parentId: items.parentId, implementationCode: items.implementationCode, handlingCode: items.handlingCode })
    .from(items)
    .where(and(eq(items.centreId, centreId), isNull(items.retiredAt), sql`${items.level} <> 'handling'`, inArray(items.implementationCode, [...codes])));
  return new Map(rows.flatMap((r) => (r.implementationCode === null ? [] : [[r.implementationCode, r] as const])));
}

export interface ExportRow {
  readonly level: string;
  readonly basicCode: string;
  readonly implementationCode: string | null;
  readonly handlingCode: string | null;
  readonly parentCode: string | null;
  readonly departmentName: string;
  readonly guide: ItemGuide;
}

/** Every active item of the centre with the guide of its latest version, in code order. */
export async function itemsWithLatestGuide(q: Queryable, centreId: string): Promise<ExportRow[]> {
  const latest = q
    .select({ itemId: itemVersions.itemId, number: sql<number>`max(${itemVersions.number})`.as('latest_number') })
    .from(itemVersions)
    .groupBy(itemVersions.itemId)
    .as('latest');
  const parent = sql<string | null>`(select p.implementation_code from items p where p.id = ${items.parentId})`;
  return q
    .select({
      level: items.level,
      basicCode: items.basicCode,
      implementationCode: items.implementationCode,
      handlingCode: items.handlingCode,
      parentCode: parent,
      departmentName: departments.name,
      guide: itemVersions.guide,
    })
    .from(items)
    .innerJoin(latest, eq(latest.itemId, items.id))
    .innerJoin(itemVersions, and(eq(itemVersions.itemId, items.id), eq(itemVersions.number, latest.number)))
    .innerJoin(departments, eq(departments.id, items.departmentId))
    .where(and(eq(items.centreId, centreId), isNull(items.retiredAt)))
    .orderBy(asc(items.implementationCode), asc(items.handlingCode), asc(items.id));
}
