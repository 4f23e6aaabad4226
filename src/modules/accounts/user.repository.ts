import { and, asc, count, eq, exists, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { UserRole } from '../../domain/accounts/roles.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { roleAssignments, users } from '../../platform/auth/schema.ts';
import { centres, departments } from '../organisation/schema.ts';

export type UserRow = typeof users.$inferSelect;

export interface GrantInput {
  readonly role: UserRole;
  readonly centreId: string | null;
  readonly departmentId?: string | null;
}

export async function countUsers(q: Queryable): Promise<number> {
  const [row] = await q.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

export async function findUserByName(q: Queryable, username: string): Promise<UserRow | undefined> {
  const [row] = await q.select().from(users).where(eq(users.username, username));
  return row;
}

/** Whether a username is in use, ignoring case: `Zhang3` and `zhang3` would be confused. */
export async function usernameTaken(q: Queryable, username: string): Promise<boolean> {
  const [row] = await q.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = lower(${username})`);
  return row !== undefined;
}

export async function findUser(q: Queryable, id: string): Promise<UserRow | undefined> {
  const [row] = await q.select().from(users).where(eq(users.id, id));
  return row;
}

/** The row locked for update, inside a transaction. */
export async function lockUser(q: Queryable, id: string): Promise<UserRow | undefined> {
  const [row] = await q.select().from(users).where(eq(users.id, id)).for('update');
  return row;
}

export async function insertUser(
  q: Queryable,
  values: { username: string; displayName: string; passwordHash: string; now: Date },
  grants: readonly GrantInput[],
): Promise<UserRow> {
  const [row] = await q
    .insert(users)
    .values({ id: randomUUID(), username: values.username, displayName: values.displayName, passwordHash: values.passwordHash, createdAt: values.now, updatedAt: values.now })
    .returning();
  await replaceGrants(q, row!.id, grants, values.now);
  return row!;
}

export async function updateUser(
  q: Queryable,
  id: string,
  values: Partial<Pick<UserRow, 'displayName' | 'disabled' | 'passwordHash'>> & { updatedAt: Date },
): Promise<UserRow> {
  const [row] = await q.update(users).set(values).where(eq(users.id, id)).returning();
  return row!;
}

export async function replaceGrants(q: Queryable, userId: string, grants: readonly GrantInput[], now: Date): Promise<void> {
  await q.delete(roleAssignments).where(eq(roleAssignments.userId, userId));
  if (grants.length === 0) return;
  await q.insert(roleAssignments).values(
    grants.map((g) => ({ id: randomUUID(), userId, role: g.role, centreId: g.centreId, departmentId: g.departmentId ?? null, createdAt: now })),
  );
}

export async function grantsOf(q: Queryable, userId: string): Promise<GrantInput[]> {
  return (await grantsOfUsers(q, [userId])).get(userId) ?? [];
}

/** The grants of several users at once, in the order they were given. */
export async function grantsOfUsers(q: Queryable, userIds: readonly string[]): Promise<Map<string, GrantInput[]>> {
  const out = new Map<string, GrantInput[]>();
  if (userIds.length === 0) return out;
  const rows = await q
    .select({ userId: roleAssignments.userId, role: roleAssignments.role, centreId: roleAssignments.centreId, departmentId: roleAssignments.departmentId })
    .from(roleAssignments)
    .where(inArray(roleAssignments.userId, [...userIds]))
    .orderBy(asc(roleAssignments.createdAt), asc(roleAssignments.role));
  for (const r of rows) {
    const list = out.get(r.userId) ?? [];
    list.push({ role: r.role as UserRole, centreId: r.centreId, departmentId: r.departmentId });
    out.set(r.userId, list);
  }
  return out;
}

export interface UserFilter {
  /** Users holding a role in one of these centres; `'all'`: every user. */
  readonly centres: 'all' | readonly string[];
  readonly search?: string | undefined;
  readonly includeDisabled: boolean;
  readonly limit: number;
  readonly offset: number;
}

export async function listUsers(q: Queryable, filter: UserFilter): Promise<{ rows: UserRow[]; total: number }> {
  if (filter.centres !== 'all' && filter.centres.length === 0) return { rows: [], total: 0 };
  const conditions: (SQL | undefined)[] = [
    filter.centres === 'all'
      ? undefined
      : exists(
          q
            .select({ one: sql`1` })
            .from(roleAssignments)
            .where(and(eq(roleAssignments.userId, users.id), inArray(roleAssignments.centreId, [...filter.centres]))),
        ),
    filter.includeDisabled ? undefined : eq(users.disabled, false),
    filter.search ? or(ilike(users.username, `%${escapeLike(filter.search)}%`), ilike(users.displayName, `%${escapeLike(filter.search)}%`)) : undefined,
  ];
  const where = and(...conditions);
  const [total] = await q.select({ n: count() }).from(users).where(where);
  const rows = await q.select().from(users).where(where).orderBy(asc(users.username)).limit(filter.limit).offset(filter.offset);
  return { rows, total: Number(total?.n ?? 0) };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Enabled system administrators, locked: guards against removing the last one. */
export async function lockActiveSystemAdmins(q: Queryable): Promise<string[]> {
  const rows = await q
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.disabled, false),
        exists(q.select({ one: sql`1` }).from(roleAssignments).where(and(eq(roleAssignments.userId, users.id), eq(roleAssignments.role, 'system_admin')))),
      ),
    )
    .for('update');
  return rows.map((r) => r.id);
}

/**
 * The centre of an active department, for checking a role's department scope.
 * (A read of the organisation's table: accounts only needs to know where it belongs.)
 */
export async function activeDepartmentCentre(q: Queryable, departmentId: string): Promise<string | undefined> {
  const [row] = await q
    .select({ centreId: departments.centreId })
    .from(departments)
    .where(and(eq(departments.id, departmentId), isNull(departments.retiredAt)));
  return row?.centreId;
}

/** Whether a centre exists and is not retired, for checking a role's centre scope. */
export async function isActiveCentre(q: Queryable, centreId: string): Promise<boolean> {
  const [row] = await q.select({ id: centres.id }).from(centres).where(and(eq(centres.id, centreId), isNull(centres.retiredAt)));
  return row !== undefined;
}
