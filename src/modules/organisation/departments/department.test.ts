import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../../domain/shared/identity.ts';
import { auditLog } from '../../../platform/audit/schema.ts';
import { centreInput, departmentInput, staffInput } from '../../../test/factories.ts';
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

const create = (payload: Record<string, unknown> = departmentInput(), as: Session = manager, centre = centreId) =>
  ctx.as(as, { method: 'POST', url: `/api/v1/centres/${centre}/departments`, payload });
const list = (query = '') => ctx.as(manager, { method: 'GET', url: `/api/v1/centres/${centreId}/departments${query}` });
const auditOf = (id: string) => ctx.deps.db.select().from(auditLog).where(and(eq(auditLog.entity, 'department'), eq(auditLog.entityId, id))).orderBy(asc(auditLog.id));

describe('departments (进驻部门)', () => {
  it('creates a department with its audit record, and reads it back alone and in the list', async () => {
    const uscc = '11360112014500331' + usccCheckChar('11360112014500331')!;
    const res = await create(departmentInput({ name: '南昌市新建区医疗保障局', shortName: '医保', uscc: uscc.toLowerCase() }));
    expect(res.statusCode).toBe(201);
    const dept = res.json();
    expect(dept).toMatchObject({ centreId, name: '南昌市新建区医疗保障局', shortName: '医保', uscc, chiefRepresentativeId: null, retiredAt: null });
    const read = await ctx.as(manager, { method: 'GET', url: `/api/v1/departments/${dept.id}` });
    expect(read.json()).toEqual(dept);
    expect((await list()).json().items).toContainEqual(dept);
    const audit = await auditOf(dept.id);
    expect(audit.map((a) => [a.action, a.actorId, a.centreId])).toEqual([['create', manager.userId, centreId]]);
    expect(audit[0]!.after).toMatchObject({ name: '南昌市新建区医疗保障局', uscc });
  });

  it('refuses a unified social credit code whose check character is wrong (GB 32100)', async () => {
    const body = '11360112014500331';
    const good = usccCheckChar(body)!;
    const wrong = good === '0' ? '1' : '0';
    const res = await create(departmentInput({ uscc: body + wrong }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'USCC_INVALID', fields: [{ path: '/uscc', code: 'USCC_INVALID' }] });
  });

  it('answers a duplicate name among active departments with 409 and stores nothing; a retired name is free again', async () => {
    const first = (await create(departmentInput({ name: '南昌市新建区民政局' }))).json();
    const count = (await list()).json().items.length;
    const dup = await create(departmentInput({ name: ' 南昌市新建区民政局 ' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'DEPARTMENT_NAME_TAKEN', fields: [{ path: '/name' }] });
    expect((await list()).json().items.length).toBe(count);
    await ctx.as(manager, { method: 'DELETE', url: `/api/v1/departments/${first.id}` });
    expect((await create(departmentInput({ name: '南昌市新建区民政局' }))).statusCode).toBe(201);
  });

  it('lets the same name exist in another centre', async () => {
    await create(departmentInput({ name: '南昌市新建区司法局' }));
    const res = await create(departmentInput({ name: '南昌市新建区司法局' }), admin, otherCentreId);
    expect(res.statusCode).toBe(201);
  });

  it('updates and retires, each audited with before and after; a retired department stays readable but cannot change', async () => {
    const dept = (await create()).json();
    const upd = await ctx.as(manager, { method: 'PATCH', url: `/api/v1/departments/${dept.id}`, payload: { phone: '0791-83770099', sortOrder: 3 } });
    expect(upd.statusCode).toBe(200);
    expect(upd.json()).toMatchObject({ phone: '0791-83770099', sortOrder: 3 });
    const del = await ctx.as(manager, { method: 'DELETE', url: `/api/v1/departments/${dept.id}` });
    expect(del.statusCode).toBe(200);
    expect(del.json().retiredAt).toBe(new Date('2025-03-03T10:00:00+08:00').toISOString());
    const read = await ctx.as(manager, { method: 'GET', url: `/api/v1/departments/${dept.id}` });
    expect(read.json().retiredAt).not.toBeNull();
    const again = await ctx.as(manager, { method: 'PATCH', url: `/api/v1/departments/${dept.id}`, payload: { sortOrder: 4 } });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.code).toBe('ENTITY_RETIRED');
    expect((await ctx.as(manager, { method: 'DELETE', url: `/api/v1/departments/${dept.id}` })).json().error.code).toBe('ENTITY_RETIRED');
    const audit = await auditOf(dept.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'retire']);
    expect(audit[1]!.before).toMatchObject({ sortOrder: 10 });
    expect(audit[1]!.after).toMatchObject({ sortOrder: 3 });
    expect(audit[2]!.before).toMatchObject({ retiredAt: null });
    expect((audit[2]!.after as { retiredAt: string }).retiredAt).not.toBeNull();

    expect((await list()).json().items.map((d: { id: string }) => d.id)).not.toContain(dept.id);
    expect((await list('?includeRetired=true')).json().items.map((d: { id: string }) => d.id)).toContain(dept.id);
  });

  describe('§3.8, §7.4.1 b chief representative (首席代表)', () => {
    it('accepts a staff member of the centre and shows the name', async () => {
      const dept = (await create()).json();
      const chief = (await ctx.as(manager, { method: 'POST', url: `/api/v1/centres/${centreId}/staff`, payload: staffInput({ name: '陈建国', departmentId: dept.id }) })).json();
      const res = await ctx.as(manager, { method: 'PATCH', url: `/api/v1/departments/${dept.id}`, payload: { chiefRepresentativeId: chief.id } });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ chiefRepresentativeId: chief.id, chiefRepresentativeName: '陈建国' });
    });

    it('refuses a staff member of another centre as an unknown id (422 at the field)', async () => {
      const foreign = (await ctx.as(admin, { method: 'POST', url: `/api/v1/centres/${otherCentreId}/staff`, payload: staffInput() })).json();
      const res = await create(departmentInput({ chiefRepresentativeId: foreign.id }));
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'STAFF_NOT_FOUND', fields: [{ path: '/chiefRepresentativeId', code: 'STAFF_NOT_FOUND' }] });
    });

    it('refuses an unknown staff id and a staff member of another department', async () => {
      const unknown = await create(departmentInput({ chiefRepresentativeId: '00000000-0000-4000-8000-000000000000' }));
      expect(unknown.statusCode).toBe(422);
      expect(unknown.json().error.fields[0].path).toBe('/chiefRepresentativeId');
      const a = (await create()).json();
      const b = (await create()).json();
      const ofA = (await ctx.as(manager, { method: 'POST', url: `/api/v1/centres/${centreId}/staff`, payload: staffInput({ departmentId: a.id }) })).json();
      const res = await ctx.as(manager, { method: 'PATCH', url: `/api/v1/departments/${b.id}`, payload: { chiefRepresentativeId: ofA.id } });
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'CHIEF_REPRESENTATIVE_INVALID', fields: [{ path: '/chiefRepresentativeId' }] });
    });

    it('is cleared, audited, when the chief is retired', async () => {
      const dept = (await create()).json();
      const chief = (await ctx.as(manager, { method: 'POST', url: `/api/v1/centres/${centreId}/staff`, payload: staffInput({ departmentId: dept.id }) })).json();
      await ctx.as(manager, { method: 'PATCH', url: `/api/v1/departments/${dept.id}`, payload: { chiefRepresentativeId: chief.id } });
      await ctx.as(manager, { method: 'DELETE', url: `/api/v1/staff/${chief.id}` });
      const read = (await ctx.as(manager, { method: 'GET', url: `/api/v1/departments/${dept.id}` })).json();
      expect(read.chiefRepresentativeId).toBeNull();
      const audit = await auditOf(dept.id);
      expect(audit.at(-1)!.after).toMatchObject({ chiefRepresentativeId: null });
    });
  });

  it('answers wrong types and over-long strings with 400 and the fields at fault', async () => {
    const res = await create({ name: 'x'.repeat(101), sortOrder: 'first', phone: 12, extra: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['/extra', '/name', '/phone', '/sortOrder']);
  });

  it('answers an unknown department with 404, and an unknown centre with 404', async () => {
    const unknown = '00000000-0000-4000-8000-000000000001';
    expect((await ctx.as(admin, { method: 'GET', url: `/api/v1/departments/${unknown}` })).json().error.code).toBe('DEPARTMENT_NOT_FOUND');
    expect((await ctx.as(admin, { method: 'PATCH', url: `/api/v1/departments/${unknown}`, payload: { sortOrder: 1 } })).statusCode).toBe(404);
    expect((await ctx.as(admin, { method: 'GET', url: '/api/v1/departments/not-a-uuid' })).statusCode).toBe(404);
    const res = await create(departmentInput(), admin, unknown);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('CENTRE_NOT_FOUND');
    expect((await ctx.as(admin, { method: 'GET', url: `/api/v1/centres/${unknown}/departments` })).statusCode).toBe(404);
  });

  it("forbids another centre's manager to read or write, and a clerk to write", async () => {
    const dept = (await create()).json();
    const stranger = await ctx.userWith([role('centre_manager', otherCentreId)]);
    expect((await create(departmentInput(), stranger)).statusCode).toBe(403);
    expect((await ctx.as(stranger, { method: 'GET', url: `/api/v1/centres/${centreId}/departments` })).statusCode).toBe(403);
    expect((await ctx.as(stranger, { method: 'GET', url: `/api/v1/departments/${dept.id}` })).statusCode).toBe(403);
    expect((await ctx.as(stranger, { method: 'PATCH', url: `/api/v1/departments/${dept.id}`, payload: { sortOrder: 1 } })).statusCode).toBe(403);
    expect((await ctx.as(stranger, { method: 'DELETE', url: `/api/v1/departments/${dept.id}` })).statusCode).toBe(403);
    const clerk = await ctx.userWith([role('window_clerk', centreId)]);
    expect((await ctx.as(clerk, { method: 'GET', url: `/api/v1/departments/${dept.id}` })).statusCode).toBe(200);
    expect((await create(departmentInput(), clerk)).statusCode).toBe(403);
    expect((await ctx.as(null, { method: 'GET', url: `/api/v1/departments/${dept.id}` })).statusCode).toBe(401);
  });
});
