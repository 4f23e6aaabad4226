import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, role, type Session, type TestContext } from '../../../test/harness.ts';
import { centreInput } from '../../../test/factories.ts';
import { auditLog } from '../../../platform/audit/schema.ts';
import { eq } from 'drizzle-orm';

let ctx: TestContext;
let admin: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.userWith([role('system_admin')]);
});
afterAll(() => ctx.close());

async function create(overrides: Record<string, unknown> = {}) {
  return ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput(overrides) });
}

describe('centres', () => {
  it('creates a centre with its audit record, and reads it back', async () => {
    const res = await create();
    expect(res.statusCode).toBe(201);
    const centre = res.json();
    expect(centre).toMatchObject({ name: '新建区政务服务中心', divisionName: '新建区', warnings: [] });
    const read = await ctx.as(admin, { method: 'GET', url: `/api/v1/centres/${centre.id}` });
    expect(read.json()).toEqual(centre);
    const audit = await ctx.deps.db.select().from(auditLog).where(eq(auditLog.entityId, centre.id));
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('accepts a name that breaks §4.5.3 with a warning', async () => {
    const res = await create({ name: '新建区行政服务大厅' });
    expect(res.statusCode).toBe(201);
    expect(res.json().warnings).toEqual([expect.objectContaining({ code: 'CENTRE_NAME_NONSTANDARD', path: '/name' })]);
  });

  it('refuses an unknown GB/T 2260 division code and stores nothing', async () => {
    const before = await ctx.as(admin, { method: 'GET', url: '/api/v1/centres' });
    const res = await create({ divisionCode: '369999' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'DIVISION_CODE_INVALID', fields: [expect.objectContaining({ path: '/divisionCode' })] });
    const after = await ctx.as(admin, { method: 'GET', url: '/api/v1/centres' });
    expect(after.json().items.length).toBe(before.json().items.length);
  });

  it('answers wrong types and over-long strings with the fields at fault', async () => {
    const res = await create({ name: 'x'.repeat(101), latitude: 'north' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['/latitude', '/name']);
  });

  it('answers malformed JSON with MALFORMED_JSON', async () => {
    const res = await ctx.as(admin, {
      method: 'POST',
      url: '/api/v1/centres',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('MALFORMED_JSON');
  });

  it('updates and retires a centre, each audited', async () => {
    const id = (await create()).json().id;
    const upd = await ctx.as(admin, { method: 'PATCH', url: `/api/v1/centres/${id}`, payload: { address: '新地址 2 号' } });
    expect(upd.statusCode).toBe(200);
    expect(upd.json().address).toBe('新地址 2 号');
    const del = await ctx.as(admin, { method: 'DELETE', url: `/api/v1/centres/${id}` });
    expect(del.json().retiredAt).not.toBeNull();
    const again = await ctx.as(admin, { method: 'PATCH', url: `/api/v1/centres/${id}`, payload: { address: 'x 3' } });
    expect(again.json().error.code).toBe('CENTRE_RETIRED');
    const audit = await ctx.deps.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'retire']);
    expect(audit[1]!.before).toMatchObject({ address: '江西省南昌市新建区长堎镇长征路 1 号' });
  });

  it('refuses a parent that would make a cycle', async () => {
    const city = (await create({ name: '南昌市政务服务中心', level: 'city', divisionCode: '360100' })).json();
    const county = (await create({ parentId: city.id })).json();
    const res = await ctx.as(admin, { method: 'PATCH', url: `/api/v1/centres/${city.id}`, payload: { parentId: county.id } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'CENTRE_PARENT_INVALID', fields: [{ path: '/parentId' }] });
  });

  it('shows a manager only their own centre', async () => {
    const a = (await create()).json();
    await create();
    const manager = await ctx.userWith([role('centre_manager', a.id)]);
    const res = await ctx.as(manager, { method: 'GET', url: '/api/v1/centres' });
    expect(res.json().items.map((c: { id: string }) => c.id)).toEqual([a.id]);
    const create2 = await ctx.as(manager, { method: 'POST', url: '/api/v1/centres', payload: centreInput() });
    expect(create2.statusCode).toBe(403);
  });
});
