import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/schema.ts';
import { sessions, users } from '../../platform/auth/schema.ts';
import { centreInput } from '../../test/factories.ts';
import { createTestContext, role, TEST_PASSWORD, type Session, type TestContext } from '../../test/harness.ts';
import { departments } from '../organisation/schema.ts';

let ctx: TestContext;
let admin: Session;
let centreA: string;
let centreB: string;
let deptA: string;
let deptB: string;
let managerA: Session;

const NEW_PASSWORD = 'Xinmima-2025-ok';

async function createCentre(): Promise<string> {
  return (await ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput() })).json<{ id: string }>().id;
}

/** A department row as setup (departments have their own module and tests). */
async function createDepartment(centreId: string): Promise<string> {
  const id = randomUUID();
  await ctx.deps.db.insert(departments).values({ id, centreId, name: `部门${id.slice(0, 6)}` });
  return id;
}

function login(username: string, password: string) {
  return ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: '203.0.113.9' });
}

function userInput(overrides: Record<string, unknown> = {}) {
  return { username: `u${randomUUID().slice(0, 8)}`, displayName: '刘洋', password: 'Chushi-mima-01', roles: [{ role: 'window_clerk', centreId: centreA }], ...overrides };
}

async function auditOf(entityId: string) {
  return ctx.deps.db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(auditLog.id);
}

async function countUsers(): Promise<number> {
  return (await ctx.deps.db.select({ id: users.id }).from(users)).length;
}

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.userWith([role('system_admin')]);
  centreA = await createCentre();
  centreB = await createCentre();
  deptA = await createDepartment(centreA);
  deptB = await createDepartment(centreB);
  managerA = await ctx.userWith([role('centre_manager', centreA)]);
});
afterAll(() => ctx.close());

describe('creating users', () => {
  it('creates a user with roles, audited without the password, who can then log in', async () => {
    const input = userInput({ username: 'chen.jing', roles: [{ role: 'chief_representative', centreId: centreA, departmentId: deptA }] });
    const res = await ctx.as(managerA, { method: 'POST', url: '/api/v1/users', payload: input });
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({ username: 'chen.jing', displayName: '刘洋', disabled: false, roles: [{ role: 'chief_representative', centreId: centreA, departmentId: deptA }] });
    expect(user).not.toHaveProperty('password');
    expect(user).not.toHaveProperty('passwordHash');
    expect((await ctx.as(admin, { method: 'GET', url: `/api/v1/users/${user.id}` })).json()).toEqual(user);

    const audit = await auditOf(user.id);
    expect(audit.map((a) => [a.action, a.centreId, a.actorId])).toEqual([['create', centreA, managerA.userId]]);
    const text = JSON.stringify(audit);
    expect(text).not.toContain(input.password);
    expect(text).not.toContain('scrypt');
    expect((await login('chen.jing', input.password)).statusCode).toBe(200);
  });

  it('refuses a weak password with 422 PASSWORD_TOO_WEAK and stores nothing', async () => {
    const before = await countUsers();
    for (const password of ['short1', 'onlyletterslong', '1234567890123']) {
      const res = await ctx.as(admin, { method: 'POST', url: '/api/v1/users', payload: userInput({ password }) });
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'PASSWORD_TOO_WEAK', fields: [{ path: '/password' }] });
    }
    expect(await countUsers()).toBe(before);
  });

  it('refuses a taken username, whatever its case, with 409', async () => {
    await ctx.as(admin, { method: 'POST', url: '/api/v1/users', payload: userInput({ username: 'zhou.min' }) });
    for (const username of ['zhou.min', 'Zhou.Min']) {
      const res = await ctx.as(admin, { method: 'POST', url: '/api/v1/users', payload: userInput({ username }) });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('USERNAME_TAKEN');
    }
  });

  it('lets a centre manager grant roles in their own centre only, and never system_admin', async () => {
    const before = await countUsers();
    const cases = [
      [{ role: 'window_clerk', centreId: centreB }],
      [{ role: 'system_admin', centreId: null }],
      [
        { role: 'window_clerk', centreId: centreA },
        { role: 'auditor', centreId: centreB },
      ],
    ];
    for (const roles of cases) {
      const res = await ctx.as(managerA, { method: 'POST', url: '/api/v1/users', payload: userInput({ roles }) });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    expect(await countUsers()).toBe(before);
    // A manager may appoint another manager of the same centre.
    const ok = await ctx.as(managerA, { method: 'POST', url: '/api/v1/users', payload: userInput({ roles: [{ role: 'centre_manager', centreId: centreA }] }) });
    expect(ok.statusCode).toBe(201);
    // Read-only roles and people without a manager's role create nobody.
    const auditor = await ctx.userWith([role('auditor', centreA)]);
    expect((await ctx.as(auditor, { method: 'POST', url: '/api/v1/users', payload: userInput() })).statusCode).toBe(403);
  });

  it('checks where each role may apply (422 ROLE_SCOPE_INVALID)', async () => {
    const cases: [unknown, string][] = [
      [{ role: 'system_admin', centreId: centreA }, '/roles/0/centreId'],
      [{ role: 'centre_manager', centreId: null }, '/roles/0/centreId'],
      [{ role: 'auditor', centreId: centreA, departmentId: deptA }, '/roles/0/departmentId'],
      [{ role: 'window_clerk', centreId: centreA, departmentId: deptB }, '/roles/0/departmentId'],
      [{ role: 'window_clerk', centreId: centreA, departmentId: randomUUID() }, '/roles/0/departmentId'],
      [{ role: 'window_clerk', centreId: randomUUID() }, '/roles/0/centreId'],
    ];
    for (const [grant, path] of cases) {
      const res = await ctx.as(admin, { method: 'POST', url: '/api/v1/users', payload: userInput({ roles: [grant] }) });
      expect(res.statusCode, JSON.stringify(grant)).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'ROLE_SCOPE_INVALID', fields: [{ path }] });
    }
    const good = await ctx.as(admin, { method: 'POST', url: '/api/v1/users', payload: userInput({ roles: [{ role: 'system_admin', centreId: null }] }) });
    expect(good.statusCode).toBe(201);
  });
});

describe('reading users', () => {
  it('shows a centre manager the users of their centre, with their roles there; a system admin sees all', async () => {
    const both = (
      await ctx.as(admin, {
        method: 'POST',
        url: '/api/v1/users',
        payload: userInput({ roles: [{ role: 'window_clerk', centreId: centreA }, { role: 'window_clerk', centreId: centreB }] }),
      })
    ).json();
    const onlyB = (await ctx.as(admin, { method: 'POST', url: '/api/v1/users', payload: userInput({ roles: [{ role: 'window_clerk', centreId: centreB }] }) })).json();

    const list = await ctx.as(managerA, { method: 'GET', url: '/api/v1/users?limit=500' });
    expect(list.statusCode).toBe(200);
    const items: { id: string; roles: { centreId: string | null }[] }[] = list.json().items;
    expect(list.json().total).toBe(items.length);
    const ids = items.map((u) => u.id);
    expect(ids).toContain(both.id);
    expect(ids).toContain(managerA.userId);
    expect(ids).not.toContain(onlyB.id);
    expect(ids).not.toContain(admin.userId);
    expect(items.every((u) => u.roles.length > 0 && u.roles.every((r) => r.centreId === centreA))).toBe(true);

    expect((await ctx.as(managerA, { method: 'GET', url: `/api/v1/users/${onlyB.id}` })).statusCode).toBe(404);
    expect((await ctx.as(managerA, { method: 'GET', url: `/api/v1/users?centreId=${centreB}` })).statusCode).toBe(403);
    const all = (await ctx.as(admin, { method: 'GET', url: '/api/v1/users?limit=500' })).json();
    expect(all.items.map((u: { id: string }) => u.id)).toEqual(expect.arrayContaining([both.id, onlyB.id, admin.userId]));
    expect(all.items.find((u: { id: string }) => u.id === both.id).roles).toHaveLength(2);
    const inB = (await ctx.as(admin, { method: 'GET', url: `/api/v1/users?centreId=${centreB}&limit=500` })).json();
    expect(inB.items.map((u: { id: string }) => u.id).sort()).toEqual([both.id, onlyB.id].sort());

    const page = (await ctx.as(admin, { method: 'GET', url: '/api/v1/users?limit=2&offset=1' })).json();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBe(all.total);
    expect(page.items[0].id).toBe(all.items[1].id);

    const clerk = await ctx.userWith([role('window_clerk', centreA)]);
    expect((await ctx.as(clerk, { method: 'GET', url: '/api/v1/users' })).statusCode).toBe(403);
  });
});

describe('changing users', () => {
  it('applies a change of roles on the very next request', async () => {
    const s = await ctx.userWith([role('centre_manager', centreA)]);
    expect((await ctx.as(s, { method: 'GET', url: '/api/v1/users' })).statusCode).toBe(200);
    const res = await ctx.as(managerA, { method: 'PATCH', url: `/api/v1/users/${s.userId}`, payload: { roles: [{ role: 'window_clerk', centreId: centreA }], displayName: '黄磊' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ displayName: '黄磊', roles: [{ role: 'window_clerk', centreId: centreA, departmentId: null }] });
    expect((await ctx.as(s, { method: 'GET', url: '/api/v1/users' })).statusCode).toBe(403);
    const me = (await ctx.as(s, { method: 'GET', url: '/api/v1/auth/me' })).json();
    expect(me.user.roles).toEqual([{ role: 'window_clerk', centreId: centreA, departmentId: null }]);

    const audit = await auditOf(s.userId);
    const update = audit.find((a) => a.action === 'update')!;
    expect(update.before).toMatchObject({ roles: [{ role: 'centre_manager' }] });
    expect(update.after).toMatchObject({ displayName: '黄磊', roles: [{ role: 'window_clerk' }] });
  });

  it('disables a user: their sessions end at once and they cannot log in; enabling lets them back', async () => {
    const s = await ctx.userWith([role('window_clerk', centreA)], 'ma.chao');
    expect((await ctx.as(s, { method: 'GET', url: `/api/v1/centres/${centreA}` })).statusCode).toBe(200);
    const res = await ctx.as(managerA, { method: 'PATCH', url: `/api/v1/users/${s.userId}`, payload: { disabled: true } });
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled).toBe(true);
    expect((await ctx.as(s, { method: 'GET', url: `/api/v1/centres/${centreA}` })).statusCode).toBe(401);
    expect(await ctx.deps.db.select().from(sessions).where(eq(sessions.userId, s.userId))).toEqual([]);
    const refused = await login('ma.chao', TEST_PASSWORD);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('AUTH_ACCOUNT_DISABLED');
    expect((await ctx.as(managerA, { method: 'GET', url: '/api/v1/users?limit=500' })).json().items.map((u: { id: string }) => u.id)).not.toContain(s.userId);
    expect((await ctx.as(managerA, { method: 'GET', url: '/api/v1/users?limit=500&includeDisabled=true' })).json().items.map((u: { id: string }) => u.id)).toContain(s.userId);

    await ctx.as(managerA, { method: 'PATCH', url: `/api/v1/users/${s.userId}`, payload: { disabled: false } });
    expect((await login('ma.chao', TEST_PASSWORD)).statusCode).toBe(200);
    expect((await auditOf(s.userId)).map((a) => a.action)).toEqual(['login', 'disable', 'enable', 'login']);
  });

  it('does not let a centre manager change someone who also works elsewhere, or an administrator', async () => {
    const both = (
      await ctx.as(admin, {
        method: 'POST',
        url: '/api/v1/users',
        payload: userInput({ roles: [{ role: 'window_clerk', centreId: centreA }, { role: 'centre_manager', centreId: centreB }] }),
      })
    ).json();
    const adminInA = (
      await ctx.as(admin, {
        method: 'POST',
        url: '/api/v1/users',
        payload: userInput({ roles: [{ role: 'system_admin', centreId: null }, { role: 'auditor', centreId: centreA }] }),
      })
    ).json();
    for (const id of [both.id, adminInA.id]) {
      const patch = await ctx.as(managerA, { method: 'PATCH', url: `/api/v1/users/${id}`, payload: { disabled: true } });
      expect(patch.statusCode).toBe(403);
      const reset = await ctx.as(managerA, { method: 'POST', url: `/api/v1/users/${id}/password`, payload: { password: NEW_PASSWORD } });
      expect(reset.statusCode).toBe(403);
    }
    expect((await ctx.as(admin, { method: 'GET', url: `/api/v1/users/${adminInA.id}` })).json().disabled).toBe(false);
    // Nor promote someone of the centre to administrator.
    const clerk = (await ctx.as(managerA, { method: 'POST', url: '/api/v1/users', payload: userInput() })).json();
    const promote = await ctx.as(managerA, { method: 'PATCH', url: `/api/v1/users/${clerk.id}`, payload: { roles: [{ role: 'system_admin', centreId: null }] } });
    expect(promote.statusCode).toBe(403);
    // Another centre's manager does not see them at all.
    const managerB = await ctx.userWith([role('centre_manager', centreB)]);
    expect((await ctx.as(managerB, { method: 'PATCH', url: `/api/v1/users/${clerk.id}`, payload: { disabled: true } })).statusCode).toBe(404);
  });

  it('keeps at least one enabled system administrator', async () => {
    const all = (await ctx.as(admin, { method: 'GET', url: '/api/v1/users?limit=500' })).json().items as { id: string; roles: { role: string }[] }[];
    for (const u of all.filter((x) => x.id !== admin.userId && x.roles.some((r) => r.role === 'system_admin'))) {
      expect((await ctx.as(admin, { method: 'PATCH', url: `/api/v1/users/${u.id}`, payload: { disabled: true } })).statusCode).toBe(200);
    }
    for (const payload of [{ disabled: true }, { roles: [{ role: 'centre_manager', centreId: centreA }] }]) {
      const res = await ctx.as(admin, { method: 'PATCH', url: `/api/v1/users/${admin.userId}`, payload });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('LAST_SYSTEM_ADMIN');
    }
    expect((await ctx.as(admin, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
  });
});

describe('passwords', () => {
  it('lets a manager reset a password: the old one and all sessions end', async () => {
    const s = await ctx.userWith([role('window_clerk', centreA)], 'he.ping');
    const weak = await ctx.as(managerA, { method: 'POST', url: `/api/v1/users/${s.userId}/password`, payload: { password: 'abc' } });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.code).toBe('PASSWORD_TOO_WEAK');
    const res = await ctx.as(managerA, { method: 'POST', url: `/api/v1/users/${s.userId}/password`, payload: { password: NEW_PASSWORD } });
    expect(res.statusCode).toBe(204);
    expect((await ctx.as(s, { method: 'GET', url: `/api/v1/centres/${centreA}` })).statusCode).toBe(401);
    expect((await login('he.ping', TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login('he.ping', NEW_PASSWORD)).statusCode).toBe(200);
    const audit = await auditOf(s.userId);
    expect(audit.map((a) => a.action)).toContain('password.reset');
    expect(JSON.stringify(audit)).not.toContain(NEW_PASSWORD);
  });

  it('lets anyone change their own password with the current one; other sessions end, this one stays', async () => {
    const s = await ctx.userWith([role('window_clerk', centreA)], 'yang.fan');
    const other = await login('yang.fan', TEST_PASSWORD);
    const otherCookie = `govhall_session=${other.cookies.find((c) => c.name === 'govhall_session')!.value}`;

    const wrong = await ctx.as(s, { method: 'POST', url: '/api/v1/auth/password', payload: { currentPassword: 'Not-my-password-1', newPassword: NEW_PASSWORD } });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error).toMatchObject({ code: 'CURRENT_PASSWORD_WRONG', fields: [{ path: '/currentPassword' }] });
    const weak = await ctx.as(s, { method: 'POST', url: '/api/v1/auth/password', payload: { currentPassword: TEST_PASSWORD, newPassword: 'weak' } });
    expect(weak.json().error).toMatchObject({ code: 'PASSWORD_TOO_WEAK', fields: [{ path: '/newPassword' }] });
    const noCsrf = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie: s.cookie }, payload: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD } });
    expect(noCsrf.json().error.code).toBe('CSRF_TOKEN_INVALID');

    const ok = await ctx.as(s, { method: 'POST', url: '/api/v1/auth/password', payload: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD } });
    expect(ok.statusCode).toBe(204);
    expect((await ctx.as(s, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/centres/${centreA}`, headers: { cookie: otherCookie } })).statusCode).toBe(401);
    expect((await login('yang.fan', NEW_PASSWORD)).statusCode).toBe(200);

    const audit = await auditOf(s.userId);
    expect(audit.map((a) => a.action)).toEqual(['login', 'login', 'password.failed', 'password.change', 'login']);
    const text = JSON.stringify(audit);
    for (const secret of [TEST_PASSWORD, NEW_PASSWORD, 'Not-my-password-1']) expect(text).not.toContain(secret);
  });

  it('locks the account after repeated wrong current passwords', async () => {
    const s = await ctx.userWith([role('window_clerk', centreA)]);
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await ctx.as(s, { method: 'POST', url: '/api/v1/auth/password', payload: { currentPassword: `Guess-number-${i}`, newPassword: NEW_PASSWORD } });
      codes.push(res.json().error.code);
      if (res.statusCode === 429) expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(codes).toEqual(['CURRENT_PASSWORD_WRONG', 'CURRENT_PASSWORD_WRONG', 'CURRENT_PASSWORD_WRONG', 'CURRENT_PASSWORD_WRONG', 'AUTH_ACCOUNT_LOCKED', 'AUTH_ACCOUNT_LOCKED']);
  });
});

describe('usernames whatever their case', () => {
  it('lets only one of two concurrent creations differing in case through', async () => {
    const ctx2 = await createTestContext();
    try {
      const root = await ctx2.userWith([role('system_admin')]);
      const body = (username: string) => ({ username, displayName: '并发', password: 'Concurrent-2025', roles: [{ role: 'system_admin', centreId: null }] });
      const results = await Promise.all(
        ['Samecase', 'samecase', 'SAMECASE'].map((u) => ctx2.as(root, { method: 'POST', url: '/api/v1/users', payload: body(u) })),
      );
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
      for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().error.code).toBe('USERNAME_TAKEN');
    } finally {
      await ctx2.close();
    }
  });
});
