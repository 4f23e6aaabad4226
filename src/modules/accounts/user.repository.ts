import { asc, eq, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { UserRole } from '../../domain/accounts/roles.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { roleAssignments, users } from '../../platform/auth/schema.ts';

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

export async function replaceGrants(q: Queryable, userId: string, grants: readonly GrantInput[], now: Date): Promise<void> {
  await q.delete(roleAssignments).where(eq(roleAssignments.userId, userId));
  if (grants.length === 0) return;
  await q.insert(roleAssignments).values(
    grants.map((g) => ({ id: randomUUID(), userId, role: g.role, centreId: g.centreId, departmentId: g.departmentId ?? null, createdAt: now })),
  );
}

export async function grantsOf(q: Queryable, userId: string): Promise<GrantInput[]> {
  const rows = await q
    .select({ role: roleAssignments.role, centreId: roleAssignments.centreId, departmentId: roleAssignments.departmentId })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, userId))
    .orderBy(asc(roleAssignments.createdAt));
  return rows.map((r) => ({ ...r, role: r.role as UserRole }));
}
