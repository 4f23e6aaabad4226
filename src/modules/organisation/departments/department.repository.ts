import { and, asc, eq, isNull, ne, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../../platform/db/database.ts';
import { departments, staff } from '../schema.ts';

export type DepartmentRow = typeof departments.$inferSelect;
export type DepartmentInsert = typeof departments.$inferInsert;
/** A department with the name of its chief representative, as lists and views show it. */
export interface DepartmentWithChief {
  readonly department: DepartmentRow;
  readonly chiefName: string | null;
}

const chief = alias(staff, 'chief');

export async function findDepartment(q: Queryable, id: string): Promise<DepartmentRow | undefined> {
  const [row] = await q.select().from(departments).where(eq(departments.id, id));
  return row;
}

/** The row locked for update, inside a transaction. */
export async function lockDepartment(q: Queryable, id: string): Promise<DepartmentRow | undefined> {
  const [row] = await q.select().from(departments).where(eq(departments.id, id)).for('update');
  return row;
}

async function selectWithChief(q: Queryable, where: SQL | undefined): Promise<DepartmentWithChief[]> {
  return q
    .select({ department: departments, chiefName: chief.name })
    .from(departments)
    .leftJoin(chief, eq(chief.id, departments.chiefRepresentativeId))
    .where(where)
    .orderBy(asc(departments.sortOrder), asc(departments.name), asc(departments.createdAt));
}

export async function findDepartmentWithChief(q: Queryable, id: string): Promise<DepartmentWithChief | undefined> {
  const [row] = await selectWithChief(q, eq(departments.id, id));
  return row;
}

/** One query: the centre's departments with their chiefs' names, by sort order then name. */
export async function listDepartments(q: Queryable, centreId: string, includeRetired: boolean): Promise<DepartmentWithChief[]> {
  return selectWithChief(q, and(eq(departments.centreId, centreId), includeRetired ? undefined : isNull(departments.retiredAt)));
}

/** An active department of the centre with this name, other than `exceptId`. */
export async function findActiveDepartmentByName(q: Queryable, centreId: string, name: string, exceptId: string | null): Promise<DepartmentRow | undefined> {
  const [row] = await q
    .select()
    .from(departments)
    .where(
      and(
        eq(departments.centreId, centreId),
        eq(departments.name, name),
        isNull(departments.retiredAt),
        exceptId ? ne(departments.id, exceptId) : undefined,
      ),
    );
  return row;
}

/** Active departments whose chief representative is this staff member. */
export async function findDepartmentsByChief(q: Queryable, staffId: string): Promise<DepartmentRow[]> {
  return q
    .select()
    .from(departments)
    .where(and(eq(departments.chiefRepresentativeId, staffId), isNull(departments.retiredAt)))
    .for('update');
}

export async function insertDepartment(q: Queryable, values: DepartmentInsert): Promise<DepartmentRow> {
  const [row] = await q.insert(departments).values(values).returning();
  return row!;
}

export async function updateDepartment(q: Queryable, id: string, values: Partial<DepartmentInsert>): Promise<DepartmentRow> {
  const [row] = await q.update(departments).set(values).where(eq(departments.id, id)).returning();
  return row!;
}
