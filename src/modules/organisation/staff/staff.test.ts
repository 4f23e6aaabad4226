import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../platform/audit/schema.ts';
import { centreInput, departmentInput, staffInput } from '../../../test/factories.ts';
import { createTestContext, role, type Session, type TestContext } from '../../../test/harness.ts';

let ctx: TestContext;
let admin: Session;
let manager: Session;
let clerk: Session;
let centreId: string;
let otherCentreId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.userWith([role('system_admin')]);
  centreId = (await ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput() })).json().id;
  otherCentreId = (await ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput({ name: '南昌县政务服务中心', divisionCode: '360121' }) })).json().id;
  manager = await ctx.userWith([role('centre_manager', centreId)]);
  clerk = await ctx.userWith([role('window_clerk', centreId)]);
});
afterAll(() => ctx.close());

const create = (payload: Record<string, unknown> = staffInput(), as: Session = manager, centre = centreId) =>
  ctx.as(as, { method: 'POST', url: `/api/v1/centres/${centre}/staff`, payload });
const list = (as: Session = manager, query = '') => ctx.as(as, { method: 'GET', url: `/api/v1/centres/${centreId}/staff${query}` });
const auditOf = (id: string) => ctx.deps.db.select().from(auditLog).where(and(eq(auditLog.entity, 'staff'), eq(auditLog.entityId, id))).orderBy(asc(auditLog.id));
// A 1×1 transparent PNG.
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

describe('staff (工作人员)', () => {
  it('creates a staff member with department and account, audited with the phone masked, and reads it back', async () => {
    const dept = (await ctx.as(manager, { method: 'POST', url: `/api/v1/centres/${centreId}/departments`, payload: departmentInput({ name: '南昌市新建区人力资源和社会保障局' }) })).json();
    const res = await create(staffInput({ name: '刘芳', workNumber: 'xj0301', title: '社保窗口科员', departmentId: dept.id, photoUrl: PNG, duties: ['社保登记', ' 社保登记 ', '待遇核定'], userId: clerk.userId }));
    expect(res.statusCode).toBe(201);
    const person = res.json();
    expect(person).toMatchObject({
      name: '刘芳',
      workNumber: 'XJ0301',
      title: '社保窗口科员',
      departmentName: '南昌市新建区人力资源和社会保障局',
      phone: '13812345678',
      phoneMasked: false,
      duties: ['社保登记', '待遇核定'],
      userId: clerk.userId,
      photoUrl: PNG,
    });
    expect((await ctx.as(manager, { method: 'GET', url: `/api/v1/staff/${person.id}` })).json()).toEqual(person);
    const audit = await auditOf(person.id);
    expect(audit.map((a) => a.action)).toEqual(['create']);
    expect(audit[0]!.after).toMatchObject({ phone: '138****5678', workNumber: 'XJ0301' });
    // The audit trail summarises an inline photo instead of copying it.
    expect((audit[0]!.after as { photoUrl: string }).photoUrl).toMatch(/^data:image\/png;base64,…/);
  });

  it('masks phones and hides linked accounts for a clerk, shows them in full to a manager', async () => {
    const person = (await create(staffInput({ phone: '13812345678', userId: null }))).json();
    const asClerk = (await ctx.as(clerk, { method: 'GET', url: `/api/v1/staff/${person.id}` })).json();
    expect(asClerk).toMatchObject({ phone: '138****5678', phoneMasked: true });
    expect(asClerk).not.toHaveProperty('userId');
    const listed = (await list(clerk)).json().items.find((s: { id: string }) => s.id === person.id);
    expect(listed).toMatchObject({ phone: '138****5678', phoneMasked: true });
    expect(JSON.stringify((await list(clerk)).json())).not.toContain('13812345678');
    const asManager = (await ctx.as(manager, { method: 'GET', url: `/api/v1/staff/${person.id}` })).json();
    expect(asManager).toMatchObject({ phone: '13812345678', phoneMasked: false, userId: null });
    const auditor = await ctx.userWith([role('auditor', centreId)]);
    expect((await ctx.as(auditor, { method: 'GET', url: `/api/v1/staff/${person.id}` })).json().phone).toBe('138****5678');
  });

  it('shows the public staff board (§5.1.3.3) without phones or accounts, to anyone', async () => {
    const dept = (await ctx.as(manager, { method: 'POST', url: `/api/v1/centres/${centreId}/departments`, payload: departmentInput({ sortOrder: 1 }) })).json();
    const person = (await create(staffInput({ name: '王磊', title: '首席代表', departmentId: dept.id, photoUrl: 'https://example.org/photos/wl.jpg', duties: ['首席代表', '审批'], userId: manager.userId }))).json();
    const retired = (await create(staffInput({ name: '已离岗' }))).json();
    await ctx.as(manager, { method: 'DELETE', url: `/api/v1/staff/${retired.id}` });
    const res = await ctx.as(null, { method: 'GET', url: `/api/v1/public/centres/${centreId}/staff-board` });
    expect(res.statusCode).toBe(200);
    const board = res.json();
    expect(board.centre).toEqual({ id: centreId, name: '新建区政务服务中心' });
    const entry = board.items.find((s: { id: string }) => s.id === person.id);
    expect(entry).toEqual({
      id: person.id,
      name: '王磊',
      workNumber: person.workNumber,
      title: '首席代表',
      departmentId: dept.id,
      departmentName: dept.name,
      photoUrl: 'https://example.org/photos/wl.jpg',
      duties: ['首席代表', '审批'],
    });
    expect(board.items.map((s: { id: string }) => s.id)).not.toContain(retired.id);
    const text = JSON.stringify(board);
    // No phone in any form (the factory's is 13812345678), nor the 'phone' key; ids are random hex, so digits alone prove nothing.
    expect(text).not.toMatch(/1381234|5678"|"phone/);
    expect(text).not.toContain('userId');
    expect(text).not.toContain(manager.userId);
    expect((await ctx.as(null, { method: 'GET', url: `/api/v1/public/centres/${randomUUID()}/staff-board` })).statusCode).toBe(404);
  });

  it('answers a duplicate work number with 409 and stores nothing', async () => {
    await create(staffInput({ workNumber: 'XJ0999' }));
    const before = (await list()).json().items.length;
    const dup = await create(staffInput({ workNumber: 'xj0999' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'STAFF_WORK_NUMBER_TAKEN', fields: [{ path: '/workNumber' }] });
    expect((await list()).json().items.length).toBe(before);
  });

  it('links an account to one active staff member only, and refuses an unknown account at the field', async () => {
    const user = await ctx.userWith([role('window_clerk', centreId)]);
    expect((await create(staffInput({ userId: user.userId }))).statusCode).toBe(201);
    const again = await create(staffInput({ userId: user.userId }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'STAFF_USER_TAKEN', fields: [{ path: '/userId' }] });
    const unknown = await create(staffInput({ userId: randomUUID() }));
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error).toMatchObject({ code: 'USER_NOT_FOUND', fields: [{ path: '/userId' }] });
  });

  it("refuses another centre's or an unknown department with 422 at /departmentId", async () => {
    const foreign = (await ctx.as(admin, { method: 'POST', url: `/api/v1/centres/${otherCentreId}/departments`, payload: departmentInput() })).json();
    const res = await create(staffInput({ departmentId: foreign.id }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'DEPARTMENT_NOT_FOUND', fields: [{ path: '/departmentId', code: 'DEPARTMENT_NOT_FOUND' }] });
    const person = (await create()).json();
    const upd = await ctx.as(manager, { method: 'PATCH', url: `/api/v1/staff/${person.id}`, payload: { departmentId: randomUUID() } });
    expect(upd.statusCode).toBe(422);
    expect(upd.json().error.fields[0].path).toBe('/departmentId');
  });

  it('updates and retires, each audited with before and after; a retired staff member stays readable and cannot change', async () => {
    const person = (await create()).json();
    const upd = await ctx.as(manager, { method: 'PATCH', url: `/api/v1/staff/${person.id}`, payload: { title: '综合窗口组长', duties: ['综合受理', '帮办代办'] } });
    expect(upd.statusCode).toBe(200);
    expect(upd.json()).toMatchObject({ title: '综合窗口组长', duties: ['综合受理', '帮办代办'] });
    const del = await ctx.as(manager, { method: 'DELETE', url: `/api/v1/staff/${person.id}` });
    expect(del.json().retiredAt).not.toBeNull();
    expect((await ctx.as(manager, { method: 'GET', url: `/api/v1/staff/${person.id}` })).statusCode).toBe(200);
    const again = await ctx.as(manager, { method: 'PATCH', url: `/api/v1/staff/${person.id}`, payload: { title: 'x' } });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.code).toBe('ENTITY_RETIRED');
    const audit = await auditOf(person.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'retire']);
    expect(audit[1]).toMatchObject({ before: expect.objectContaining({ title: '窗口工作人员' }), after: expect.objectContaining({ title: '综合窗口组长' }) });
    expect((await list()).json().items.map((s: { id: string }) => s.id)).not.toContain(person.id);
    expect((await list(manager, '?includeRetired=true')).json().items.map((s: { id: string }) => s.id)).toContain(person.id);
  });

  it('answers wrong types, over-long strings and unsafe photos with 400 and the fields at fault', async () => {
    const res = await create({ name: 'x'.repeat(51), workNumber: '工号1', phone: 'call me', duties: [{ duty: 1 }], photoUrl: 'javascript:alert(1)' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['/duties/0', '/name', '/phone', '/photoUrl', '/workNumber']);
    expect((await create(staffInput({ photoUrl: 'data:image/svg+xml;base64,PHN2Zz4=' }))).statusCode).toBe(400);
    expect((await create(staffInput({ photoUrl: 'data:image/png;base64,' + 'A'.repeat(300 * 1024) }))).statusCode).toBe(400);
    expect((await create(staffInput({ duties: Array.from({ length: 21 }, (_, i) => `职责${i}`) }))).json().error.fields[0].path).toBe('/duties');
  });

  it("forbids another centre's manager to read or write, and a clerk to write", async () => {
    const person = (await create()).json();
    const stranger = await ctx.userWith([role('centre_manager', otherCentreId)]);
    expect((await create(staffInput(), stranger)).statusCode).toBe(403);
    expect((await list(stranger)).statusCode).toBe(403);
    expect((await ctx.as(stranger, { method: 'GET', url: `/api/v1/staff/${person.id}` })).statusCode).toBe(403);
    expect((await ctx.as(stranger, { method: 'PATCH', url: `/api/v1/staff/${person.id}`, payload: { title: 'x' } })).statusCode).toBe(403);
    expect((await ctx.as(stranger, { method: 'DELETE', url: `/api/v1/staff/${person.id}` })).statusCode).toBe(403);
    expect((await create(staffInput(), clerk)).statusCode).toBe(403);
    expect((await ctx.as(clerk, { method: 'DELETE', url: `/api/v1/staff/${person.id}` })).statusCode).toBe(403);
    expect((await ctx.as(admin, { method: 'GET', url: `/api/v1/staff/${randomUUID()}` })).json().error.code).toBe('STAFF_NOT_FOUND');
  });
});
