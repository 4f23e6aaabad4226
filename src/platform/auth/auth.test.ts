/**
 * Sessions, CSRF and the login throttle, through the HTTP API against a real database.
 */
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_POLICY, ADDRESS_POLICY } from '../../domain/accounts/login-throttle.ts';
import { centreInput } from '../../test/factories.ts';
import { createTestContext, role, TEST_PASSWORD, type Session, type TestContext } from '../../test/harness.ts';
import { auditLog } from '../audit/schema.ts';
import { setLoginSleep } from './login.ts';
import { loginThrottle } from './schema.ts';

let ctx: TestContext;
let admin: Session;
let centreId: string;
const slept: number[] = [];
let addressCounter = 0;
/** Each test fails from its own address, so that address counters do not mix. */
const freshAddress = () => `198.51.100.${++addressCounter}`;

beforeAll(async () => {
  ctx = await createTestContext();
  setLoginSleep(ctx.deps, async (ms) => {
    slept.push(ms);
  });
  admin = await ctx.userWith([role('system_admin')]);
  centreId = (await ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput() })).json<{ id: string }>().id;
});
afterAll(() => ctx.close());

function login(username: string, password: string, remoteAddress = '127.0.0.1') {
  return ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress });
}

function cookieOf(res: Awaited<ReturnType<typeof login>>): string {
  const c = res.cookies.find((x) => x.name === 'govhall_session');
  if (!c) throw new Error('no session cookie');
  return `govhall_session=${c.value}`;
}

async function auditOf(entityId: string) {
  return ctx.deps.db.select().from(auditLog).where(eq(auditLog.entityId, entityId));
}

describe('login and sessions', () => {
  it('sets an httpOnly cookie and returns the user and a CSRF token', async () => {
    const s = await ctx.userWith([role('centre_manager', centreId)], 'wang.fang');
    const res = await login('wang.fang', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'govhall_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.value.length).toBeGreaterThanOrEqual(40);
    const body = res.json();
    expect(body.user).toEqual({ id: s.userId, username: 'wang.fang', displayName: 'wang.fang', roles: [{ role: 'centre_manager', centreId, departmentId: null }] });
    expect(body.csrfToken).toEqual(expect.any(String));
    expect(body.csrfToken).not.toBe(s.csrfToken);
    const me = await ctx.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: cookieOf(res) } });
    expect(me.json().user.id).toBe(s.userId);
  });

  it('refuses a wrong password and an unknown user alike, and audits both without the password', async () => {
    const s = await ctx.userWith([role('auditor', centreId)], 'li.na');
    const ip = freshAddress();
    const wrong = await login('li.na', 'Wrong-password-1', ip);
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(wrong.cookies).toEqual([]);
    const unknown = await login('nobody.here', 'Wrong-password-2', ip);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error).toEqual(wrong.json().error);

    const records = [...(await auditOf(s.userId)), ...(await auditOf('nobody.here'))];
    expect(records.map((r) => r.action).sort()).toEqual(['login', 'login.failed', 'login.failed']);
    const text = JSON.stringify(records);
    for (const secret of [TEST_PASSWORD, 'Wrong-password-1', 'Wrong-password-2', 'scrypt$']) expect(text).not.toContain(secret);
    expect(records.find((r) => r.action === 'login.failed' && r.entityId === s.userId)!.after).toEqual({ ip, failures: 1, locked: false });
  });

  it('refuses a state change made with the cookie but without the right CSRF token, and changes nothing', async () => {
    const manager = await ctx.userWith([role('centre_manager', centreId)]);
    const before = (await ctx.as(admin, { method: 'GET', url: `/api/v1/centres/${centreId}` })).json();
    const auditBefore = (await auditOf(centreId)).length;
    for (const headers of [{ cookie: manager.cookie }, { cookie: manager.cookie, 'x-csrf-token': 'not-the-token' }, { cookie: manager.cookie, 'x-csrf-token': admin.csrfToken }]) {
      const res = await ctx.app.inject({ method: 'PATCH', url: `/api/v1/centres/${centreId}`, headers, payload: { address: '被篡改的地址 9 号' } });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('CSRF_TOKEN_INVALID');
    }
    expect((await ctx.as(admin, { method: 'GET', url: `/api/v1/centres/${centreId}` })).json()).toEqual(before);
    expect((await auditOf(centreId)).length).toBe(auditBefore);
    // A read needs no token; the same change with the token goes through.
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/centres/${centreId}`, headers: { cookie: manager.cookie } })).statusCode).toBe(200);
    const ok = await ctx.as(manager, { method: 'PATCH', url: `/api/v1/centres/${centreId}`, payload: { address: '新建区长征路 2 号' } });
    expect(ok.statusCode).toBe(200);
  });

  it('ends the session at logout', async () => {
    const s = await ctx.userWith([role('centre_manager', centreId)]);
    expect((await ctx.as(s, { method: 'GET', url: '/api/v1/centres' })).statusCode).toBe(200);
    const out = await ctx.as(s, { method: 'POST', url: '/api/v1/auth/logout' });
    expect(out.statusCode).toBe(204);
    const after = await ctx.as(s, { method: 'GET', url: '/api/v1/centres' });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('AUTH_SESSION_EXPIRED');
    expect((await ctx.as(s, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    expect((await auditOf(s.userId)).map((r) => r.action)).toEqual(['login', 'logout']);
  });

  it('expires a session after GOVHALL_SESSION_HOURS', async () => {
    const start = ctx.deps.clock();
    try {
      const s = await ctx.userWith([role('centre_manager', centreId)]);
      const hours = ctx.deps.config.sessionHours;
      ctx.setNow(new Date(start.getTime() + hours * 3_600_000 - 60_000));
      expect((await ctx.as(s, { method: 'GET', url: '/api/v1/centres' })).statusCode).toBe(200);
      ctx.setNow(new Date(start.getTime() + hours * 3_600_000 + 1_000));
      const res = await ctx.as(s, { method: 'GET', url: '/api/v1/centres' });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('AUTH_SESSION_EXPIRED');
      // Without any cookie it is plainly "log in first".
      const anonymous = await ctx.app.inject({ method: 'GET', url: '/api/v1/centres' });
      expect(anonymous.json().error.code).toBe('AUTH_REQUIRED');
    } finally {
      ctx.setNow(start);
    }
  });
});

describe('login flood', () => {
  it('slows repeated failures of one account, then locks it; the right password waits for the lock to pass', async () => {
    const start = ctx.deps.clock();
    try {
      const s = await ctx.userWith([role('window_clerk', centreId)], 'zhao.lei');
      const ip = freshAddress();
      slept.length = 0;
      const codes: string[] = [];
      for (let i = 0; i < ACCOUNT_POLICY.lockAfter; i++) codes.push((await login('zhao.lei', `Wrong-guess-${i}0`, ip)).json().error.code);
      expect(codes).toEqual(['AUTH_INVALID_CREDENTIALS', 'AUTH_INVALID_CREDENTIALS', 'AUTH_INVALID_CREDENTIALS', 'AUTH_INVALID_CREDENTIALS', 'AUTH_ACCOUNT_LOCKED']);
      // Attempts after the third failure waited, each longer than the one before.
      expect(slept).toEqual([250, 500]);

      const locked = await login('zhao.lei', TEST_PASSWORD, ip);
      expect(locked.statusCode).toBe(429);
      expect(locked.json().error.code).toBe('AUTH_ACCOUNT_LOCKED');
      expect(locked.json().error.message).toMatch(/请 15 分钟后再试/);
      expect(locked.headers['retry-after']).toBe(String(ACCOUNT_POLICY.lockMs / 1000));
      expect(locked.cookies).toEqual([]);
      // Locked from any address, not just the one that failed.
      expect((await login('zhao.lei', TEST_PASSWORD, freshAddress())).statusCode).toBe(429);

      ctx.setNow(new Date(start.getTime() + 10 * 60_000));
      const later = await login('zhao.lei', TEST_PASSWORD, ip);
      expect(later.statusCode).toBe(429);
      expect(later.headers['retry-after']).toBe(String(5 * 60));
      expect(later.json().error.message).toMatch(/请 5 分钟后再试/);

      ctx.setNow(new Date(start.getTime() + ACCOUNT_POLICY.lockMs + 1_000));
      const open = await login('zhao.lei', TEST_PASSWORD, ip);
      expect(open.statusCode).toBe(200);
      expect(open.json().user.id).toBe(s.userId);
      const [row] = await ctx.deps.db.select().from(loginThrottle).where(eq(loginThrottle.key, 'user:zhao.lei'));
      expect(row).toBeUndefined();

      const records = await auditOf(s.userId);
      expect(records.filter((r) => r.action === 'login.failed').map((r) => r.after)).toEqual([1, 2, 3, 4, 5].map((n) => ({ ip, failures: n, locked: n === 5 })));
      expect(records.filter((r) => r.action === 'login')).toHaveLength(2);
      expect(JSON.stringify(records)).not.toContain(TEST_PASSWORD);
      expect(JSON.stringify(records)).not.toContain('Wrong-guess');
    } finally {
      ctx.setNow(start);
    }
  });

  it('counts every one of many parallel failures', async () => {
    await ctx.userWith([role('window_clerk', centreId)], 'sun.li');
    const ip = freshAddress();
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => login('sun.li', `Parallel-guess-${i}0`, ip)));
    expect(results.every((r) => r.statusCode === 401 || r.statusCode === 429)).toBe(true);
    const [row] = await ctx.deps.db.select().from(loginThrottle).where(eq(loginThrottle.key, 'user:sun.li'));
    expect(row?.failures).toBe(8);
    expect(row?.lockedUntil).not.toBeNull();
    expect((await login('sun.li', TEST_PASSWORD, freshAddress())).json().error.code).toBe('AUTH_ACCOUNT_LOCKED');
  });

  it('locks an address that tries many usernames, without locking the accounts or other addresses', async () => {
    const start = ctx.deps.clock();
    try {
      await ctx.userWith([role('window_clerk', centreId)], 'qian.hao');
      const ip = freshAddress();
      slept.length = 0;
      const statuses: number[] = [];
      for (let i = 0; i < ADDRESS_POLICY.lockAfter; i++) statuses.push((await login(`guess${i}`, 'Any-password-1', ip)).statusCode);
      expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
      // Slowed from the attempt after ADDRESS_POLICY.slowAfter failures on.
      expect(slept).toHaveLength(ADDRESS_POLICY.lockAfter - ADDRESS_POLICY.slowAfter);
      expect(slept[0]).toBe(250);
      expect(Math.max(...slept)).toBe(ADDRESS_POLICY.maxDelayMs);

      const blocked = await login('qian.hao', TEST_PASSWORD, ip);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().error.code).toBe('AUTH_ADDRESS_LOCKED');
      expect(blocked.json().error.message).toMatch(/请 15 分钟后再试/);
      expect(Number(blocked.headers['retry-after'])).toBe(ADDRESS_POLICY.lockMs / 1000);
      // A forged X-Forwarded-For does not move the caller to a fresh address (no proxy is trusted by default).
      const forged = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'qian.hao', password: TEST_PASSWORD },
        remoteAddress: ip,
        headers: { 'x-forwarded-for': freshAddress() },
      });
      expect(forged.json().error.code).toBe('AUTH_ADDRESS_LOCKED');
      // The account itself is not locked: from elsewhere it logs in.
      expect((await login('qian.hao', TEST_PASSWORD, freshAddress())).statusCode).toBe(200);
      const rows = await ctx.deps.db.select().from(loginThrottle).where(inArray(loginThrottle.key, [`ip:${ip}`]));
      expect(rows[0]?.failures).toBe(ADDRESS_POLICY.lockAfter);

      ctx.setNow(new Date(start.getTime() + ADDRESS_POLICY.lockMs + 1_000));
      expect((await login('qian.hao', TEST_PASSWORD, ip)).statusCode).toBe(200);
    } finally {
      ctx.setNow(start);
    }
  });
});
