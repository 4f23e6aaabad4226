/**
 * Sessions (cookie) and device tokens (Bearer): turning a credential into a principal.
 * A short in-process cache spares the database a lookup on every request; logout and
 * revocation clear it here, and other processes forget within CACHE_MS.
 */
import { and, eq, isNull, lt, ne, sql } from 'drizzle-orm';
import type { DeviceRole, UserRole } from '../../domain/accounts/roles.ts';
import { AppError } from '../../domain/shared/errors.ts';
import { writeAudit } from '../audit/audit.ts';
import { queryRows, type Queryable } from '../db/database.ts';
import type { AppDeps } from '../deps.ts';
import { randomToken, sha256 } from './crypto.ts';
import type { RoleGrant } from './policy.ts';
import { actorOf, type DevicePrincipal, type Principal, type UserPrincipal } from './principal.ts';
import { deviceTokens, sessions } from './schema.ts';

export const SESSION_COOKIE = 'govhall_session';
/**
 * The device session (`POST /api/v1/auth/device-session`): EventSource cannot send an
 * Authorization header, so a display or kiosk exchanges its device token once per start
 * for this httpOnly cookie. Its value is the device token itself and it resolves exactly
 * like the Bearer token (same hash, same cache): revoking the token ends every session
 * made from it, in this process at once, in others within CACHE_MS, and no new table
 * is needed. It only reads (access.ts): it carries no CSRF token.
 */
export const DEVICE_SESSION_COOKIE = 'govhall_device';
export const DEVICE_TOKEN_PREFIX = 'ghd_';
const CACHE_MS = 5_000;
const CACHE_MAX = 10_000;
/** `last_used_at` of a device token is written at most this often (it is only a hint). */
export const LAST_USED_RESOLUTION_MS = 60_000;

interface Cached {
  readonly principal: Principal;
  readonly until: number;
  readonly expiresAt: number;
}
const cache = new Map<string, Cached>();

function remember(key: string, principal: Principal, now: number, expiresAt: number): void {
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(key, { principal, until: now + CACHE_MS, expiresAt });
}

function cached(key: string, now: number): Principal | undefined {
  const hit = cache.get(key);
  if (!hit) return undefined;
  if (hit.until < now || hit.expiresAt < now) {
    cache.delete(key);
    return undefined;
  }
  return hit.principal;
}

/** Forget cached principals (after logout, revocation or a change of roles). */
export function forgetCredential(key?: string): void {
  if (key === undefined) cache.clear();
  else cache.delete(key);
}

interface SessionRow {
  id: string;
  csrf_token: string;
  expires_at: Date | string;
  user_id: string;
  username: string;
  display_name: string;
  disabled: boolean;
  grants: { role: UserRole; centreId: string | null; departmentId: string | null }[] | string;
}

export async function resolveSession(deps: AppDeps, token: string): Promise<UserPrincipal | null> {
  const id = sha256(token);
  const now = deps.clock().getTime();
  const hit = cached(id, now);
  if (hit) return hit as UserPrincipal;
  const [row] = await queryRows<SessionRow>(
    deps.db,
    sql`select s.id, s.csrf_token, s.expires_at, u.id as user_id, u.username, u.display_name, u.disabled,
          coalesce((select json_agg(json_build_object('role', r.role, 'centreId', r.centre_id, 'departmentId', r.department_id))
                    from role_assignments r where r.user_id = u.id), '[]'::json) as grants
        from sessions s join users u on u.id = s.user_id
        where s.id = ${id}`,
  );
  if (!row || row.disabled) return null;
  const expiresAt = new Date(row.expires_at).getTime();
  if (expiresAt <= now) return null;
  const grants = (typeof row.grants === 'string' ? JSON.parse(row.grants) : row.grants) as RoleGrant[];
  const principal: UserPrincipal = {
    kind: 'user',
    id: row.user_id,
    username: row.username,
    displayName: row.display_name,
    grants,
    sessionId: id,
    csrfToken: row.csrf_token,
  };
  remember(id, principal, now, expiresAt);
  return principal;
}

export async function resolveBearer(deps: AppDeps, token: string): Promise<DevicePrincipal | null> {
  if (!token.startsWith(DEVICE_TOKEN_PREFIX)) return null;
  const hash = sha256(token);
  const now = deps.clock().getTime();
  const hit = cached(hash, now);
  if (hit) return hit as DevicePrincipal;
  const [row] = await deps.db
    .select({ id: deviceTokens.id, name: deviceTokens.name, role: deviceTokens.role, centreId: deviceTokens.centreId, lastUsedAt: deviceTokens.lastUsedAt })
    .from(deviceTokens)
    .where(and(eq(deviceTokens.tokenHash, hash), isNull(deviceTokens.revokedAt)));
  if (!row) return null;
  // Only on a cache miss, and only when the stored time is a minute old: a display
  // polling every second costs no write per request.
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await deps.db.update(deviceTokens).set({ lastUsedAt: new Date(now) }).where(eq(deviceTokens.id, row.id));
  }
  const principal: DevicePrincipal = { kind: 'device', id: row.id, name: row.name, role: row.role as DeviceRole, centreId: row.centreId };
  remember(hash, principal, now, Number.MAX_SAFE_INTEGER);
  return principal;
}

/**
 * Checks a device token for a device session and records the start of the session in
 * the audit trail; the route then sets {@link DEVICE_SESSION_COOKIE}.
 */
export async function startDeviceSession(deps: AppDeps, token: string, context: { ip: string; requestId: string }): Promise<DevicePrincipal> {
  const device = await resolveBearer(deps, token);
  if (!device) throw new AppError('AUTH_DEVICE_TOKEN_INVALID');
  const now = deps.clock();
  await deps.db.transaction((tx) =>
    writeAudit(tx, actorOf(device, context.requestId), now, {
      centreId: device.centreId,
      entity: 'device_token',
      entityId: device.id,
      action: 'session',
      after: { ip: context.ip },
    }),
  );
  return device;
}

export async function createSession(
  deps: AppDeps,
  userId: string,
  ip: string,
  q: Queryable = deps.db,
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomToken();
  const csrfToken = randomToken(24);
  const now = deps.clock();
  const expiresAt = new Date(now.getTime() + deps.config.sessionHours * 3_600_000);
  // Expired sessions of this user are of no use to anyone: tidy them on the way.
  await q.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, now)));
  await q.insert(sessions).values({ id: sha256(token), userId, csrfToken, ip, createdAt: now, expiresAt });
  return { token, csrfToken, expiresAt };
}

export async function deleteSession(q: Queryable, sessionId: string): Promise<void> {
  forgetCredential(sessionId);
  await q.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ids of a user's sessions, to forget once a change of the user's roles commits. */
export async function sessionIdsOf(q: Queryable, userId: string): Promise<string[]> {
  const rows = await q.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId));
  return rows.map((r) => r.id);
}

/**
 * Ends a user's sessions (all, or all but `keep`), e.g. when the account is disabled
 * or its password changes. Returns their ids: call {@link forgetCredential} with each
 * once the transaction commits, so that no request re-reads them in between.
 */
export async function deleteSessionsOf(q: Queryable, userId: string, keep?: string): Promise<string[]> {
  const rows = await q
    .delete(sessions)
    .where(keep === undefined ? eq(sessions.userId, userId) : and(eq(sessions.userId, userId), ne(sessions.id, keep)))
    .returning({ id: sessions.id });
  return rows.map((r) => r.id);
}
