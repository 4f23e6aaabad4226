import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/schema.ts';
import { sha256 } from '../../platform/auth/crypto.ts';
import { deviceTokens } from '../../platform/auth/schema.ts';
import { centreInput } from '../../test/factories.ts';
import { createTestContext, role, type Session, type TestContext } from '../../test/harness.ts';

let ctx: TestContext;
let admin: Session;
let managerA: Session;
let centreA: string;
let centreB: string;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.userWith([role('system_admin')]);
  centreA = (await ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput() })).json().id;
  centreB = (await ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput() })).json().id;
  managerA = await ctx.userWith([role('centre_manager', centreA)]);
});
afterAll(() => ctx.close());

async function issue(centreId: string, body: Record<string, unknown> = { name: '一楼大厅显示屏', role: 'display' }, as: Session = managerA) {
  return ctx.as(as, { method: 'POST', url: `/api/v1/centres/${centreId}/device-tokens`, payload: body });
}

function asDevice(token: string, url: string, method: 'GET' | 'PATCH' = 'GET') {
  return ctx.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(method === 'PATCH' ? { payload: { address: '设备改的地址 1 号' } } : {}) });
}

describe('device tokens', () => {
  it('shows a new token once, stores only its sha256, and lists it without the token', async () => {
    const res = await issue(centreA);
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.token).toMatch(/^ghd_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ centreId: centreA, name: '一楼大厅显示屏', role: 'display', createdBy: managerA.userId, lastUsedAt: null, revokedAt: null });
    expect(created.token.startsWith(created.tokenPrefix)).toBe(true);
    expect(created.tokenPrefix.length).toBeLessThan(created.token.length - 30);

    const [row] = await ctx.deps.db.select().from(deviceTokens).where(eq(deviceTokens.id, created.id));
    expect(row!.tokenHash).toBe(sha256(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);

    const list = await ctx.as(managerA, { method: 'GET', url: `/api/v1/centres/${centreA}/device-tokens` });
    expect(list.statusCode).toBe(200);
    const { token: _token, ...view } = created;
    expect(list.json().items).toContainEqual(view);
    expect(list.body).not.toContain(created.token);

    const audit = await ctx.deps.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audit.map((a) => [a.action, a.centreId])).toEqual([['create', centreA]]);
    expect(JSON.stringify(audit)).not.toContain(created.token);
  });

  it('binds a token to its centre and its role', async () => {
    const { token } = (await issue(centreA)).json();
    const own = await asDevice(token, `/api/v1/centres/${centreA}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().id).toBe(centreA);
    const other = await asDevice(token, `/api/v1/centres/${centreB}`);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('FORBIDDEN');
    expect((await asDevice(token, '/api/v1/centres')).json().items.map((c: { id: string }) => c.id)).toEqual([centreA]);
    // A display reads; it changes nothing, not even in its own centre, and manages no tokens.
    expect((await asDevice(token, `/api/v1/centres/${centreA}`, 'PATCH')).statusCode).toBe(403);
    expect((await asDevice(token, `/api/v1/centres/${centreA}/device-tokens`)).statusCode).toBe(403);
    expect((await asDevice(token, '/api/v1/users')).statusCode).toBe(403);
  });

  it('records when a token was last used, at most once a minute', async () => {
    const start = ctx.deps.clock();
    try {
      const { id, token } = (await issue(centreA)).json();
      const lastUsed = async () => (await ctx.deps.db.select().from(deviceTokens).where(eq(deviceTokens.id, id)))[0]!.lastUsedAt?.getTime();
      expect(await lastUsed()).toBeUndefined();
      await asDevice(token, `/api/v1/centres/${centreA}`);
      expect(await lastUsed()).toBe(start.getTime());
      // setNow also empties the credential cache, so each request below reads the token row.
      ctx.setNow(new Date(start.getTime() + 30_000));
      await asDevice(token, `/api/v1/centres/${centreA}`);
      expect(await lastUsed()).toBe(start.getTime());
      ctx.setNow(new Date(start.getTime() + 61_000));
      await asDevice(token, `/api/v1/centres/${centreA}`);
      expect(await lastUsed()).toBe(start.getTime() + 61_000);
      const listed = (await ctx.as(managerA, { method: 'GET', url: `/api/v1/centres/${centreA}/device-tokens` })).json().items.find((t: { id: string }) => t.id === id);
      expect(listed.lastUsedAt).toBe(new Date(start.getTime() + 61_000).toISOString());
    } finally {
      ctx.setNow(start);
    }
  });

  it('revokes a token with immediate effect, once', async () => {
    const { id, token } = (await issue(centreA, { name: '评价器 3 号', role: 'rating_device' })).json();
    expect((await asDevice(token, `/api/v1/centres/${centreA}`)).statusCode).toBe(200);
    const res = await ctx.as(managerA, { method: 'DELETE', url: `/api/v1/device-tokens/${id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().revokedAt).toBe(ctx.deps.clock().toISOString());
    // No clock move: the cached principal must be gone already.
    const after = await asDevice(token, `/api/v1/centres/${centreA}`);
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('AUTH_DEVICE_TOKEN_INVALID');
    const again = await ctx.as(managerA, { method: 'DELETE', url: `/api/v1/device-tokens/${id}` });
    expect(again.statusCode).toBe(200);
    expect(again.json().revokedAt).toBe(res.json().revokedAt);
    const audit = await ctx.deps.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.map((a) => a.action)).toEqual(['create', 'revoke']);
    const listed = (await ctx.as(managerA, { method: 'GET', url: `/api/v1/centres/${centreA}/device-tokens` })).json().items.find((t: { id: string }) => t.id === id);
    expect(listed.revokedAt).not.toBeNull();
  });

  it("keeps managers to their own centre's tokens", async () => {
    const { id } = (await issue(centreA)).json();
    const managerB = await ctx.userWith([role('centre_manager', centreB)]);
    expect((await ctx.as(managerB, { method: 'DELETE', url: `/api/v1/device-tokens/${id}` })).statusCode).toBe(403);
    expect((await ctx.as(managerB, { method: 'GET', url: `/api/v1/centres/${centreA}/device-tokens` })).statusCode).toBe(403);
    expect((await issue(centreA, undefined, managerB)).statusCode).toBe(403);
    const clerk = await ctx.userWith([role('window_clerk', centreA)]);
    expect((await issue(centreA, undefined, clerk)).statusCode).toBe(403);
    expect((await ctx.as(managerA, { method: 'DELETE', url: '/api/v1/device-tokens/5b1f3c8e-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    const [row] = await ctx.deps.db.select().from(deviceTokens).where(eq(deviceTokens.id, id));
    expect(row!.revokedAt).toBeNull();
  });

  it('accepts only device roles, and no token for a retired centre', async () => {
    const bad = await issue(centreA, { name: '假冒管理员', role: 'centre_manager' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('/role');
    const blank = await issue(centreA, { name: '   ', role: 'kiosk' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.fields[0].path).toBe('/name');
    const retired = (await ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput() })).json().id;
    await ctx.as(admin, { method: 'DELETE', url: `/api/v1/centres/${retired}` });
    const res = await issue(retired, { name: '取号机', role: 'kiosk' }, admin);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('CENTRE_RETIRED');
  });

  it('answers a malformed or unknown bearer token with 401 AUTH_DEVICE_TOKEN_INVALID', async () => {
    for (const token of ['ghd_not-a-real-token', 'eyJhbGciOiJIUzI1NiJ9.e30.x', '']) {
      const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/centres/${centreA}`, headers: { authorization: `Bearer ${token}` } });
      expect(res.statusCode, token).toBe(401);
      expect(res.json().error.code).toBe('AUTH_DEVICE_TOKEN_INVALID');
    }
  });
});
