/** Logging in and out, with failed attempts slowed and then locked (per account and address). */
import { eq, inArray } from 'drizzle-orm';
import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  checkThrottle,
  recordFailure,
  type ThrottlePolicy,
  type ThrottleState,
} from '../../domain/accounts/login-throttle.ts';
import { AppError, fieldError } from '../../domain/shared/errors.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Tx } from '../db/database.ts';
import type { AppDeps } from '../deps.ts';
import { dummyPasswordHash, verifyPassword } from './crypto.ts';
import type { Actor } from './principal.ts';
import { loginThrottle, users } from './schema.ts';
import { createSession } from './sessions.ts';

export type Sleep = (ms: number) => Promise<void>;
const realSleep: Sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The slowdown waits in real time; tests of a login flood replace the wait per app
// (keyed by its deps) so that they neither take minutes nor depend on the wall clock.
const sleeps = new WeakMap<AppDeps, Sleep>();

/** Replaces the slowdown wait of logins served with these deps (tests). */
export function setLoginSleep(deps: AppDeps, sleep: Sleep): void {
  sleeps.set(deps, sleep);
}

function lockedError(code: 'AUTH_ACCOUNT_LOCKED' | 'AUTH_ADDRESS_LOCKED', until: Date, now: Date): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const base = code === 'AUTH_ACCOUNT_LOCKED' ? '登录失败次数过多，账号已锁定' : '该地址登录失败次数过多，已暂时禁止登录';
  return new AppError(code, { message: `${base}，请 ${minutes} 分钟后再试`, details: { retryAfterSeconds, lockedUntil: until.toISOString() } });
}

const accountKey = (username: string) => `user:${username.toLowerCase()}`;
const addressKey = (ip: string) => `ip:${ip}`;

/**
 * Counts one more failure for each key, atomically: the rows are locked first, so
 * that parallel attempts cannot each write "one failure" over one another.
 */
async function countFailure(tx: Tx, keys: readonly (readonly [string, ThrottlePolicy])[], now: Date): Promise<Map<string, ThrottleState>> {
  const sorted = [...keys].sort(([a], [b]) => a.localeCompare(b));
  await tx
    .insert(loginThrottle)
    .values(sorted.map(([key]) => ({ key, failures: 0, windowStart: now, lockedUntil: null })))
    .onConflictDoNothing();
  const rows = await tx
    .select()
    .from(loginThrottle)
    .where(inArray(loginThrottle.key, sorted.map(([key]) => key)))
    .orderBy(loginThrottle.key)
    .for('update');
  const next = new Map<string, ThrottleState>();
  for (const [key, policy] of sorted) {
    const state = recordFailure(rows.find((r) => r.key === key) ?? null, now, policy);
    await tx.update(loginThrottle).set(state).where(eq(loginThrottle.key, key));
    next.set(key, state);
  }
  return next;
}

export interface LoginResult {
  readonly userId: string;
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export async function login(deps: AppDeps, input: { username: string; password: string; ip: string; requestId: string }): Promise<LoginResult> {
  const now = deps.clock();
  const userKey = accountKey(input.username);
  const ipKey = addressKey(input.ip);
  const rows = await deps.db.select().from(loginThrottle).where(inArray(loginThrottle.key, [userKey, ipKey]));
  const state = (key: string): ThrottleState | null => rows.find((r) => r.key === key) ?? null;

  const byIp = checkThrottle(state(ipKey), now, ADDRESS_POLICY);
  if (byIp.locked) throw lockedError('AUTH_ADDRESS_LOCKED', byIp.until, now);
  const byUser = checkThrottle(state(userKey), now, ACCOUNT_POLICY);
  if (byUser.locked) throw lockedError('AUTH_ACCOUNT_LOCKED', byUser.until, now);
  const delay = Math.max(byIp.delayMs, byUser.delayMs);
  if (delay > 0) await (sleeps.get(deps) ?? realSleep)(delay);

  const [user] = await deps.db.select().from(users).where(eq(users.username, input.username));
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()));
  const actor: Actor = { type: 'user', id: user?.id ?? null, name: input.username, requestId: input.requestId };

  if (!user || !ok) {
    const next = await deps.db.transaction(async (tx) => {
      const counted = await countFailure(
        tx,
        [
          [userKey, ACCOUNT_POLICY],
          [ipKey, ADDRESS_POLICY],
        ],
        now,
      );
      const byAccount = counted.get(userKey)!;
      await writeAudit(tx, actor, now, {
        centreId: null,
        entity: 'account',
        entityId: user?.id ?? input.username,
        action: 'login.failed',
        after: { ip: input.ip, failures: byAccount.failures, locked: byAccount.lockedUntil !== null },
      });
      return counted;
    });
    const nextUser = next.get(userKey)!;
    const nextIp = next.get(ipKey)!;
    if (nextUser.lockedUntil) throw lockedError('AUTH_ACCOUNT_LOCKED', nextUser.lockedUntil, now);
    if (nextIp.lockedUntil) throw lockedError('AUTH_ADDRESS_LOCKED', nextIp.lockedUntil, now);
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  if (user.disabled) throw new AppError('AUTH_ACCOUNT_DISABLED');

  const session = await deps.db.transaction(async (tx) => {
    // Parallel failures may have locked the account while this password was checked:
    // the lock wins, so a burst of guesses gets no more tries than the lock allows.
    const [current] = await tx.select().from(loginThrottle).where(eq(loginThrottle.key, userKey)).for('update');
    const verdict = checkThrottle(current ?? null, now, ACCOUNT_POLICY);
    if (verdict.locked) throw lockedError('AUTH_ACCOUNT_LOCKED', verdict.until, now);
    await tx.delete(loginThrottle).where(eq(loginThrottle.key, userKey));
    const created = await createSession(deps, user.id, input.ip, tx);
    await writeAudit(tx, actor, now, { centreId: null, entity: 'account', entityId: user.id, action: 'login', after: { ip: input.ip } });
    return created;
  });
  return { userId: user.id, ...session };
}

/**
 * Checks a signed-in user's current password before a change of password. Wrong
 * answers count against the account like failed logins, so a borrowed session
 * cannot be used to guess the password.
 */
export async function checkCurrentPassword(
  deps: AppDeps,
  actor: Actor,
  input: { userId: string; password: string; ip: string },
): Promise<void> {
  const now = deps.clock();
  const [user] = await deps.db.select().from(users).where(eq(users.id, input.userId));
  if (!user) throw new AppError('USER_NOT_FOUND');
  const userKey = accountKey(user.username);
  const [row] = await deps.db.select().from(loginThrottle).where(eq(loginThrottle.key, userKey));
  const verdict = checkThrottle(row ?? null, now, ACCOUNT_POLICY);
  if (verdict.locked) throw lockedError('AUTH_ACCOUNT_LOCKED', verdict.until, now);
  if (await verifyPassword(input.password, user.passwordHash)) return;
  const next = await deps.db.transaction(async (tx) => {
    const counted = await countFailure(tx, [[userKey, ACCOUNT_POLICY]], now);
    const byAccount = counted.get(userKey)!;
    await writeAudit(tx, actor, now, {
      centreId: null,
      entity: 'account',
      entityId: user.id,
      action: 'password.failed',
      after: { ip: input.ip, failures: byAccount.failures, locked: byAccount.lockedUntil !== null },
    });
    return byAccount;
  });
  if (next.lockedUntil) throw lockedError('AUTH_ACCOUNT_LOCKED', next.lockedUntil, now);
  throw fieldError('CURRENT_PASSWORD_WRONG', '/currentPassword');
}
