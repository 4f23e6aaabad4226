import { and, asc, eq, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/database.ts';
import { users } from '../../../platform/auth/schema.ts';
import { departments, staff } from '../schema.ts';

export type StaffRow = typeof staff.$inferSelect;
export type StaffInsert = typeof staff.$inferInsert;
export interface StaffWithDepartment {
  readonly staff: StaffRow;
  readonly departmentName: string | null;
}

export async function findStaff(q: Queryable, id: string): Promise<StaffRow | undefined> {
  const [row] = await q.select().from(staff).where(eq(staff.id, id));
  return row;
}

/** The row locked for update, inside a transaction. */
export async function lockStaff(q: Queryable, id: string): Promise<StaffRow | undefined> {
  const [row] = await q.select().from(staff).where(eq(staff.id, id)).for('update');
  return row;
}

function selectWithDepartment(q: Queryable, where: SQL | undefined) {
  return q
    .select({ staff, departmentName: departments.name })
    .from(staff)
    .leftJoin(departments, eq(departments.id, staff.departmentId))
    .where(where);
}

export async function findStaffWithDepartment(q: Queryable, id: string): Promise<StaffWithDepartment | undefined> {
  const [row] = await selectWithDepartment(q, eq(staff.id, id));
  return row;
}

export async function listStaff(q: Queryable, centreId: string, includeRetired: boolean): Promise<StaffWithDepartment[]> {
  return selectWithDepartment(q, and(eq(staff.centreId, centreId), includeRetired ? undefined : isNull(staff.retiredAt))).orderBy(
    sql`${staff.workNumber} collate "C"`,
    asc(staff.createdAt),
  );
}

/**
 * §5.1.3.3 the staff board: active staff of the centre, the centre's own staff first,
 * then by department in the departments' order, then by work number.
 */
export async function listBoardStaff(q: Queryable, centreId: string): Promise<StaffWithDepartment[]> {
  return selectWithDepartment(q, and(eq(staff.centreId, centreId), isNull(staff.retiredAt))).orderBy(
    sql`${departments.sortOrder} asc nulls first`,
    asc(departments.name),
    sql`${staff.workNumber} collate "C"`,
  );
}

export async function findActiveStaffByWorkNumber(q: Queryable, centreId: string, workNumber: string, exceptId: string | null): Promise<StaffRow | undefined> {
  const [row] = await q
    .select()
    .from(staff)
    .where(and(eq(staff.centreId, centreId), eq(staff.workNumber, workNumber), isNull(staff.retiredAt), exceptId ? ne(staff.id, exceptId) : undefined));
  return row;
}

export async function findActiveStaffByUser(q: Queryable, userId: string, exceptId: string | null): Promise<StaffRow | undefined> {
  const [row] = await q
    .select()
    .from(staff)
    .where(and(eq(staff.userId, userId), isNull(staff.retiredAt), exceptId ? ne(staff.id, exceptId) : undefined));
  return row;
}

/** Whether an account exists (staff may be linked to one). */
export async function userExists(q: Queryable, userId: string): Promise<boolean> {
  const [row] = await q.select({ id: users.id }).from(users).where(eq(users.id, userId));
  return row !== undefined;
}

export async function insertStaff(q: Queryable, values: StaffInsert): Promise<StaffRow> {
  const [row] = await q.insert(staff).values(values).returning();
  return row!;
}

export async function updateStaff(q: Queryable, id: string, values: Partial<StaffInsert>): Promise<StaffRow> {
  const [row] = await q.update(staff).set(values).where(eq(staff.id, id)).returning();
  return row!;
}
