/**
 * Use cases of accounts: list, read, create, update (roles, disabling), passwords.
 * All audited, never with a password or its hash. A centre manager manages the
 * accounts of their own centre only and never grants the system administrator role.
 */
import { isStrongPassword } from '../../domain/accounts/password-policy.ts';
import { uniqueViolation } from '../../platform/db/unique-violation.ts';
import { AppError, fieldError, type FieldIssue } from '../../domain/shared/errors.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { can, visibleCentres } from '../../platform/auth/access.ts';
import { hashPassword } from '../../platform/auth/crypto.ts';
import { checkCurrentPassword } from '../../platform/auth/login.ts';
import type { Permission, Scope } from '../../platform/auth/policy.ts';
import type { Actor, Principal, UserPrincipal } from '../../platform/auth/principal.ts';
import { deleteSessionsOf, forgetCredential, sessionIdsOf } from '../../platform/auth/sessions.ts';
import type { Queryable } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { distinctGrants, roleScopeIssues, singleCentre } from './role-scope.ts';
import * as repo from './user.repository.ts';
import type { GrantInput } from './user.repository.ts';
import type { UserCreate, UserListQuery, UserUpdate, UserView } from './user.schemas.ts';

function userView(row: repo.UserRow, grants: readonly GrantInput[], visible: 'all' | readonly string[]): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    disabled: row.disabled,
    // A centre manager sees the roles in their centres, not where else a person works.
    roles: grants
      .filter((g) => visible === 'all' || (g.centreId !== null && visible.includes(g.centreId)))
      .map((g) => ({ role: g.role, centreId: g.centreId, departmentId: g.departmentId ?? null })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** For the audit trail: what changed, without credentials. */
function auditView(row: repo.UserRow, grants: readonly GrantInput[]) {
  return { username: row.username, displayName: row.displayName, disabled: row.disabled, roles: grants.map((g) => ({ ...g, departmentId: g.departmentId ?? null })) };
}

function isVisible(grants: readonly GrantInput[], visible: 'all' | readonly string[]): boolean {
  return visible === 'all' || grants.some((g) => g.centreId !== null && visible.includes(g.centreId));
}

/** Whether the principal may hand out this grant. */
function mayGrant(principal: Principal | null, grant: GrantInput): boolean {
  if (grant.role === 'system_admin' || grant.centreId === null) return visibleCentres(principal, 'user.manage') === 'all';
  return can(principal, 'user.manage', { centreId: grant.centreId });
}

/**
 * Whether the principal may change an account: every role it holds must be one the
 * principal could grant, so that a centre manager cannot take over (reset the
 * password of) someone who also works elsewhere or administers the system.
 */
function mayManage(principal: Principal | null, grants: readonly GrantInput[]): boolean {
  if (visibleCentres(principal, 'user.manage') === 'all') return true;
  return grants.length > 0 && grants.every((g) => mayGrant(principal, g));
}

/** 403 for a grant the caller may not give, then 422 for a grant that fits no scope. */
async function checkGrants(q: Queryable, principal: Principal | null, grants: readonly GrantInput[]): Promise<void> {
  // A non-admin role without a centre is not a matter of rights but of scope (422 below).
  if (grants.some((g) => (g.role === 'system_admin' || g.centreId !== null) && !mayGrant(principal, g))) {
    throw new AppError('FORBIDDEN', { message: '只能授予本中心的角色，且不能授予系统管理员' });
  }
  const issues: FieldIssue[] = roleScopeIssues(grants);
  if (issues.length === 0) {
    for (const [i, g] of grants.entries()) {
      if (g.centreId === null) continue;
      if (!(await repo.isActiveCentre(q, g.centreId))) {
        issues.push({ path: `/roles/${i}/centreId`, code: 'ROLE_SCOPE_INVALID', message: '所属中心不存在或已撤销' });
        continue;
      }
      if (g.departmentId && (await repo.activeDepartmentCentre(q, g.departmentId)) !== g.centreId) {
        issues.push({ path: `/roles/${i}/departmentId`, code: 'ROLE_SCOPE_INVALID', message: '该部门不存在、已停用或不属于所选中心' });
      }
    }
  }
  if (issues.length > 0) throw new AppError('ROLE_SCOPE_INVALID', { fields: issues, message: issues.map((i) => i.message).join('；') });
}

function checkStrength(password: string, path: string): void {
  if (!isStrongPassword(password)) throw fieldError('PASSWORD_TOO_WEAK', path);
}

/** The account, if the caller may see it; otherwise it does not exist for them. */
async function visibleUser(q: Queryable, principal: Principal | null, id: string, lock: boolean) {
  const row = lock ? await repo.lockUser(q, id) : await repo.findUser(q, id);
  if (!row) throw new AppError('USER_NOT_FOUND');
  const grants = await repo.grantsOf(q, id);
  if (!isVisible(grants, visibleCentres(principal, 'user.read'))) throw new AppError('USER_NOT_FOUND');
  return { row, grants };
}

/**
 * The scope of a request about one account, resolved before its body is read: 404
 * for an account the caller cannot see, else a centre of the account where the
 * caller holds `permission` (if any), for the access check to pass or refuse.
 */
export async function scopeOfUser(deps: AppDeps, principal: Principal | null, id: string, permission: Permission): Promise<Scope> {
  const { grants } = await visibleUser(deps.db, principal, id, false);
  if (visibleCentres(principal, permission) === 'all') return { centreId: null };
  const centres = grants.flatMap((g) => (g.centreId ? [g.centreId] : []));
  return { centreId: centres.find((c) => can(principal, permission, { centreId: c })) ?? centres[0] ?? null };
}

function forgetAll(sessionIds: readonly string[]): void {
  for (const id of sessionIds) forgetCredential(id);
}

export async function listUsers(deps: AppDeps, principal: Principal | null, query: UserListQuery): Promise<{ items: UserView[]; total: number }> {
  const visible = visibleCentres(principal, 'user.read');
  // A centreId filter was authorised by the route's scope (centreQueryOrAny).
  const centres = query.centreId ? [query.centreId] : visible;
  const { rows, total } = await repo.listUsers(deps.db, {
    centres,
    search: query.search,
    includeDisabled: query.includeDisabled ?? false,
    limit: query.limit ?? 100,
    offset: query.offset ?? 0,
  });
  const grants = await repo.grantsOfUsers(deps.db, rows.map((r) => r.id));
  return { items: rows.map((r) => userView(r, grants.get(r.id) ?? [], visible)), total };
}

export async function getUser(deps: AppDeps, principal: Principal | null, id: string): Promise<UserView> {
  const { row, grants } = await visibleUser(deps.db, principal, id, false);
  return userView(row, grants, visibleCentres(principal, 'user.read'));
}

export async function createUser(deps: AppDeps, principal: Principal | null, actor: Actor, input: UserCreate): Promise<UserView> {
  const grants = distinctGrants(input.roles);
  await checkGrants(deps.db, principal, grants);
  checkStrength(input.password, '/password');
  if (await repo.usernameTaken(deps.db, input.username)) throw fieldError('USERNAME_TAKEN', '/username');
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock();
  const row = await deps.db
    .transaction(async (tx) => {
      if (await repo.usernameTaken(tx, input.username)) throw fieldError('USERNAME_TAKEN', '/username');
      const created = await repo.insertUser(tx, { username: input.username, displayName: input.displayName.trim(), passwordHash, now }, grants);
      await writeAudit(tx, actor, now, { centreId: singleCentre(grants), entity: 'user', entityId: created.id, action: 'create', after: auditView(created, grants) });
      return created;
    })
    .catch((err: unknown) => {
      // Two concurrent requests for one username: the unique index decides.
      if (uniqueViolation(err) !== undefined) throw fieldError('USERNAME_TAKEN', '/username');
      throw err;
    });
  return userView(row, grants, visibleCentres(principal, 'user.read'));
}

export async function updateUser(deps: AppDeps, principal: Principal | null, actor: Actor, id: string, input: UserUpdate): Promise<UserView> {
  const now = deps.clock();
  const result = await deps.db.transaction(async (tx) => {
    const { row: before, grants: beforeGrants } = await visibleUser(tx, principal, id, true);
    if (!mayManage(principal, beforeGrants)) throw new AppError('FORBIDDEN', { message: '该账号还在其他中心任职或为系统管理员，只能由系统管理员修改' });
    const grants = input.roles ? distinctGrants(input.roles) : beforeGrants;
    if (input.roles) await checkGrants(tx, principal, grants);
    const wasAdmin = !before.disabled && beforeGrants.some((g) => g.role === 'system_admin');
    const staysAdmin = !(input.disabled ?? before.disabled) && grants.some((g) => g.role === 'system_admin');
    if (wasAdmin && !staysAdmin) {
      // Without an enabled system administrator nobody could manage the deployment.
      const admins = await repo.lockActiveSystemAdmins(tx);
      if (admins.filter((a) => a !== id).length === 0) throw new AppError('LAST_SYSTEM_ADMIN');
    }
    const after = await repo.updateUser(tx, id, {
      ...(input.displayName !== undefined ? { displayName: input.displayName.trim() } : {}),
      ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
      updatedAt: now,
    });
    if (input.roles) await repo.replaceGrants(tx, id, grants, now);
    // A disabled account is signed out everywhere at once.
    const ended = input.disabled === true ? await deleteSessionsOf(tx, id) : [];
    const action = input.disabled === true && !before.disabled ? 'disable' : input.disabled === false && before.disabled ? 'enable' : 'update';
    await writeAudit(tx, actor, now, {
      centreId: singleCentre([...beforeGrants, ...grants]),
      entity: 'user',
      entityId: id,
      action,
      before: auditView(before, beforeGrants),
      after: auditView(after, grants),
    });
    return { after, grants, ended, remaining: input.roles ? await sessionIdsOf(tx, id) : [] };
  });
  // New roles and disabling take effect on the very next request of this process.
  forgetAll([...result.ended, ...result.remaining]);
  return userView(result.after, result.grants, visibleCentres(principal, 'user.read'));
}

/** A manager sets a new password for someone; all that person's sessions end. */
export async function resetPassword(deps: AppDeps, principal: Principal | null, actor: Actor, id: string, password: string): Promise<void> {
  const { grants } = await visibleUser(deps.db, principal, id, false);
  if (!mayManage(principal, grants)) throw new AppError('FORBIDDEN', { message: '该账号还在其他中心任职或为系统管理员，只能由系统管理员修改' });
  checkStrength(password, '/password');
  const passwordHash = await hashPassword(password);
  const now = deps.clock();
  const ended = await deps.db.transaction(async (tx) => {
    const { grants: current } = await visibleUser(tx, principal, id, true);
    if (!mayManage(principal, current)) throw new AppError('FORBIDDEN');
    await repo.updateUser(tx, id, { passwordHash, updatedAt: now });
    const sessions = await deleteSessionsOf(tx, id);
    await writeAudit(tx, actor, now, { centreId: singleCentre(current), entity: 'user', entityId: id, action: 'password.reset', after: { sessionsEnded: sessions.length } });
    return sessions;
  });
  forgetAll(ended);
}

/** Someone changes their own password; their other sessions end, this one stays. */
export async function changeOwnPassword(
  deps: AppDeps,
  principal: UserPrincipal,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; ip: string },
): Promise<void> {
  await checkCurrentPassword(deps, actor, { userId: principal.id, password: input.currentPassword, ip: input.ip });
  checkStrength(input.newPassword, '/newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  const now = deps.clock();
  const ended = await deps.db.transaction(async (tx) => {
    await repo.updateUser(tx, principal.id, { passwordHash, updatedAt: now });
    const sessions = await deleteSessionsOf(tx, principal.id, principal.sessionId);
    await writeAudit(tx, actor, now, { centreId: null, entity: 'user', entityId: principal.id, action: 'password.change', after: { sessionsEnded: sessions.length } });
    return sessions;
  });
  forgetAll(ended);
}
