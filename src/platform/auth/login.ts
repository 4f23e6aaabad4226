/** Logging in and out, with failed attempts slowed and then locked (per account and address). */
import { eq, inArray } from 'drizzle-orm';
import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  checkThrottle,
  recordFailure,
  type ThrottleState,
} from '../../domain/accounts/login-throttle.ts';
import { AppError } from '../../domain/shared/errors.ts';
import { writeAudit } from '../audit/audit.ts';
import type { AppDeps } from '../deps.ts';
import { dummyPasswordHash, verifyPassword } from './crypto.ts';
import type { Actor } from './principal.ts';
import { loginThrottle, users } from './schema.ts';
import { createSession } from './sessions.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function lockedError(code: 'AUTH_ACCOUNT_LOCKED' | 'AUTH_ADDRESS_LOCKED', until: Date, now: Date): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const base = code === 'AUTH_ACCOUNT_LOCKED' ? '登录失败次数过多，账号已锁定' : '该地址登录失败次数过多，已暂时禁止登录';
  return new AppError(code, { message: `${base}，请 ${minutes} 分钟后再试`, details: { retryAfterSeconds, lockedUntil: until.toISOString() } });
}

export interface LoginResult {
  readonly userId: string;
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export async function login(deps: AppDeps, input: { username: string; password: string; ip: string; requestId: string }): Promise<LoginResult> {
  const now = deps.clock();
  const userKey = `user:${input.username.toLowerCase()}`;
  const ipKey = `ip:${input.ip}`;
  const rows = await deps.db.select().from(loginThrottle).where(inArray(loginThrottle.key, [userKey, ipKey]));
  const state = (key: string): ThrottleState | null => rows.find((r) => r.key === key) ?? null;

  const byIp = checkThrottle(state(ipKey), now, ADDRESS_POLICY);
  if (byIp.locked) throw lockedError('AUTH_ADDRESS_LOCKED', byIp.until, now);
  const byUser = checkThrottle(state(userKey), now, ACCOUNT_POLICY);
  if (byUser.locked) throw lockedError('AUTH_ACCOUNT_LOCKED', byUser.until, now);
  const delay = Math.max(byIp.delayMs, byUser.delayMs);
  if (delay > 0) await sleep(delay);

  const [user] = await deps.db.select().from(users).where(eq(users.username, input.username));
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()));
  const actor: Actor = { type: 'user', id: user?.id ?? null, name: input.username, requestId: input.requestId };

  if (!user || !ok) {
    const nextUser = recordFailure(state(userKey), now, ACCOUNT_POLICY);
    const nextIp = recordFailure(state(ipKey), now, ADDRESS_POLICY);
    await deps.db.transaction(async (tx) => {
      for (const [key, next] of [
        [userKey, nextUser],
        [ipKey, nextIp],
      ] as const) {
        await tx
          .insert(loginThrottle)
          .values({ key, ...next })
          .onConflictDoUpdate({ target: loginThrottle.key, set: { ...next } });
      }
      await writeAudit(tx, actor, now, {
        centreId: null,
        entity: 'account',
        entityId: user?.id ?? input.username,
        action: 'login.failed',
        after: { ip: input.ip, failures: nextUser.failures, locked: nextUser.lockedUntil !== null },
      });
    });
    if (nextUser.lockedUntil) throw lockedError('AUTH_ACCOUNT_LOCKED', nextUser.lockedUntil, now);
    if (nextIp.lockedUntil) throw lockedError('AUTH_ADDRESS_LOCKED', nextIp.lockedUntil, now);
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  if (user.disabled) throw new AppError('AUTH_ACCOUNT_DISABLED');

  const session = await deps.db.transaction(async (tx) => {
    await tx.delete(loginThrottle).where(eq(loginThrottle.key, userKey));
    const created = await createSession(deps, user.id, input.ip, tx);
    await writeAudit(tx, actor, now, { centreId: null, entity: 'account', entityId: user.id, action: 'login', after: { ip: input.ip } });
    return created;
  });
  return { userId: user.id, ...session };
}
