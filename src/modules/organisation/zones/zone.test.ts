import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../platform/audit/schema.ts';
import { centreInput, zoneInput } from '../../../test/factories.ts';
import { createTestContext, role, type Session, type TestContext } from '../../../test/harness.ts';

let ctx: TestContext;
let admin: Session;
let manager: Session;
let centreId: string;
let otherCentreId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.userWith([role('system_admin')]);
  centreId = (await ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput() })).json().id;
  otherCentreId = (await ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput({ name: '南昌县政务服务中心', divisionCode: '360121' }) })).json().id;
  manager = await ctx.userWith([role('centre_manager', centreId)]);
});
afterAll(() => ctx.close());

const create = (payload: Record<string, unknown> = zoneInput(), as: Session = manager, centre = centreId) =>
  ctx.as(as, { method: 'POST', url: `/api/v1/centres/${centre}/zones`, payload });
const list = (centre = centreId, query = '') => ctx.as(admin, { method: 'GET', url: `/api/v1/centres/${centre}/zones${query}` });

describe('zones (§6.1.3 functional areas)', () => {
  it('creates a zone with its audit record, and reads it back', async () => {
    const res = await create({ name: '一楼综合窗口服务区', kind: 'counter', floor: '1F', areaM2: 900 });
    expect(res.statusCode).toBe(201);
    const zone = res.json();
    expect(zone).toMatchObject({ centreId, name: '一楼综合窗口服务区', kind: 'counter', kindLabel: '窗口服务区', floor: '1F', areaM2: 900, publicUse: true });
    expect((await ctx.as(manager, { method: 'GET', url: `/api/v1/zones/${zone.id}` })).json()).toEqual(zone);
    expect((await list()).json().items).toContainEqual(zone);
    const audit = await ctx.deps.db.select().from(auditLog).where(and(eq(auditLog.entity, 'zone'), eq(auditLog.entityId, zone.id)));
    expect(audit.map((a) => a.action)).toEqual(['create']);
    expect(audit[0]!.after).toMatchObject({ kind: 'counter', floor: '1F' });
  });

  it('takes office and auxiliary areas as staff-only unless told otherwise', async () => {
    expect((await create(zoneInput({ kind: 'office', floor: '3F' }))).json().publicUse).toBe(false);
    expect((await create(zoneInput({ kind: 'auxiliary', publicUse: true }))).json().publicUse).toBe(true);
    expect((await create(zoneInput({ kind: 'waiting' }))).json().publicUse).toBe(true);
  });

  it('sums public and staff surfaces for §6.1.4 over the active zones', async () => {
    const centre = (await ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput({ name: '青山湖区政务服务中心', divisionCode: '360111' }) })).json().id;
    await create(zoneInput({ kind: 'counter', areaM2: 500 }), admin, centre);
    const office = (await create(zoneInput({ kind: 'office', areaM2: 600 }), admin, centre)).json();
    expect((await list(centre)).json().areaBalance).toEqual({ publicM2: 500, staffM2: 600, publicExceedsStaff: false });
    await ctx.as(admin, { method: 'DELETE', url: `/api/v1/zones/${office.id}` });
    expect((await list(centre)).json().areaBalance).toEqual({ publicM2: 500, staffM2: 0, publicExceedsStaff: true });
  });

  it('answers a duplicate name with 409 and stores nothing', async () => {
    await create(zoneInput({ name: '投诉受理区', kind: 'complaint' }));
    const before = (await list()).json().items.length;
    const dup = await create(zoneInput({ name: '投诉受理区', kind: 'complaint' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'ZONE_NAME_TAKEN', fields: [{ path: '/name' }] });
    expect((await list()).json().items.length).toBe(before);
  });

  it('updates and retires, each audited with before and after; retired zones stay readable and cannot change', async () => {
    const zone = (await create()).json();
    const upd = await ctx.as(manager, { method: 'PATCH', url: `/api/v1/zones/${zone.id}`, payload: { floor: '2F', areaM2: null } });
    expect(upd.statusCode).toBe(200);
    expect(upd.json()).toMatchObject({ floor: '2F', areaM2: null });
    const del = await ctx.as(manager, { method: 'DELETE', url: `/api/v1/zones/${zone.id}` });
    expect(del.json().retiredAt).not.toBeNull();
    expect((await ctx.as(manager, { method: 'GET', url: `/api/v1/zones/${zone.id}` })).statusCode).toBe(200);
    const again = await ctx.as(manager, { method: 'PATCH', url: `/api/v1/zones/${zone.id}`, payload: { floor: '3F' } });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.code).toBe('ENTITY_RETIRED');
    const audit = await ctx.deps.db.select().from(auditLog).where(and(eq(auditLog.entity, 'zone'), eq(auditLog.entityId, zone.id))).orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'retire']);
    expect(audit[1]).toMatchObject({ before: expect.objectContaining({ floor: '1F' }), after: expect.objectContaining({ floor: '2F' }) });
    expect((await list()).json().items.map((z: { id: string }) => z.id)).not.toContain(zone.id);
    expect((await list(centreId, '?includeRetired=true')).json().items.map((z: { id: string }) => z.id)).toContain(zone.id);
  });

  it('answers an unknown kind, wrong types and over-long strings with 400 and the fields at fault', async () => {
    const res = await create({ name: 'x'.repeat(51), kind: 'garden', floor: 'x'.repeat(11), areaM2: 'large', publicUse: 'yes' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['/areaM2', '/floor', '/kind', '/name', '/publicUse']);
    const empty = await ctx.as(manager, { method: 'PATCH', url: `/api/v1/zones/${(await create()).json().id}`, payload: {} });
    expect(empty.statusCode).toBe(400);
  });

  it('answers an unknown zone with 404', async () => {
    const res = await ctx.as(admin, { method: 'GET', url: '/api/v1/zones/00000000-0000-4000-8000-000000000000' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ZONE_NOT_FOUND');
  });

  it("forbids another centre's manager to read or write", async () => {
    const zone = (await create()).json();
    const stranger = await ctx.userWith([role('centre_manager', otherCentreId)]);
    expect((await create(zoneInput(), stranger)).statusCode).toBe(403);
    expect((await ctx.as(stranger, { method: 'GET', url: `/api/v1/centres/${centreId}/zones` })).statusCode).toBe(403);
    expect((await ctx.as(stranger, { method: 'GET', url: `/api/v1/zones/${zone.id}` })).statusCode).toBe(403);
    expect((await ctx.as(stranger, { method: 'PATCH', url: `/api/v1/zones/${zone.id}`, payload: { floor: '9F' } })).statusCode).toBe(403);
    expect((await ctx.as(stranger, { method: 'DELETE', url: `/api/v1/zones/${zone.id}` })).statusCode).toBe(403);
  });
});
