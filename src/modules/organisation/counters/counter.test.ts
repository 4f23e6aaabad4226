import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counterSortKey } from '../../../domain/organisation/counter-rules.ts';
import { auditLog } from '../../../platform/audit/schema.ts';
import { centreInput, counterInput, departmentInput, zoneInput } from '../../../test/factories.ts';
import { createTestContext, role, type Session, type TestContext } from '../../../test/harness.ts';
import { mapUniqueViolations } from '../unique-violation.ts';
import { counters } from '../schema.ts';
import { insertCounter, touchCounterList } from './counter.repository.ts';

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

const newCentre = async (name: string, divisionCode: string) =>
  (await ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput({ name, divisionCode }) })).json().id as string;
const create = (payload: Record<string, unknown> = counterInput(), as: Session = manager, centre = centreId) =>
  ctx.as(as, { method: 'POST', url: `/api/v1/centres/${centre}/counters`, payload });
const list = (centre = centreId, query = '') => ctx.as(admin, { method: 'GET', url: `/api/v1/centres/${centre}/counters${query}` });
const post = async (as: Session, path: string, payload: Record<string, unknown>, centre = centreId) =>
  (await ctx.as(as, { method: 'POST', url: `/api/v1/centres/${centre}/${path}`, payload })).json();
const auditOf = (id: string) => ctx.deps.db.select().from(auditLog).where(and(eq(auditLog.entity, 'counter'), eq(auditLog.entityId, id))).orderBy(asc(auditLog.id));
const setStatus = (as: Session, id: string, payload: Record<string, unknown>) => ctx.as(as, { method: 'PUT', url: `/api/v1/counters/${id}/status`, payload });

describe('counters (窗口)', () => {
  it('creates a counter with zone and department, audited, and reads it back with their names', async () => {
    const zone = await post(manager, 'zones', zoneInput({ name: '二楼专业区' }));
    const dept = await post(manager, 'departments', departmentInput({ name: '国家税务总局南昌市新建区税务局' }));
    const res = await create({ number: 'a21', name: '税务综合业务', kind: 'professional', areaName: '税务专区', zoneId: zone.id, departmentId: dept.id });
    expect(res.statusCode).toBe(201);
    const counter = res.json();
    expect(counter).toMatchObject({
      number: 'A21',
      kind: 'professional',
      kindLabel: '专业区窗口',
      zoneName: '二楼专业区',
      departmentName: '国家税务总局南昌市新建区税务局',
      status: 'closed',
      awayReason: null,
      warnings: [],
    });
    const { warnings: _w, ...view } = counter;
    expect((await ctx.as(manager, { method: 'GET', url: `/api/v1/counters/${counter.id}` })).json()).toEqual(view);
    expect((await list()).json().items).toContainEqual(view);
    const audit = await auditOf(counter.id);
    expect(audit.map((a) => a.action)).toEqual(['create']);
    expect(audit[0]!.after).toMatchObject({ number: 'A21', departmentId: dept.id });
  });

  it('lists counters in the natural order of their numbers', async () => {
    const centre = await newCentre('青山湖区政务服务中心', '360111');
    for (const number of ['10', '2', 'B1', '1', 'A10', 'A2', '100']) expect((await create(counterInput({ number }), admin, centre)).statusCode).toBe(201);
    expect((await list(centre)).json().items.map((c: { number: string }) => c.number)).toEqual(['1', '2', '10', '100', 'A2', 'A10', 'B1']);
  });

  it('keeps the list between changes, and shows every change at once', async () => {
    const centre = await newCentre('安义县政务服务中心', '360123');
    expect((await list(centre)).json().items).toEqual([]);
    const zone = await post(admin, 'zones', zoneInput({ name: '一楼窗口区' }), centre);
    const dept = await post(admin, 'departments', departmentInput({ name: '安义县税务局' }), centre);
    const counter = (await create(counterInput({ number: '3', zoneId: zone.id, departmentId: dept.id }), admin, centre)).json();
    const first = (await list(centre)).json().items;
    expect(first.map((c: { id: string }) => c.id)).toEqual([counter.id]);
    expect((await list(centre)).json().items).toEqual(first);

    await setStatus(admin, counter.id, { status: 'serving' });
    expect((await list(centre)).json().items[0].status).toBe('serving');
    await ctx.as(admin, { method: 'PATCH', url: `/api/v1/zones/${zone.id}`, payload: { name: '一楼综合窗口区' } });
    expect((await list(centre)).json().items[0].zoneName).toBe('一楼综合窗口区');
    await ctx.as(admin, { method: 'PATCH', url: `/api/v1/departments/${dept.id}`, payload: { name: '国家税务总局安义县税务局' } });
    expect((await list(centre)).json().items[0].departmentName).toBe('国家税务总局安义县税务局');
    const second = (await create(counterInput({ number: '1' }), admin, centre)).json();
    expect((await list(centre)).json().items.map((c: { id: string }) => c.id)).toEqual([second.id, counter.id]);
    await ctx.as(admin, { method: 'DELETE', url: `/api/v1/counters/${second.id}` });
    expect((await list(centre)).json().items.map((c: { id: string }) => c.id)).toEqual([counter.id]);
    expect((await list(centre, '?includeRetired=true')).json().items.map((c: { id: string }) => c.id)).toEqual([second.id, counter.id]);
    expect((await list(randomUUID())).json().error.code).toBe('CENTRE_NOT_FOUND');
  });

  it('writes the timestamps of a listed counter exactly as a single read does', async () => {
    const centre = await newCentre('湾里管理局政务服务中心', '360112');
    ctx.setNow(new Date('2025-03-03T10:00:00.123+08:00'));
    try {
      const counter = (await create(counterInput(), admin, centre)).json();
      await setStatus(admin, counter.id, { status: 'away', awayReason: '取件', expectedReturnAt: '2025-03-03T10:15:30.007+08:00' });
      const listed = (await list(centre)).json().items[0];
      expect(listed).toEqual((await ctx.as(admin, { method: 'GET', url: `/api/v1/counters/${counter.id}` })).json());
      expect(listed).toMatchObject({ createdAt: '2025-03-03T02:00:00.123Z', expectedReturnAt: '2025-03-03T02:15:30.007Z' });
    } finally {
      ctx.setNow(new Date('2025-03-03T10:00:00+08:00'));
    }
  });

  it('sees a change made through another process, which renews the stamp in its own transaction', async () => {
    const centre = await newCentre('进贤县政务服务中心', '360124');
    const counter = (await create(counterInput({ number: '5' }), admin, centre)).json();
    expect((await list(centre)).json().items[0].name).toBe('综合受理');
    // Another process writes the database directly, as the use cases do: the change and a new stamp, together.
    await ctx.deps.db.transaction(async (tx) => {
      await tx.update(counters).set({ name: '统一出件' }).where(eq(counters.id, counter.id));
      await touchCounterList(tx, centre);
    });
    expect((await list(centre)).json().items[0].name).toBe('统一出件');
  });

  it('answers a duplicate number with 409 and stores nothing; a retired number is free again', async () => {
    const first = (await create(counterInput({ number: '7' }))).json();
    const before = (await list(centreId, '?includeRetired=true')).json().items.length;
    const dup = await create(counterInput({ number: '7', name: '另一个窗口' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'COUNTER_NUMBER_TAKEN', fields: [{ path: '/number' }] });
    expect((await list(centreId, '?includeRetired=true')).json().items.length).toBe(before);
    expect((await auditOf(first.id)).length).toBe(1);
    await ctx.as(manager, { method: 'DELETE', url: `/api/v1/counters/${first.id}` });
    expect((await create(counterInput({ number: '7' }))).statusCode).toBe(201);
  });

  it('gives exactly one of several simultaneous creations of the same number, the others 409', async () => {
    const centre = await newCentre('红谷滩区政务服务中心', '360113');
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => create(counterInput({ number: '8', name: `窗口${i}` }), admin, centre)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().error.code).toBe('COUNTER_NUMBER_TAKEN');
    expect((await list(centre)).json().items.length).toBe(1);
  });

  it('maps the unique index itself (error 23505) to COUNTER_NUMBER_TAKEN, the guard that holds under concurrency', async () => {
    const centre = await newCentre('东湖区政务服务中心', '360102');
    await create(counterInput({ number: '9' }), admin, centre);
    const now = new Date();
    const attempt = mapUniqueViolations(() =>
      ctx.deps.db.transaction((tx) =>
        insertCounter(tx, { id: randomUUID(), centreId: centre, number: '9', sortKey: counterSortKey('9'), name: '旁路插入', kind: 'comprehensive', createdAt: now, updatedAt: now }),
      ),
    );
    await expect(attempt).rejects.toMatchObject({ code: 'COUNTER_NUMBER_TAKEN', kind: 'conflict', fields: [{ path: '/number' }] });
    expect((await list(centre)).json().items.length).toBe(1);
  });

  it('requires the area of a professional-area counter (§7.1.6.3)', async () => {
    const res = await create(counterInput({ kind: 'professional' }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'COUNTER_AREA_REQUIRED', fields: [{ path: '/areaName' }] });
    const plain = (await create(counterInput())).json();
    const upd = await ctx.as(manager, { method: 'PATCH', url: `/api/v1/counters/${plain.id}`, payload: { kind: 'professional' } });
    expect(upd.statusCode).toBe(422);
    expect(upd.json().error.code).toBe('COUNTER_AREA_REQUIRED');
    const ok = await ctx.as(manager, { method: 'PATCH', url: `/api/v1/counters/${plain.id}`, payload: { kind: 'professional', areaName: '公安专区' } });
    expect(ok.statusCode).toBe(200);
    const clear = await ctx.as(manager, { method: 'PATCH', url: `/api/v1/counters/${plain.id}`, payload: { areaName: null } });
    expect(clear.json().error.code).toBe('COUNTER_AREA_REQUIRED');
  });

  it('warns when a seventh professional area is opened (§7.1.6.3: no more than six)', async () => {
    const centre = await newCentre('西湖区政务服务中心', '360103');
    for (const area of ['公安', '税务', '社保医保', '公积金', '不动产', '企业开办']) {
      expect((await create(counterInput({ kind: 'professional', areaName: area }), admin, centre)).json().warnings).toEqual([]);
    }
    const seventh = await create(counterInput({ kind: 'professional', areaName: '交通运输' }), admin, centre);
    expect(seventh.statusCode).toBe(201);
    expect(seventh.json().warnings).toEqual([expect.objectContaining({ code: 'PROFESSIONAL_AREAS_EXCEED', path: '/areaName' })]);
  });

  it("refuses unknown, retired and other centres' zones and departments with 422 at the field", async () => {
    const foreignZone = await post(admin, 'zones', zoneInput(), otherCentreId);
    const foreignDept = await post(admin, 'departments', departmentInput(), otherCentreId);
    const z = await create(counterInput({ zoneId: foreignZone.id }));
    expect(z.statusCode).toBe(422);
    expect(z.json().error).toMatchObject({ code: 'ZONE_NOT_FOUND', fields: [{ path: '/zoneId', code: 'ZONE_NOT_FOUND' }] });
    const d = await create(counterInput({ departmentId: foreignDept.id }));
    expect(d.statusCode).toBe(422);
    expect(d.json().error).toMatchObject({ code: 'DEPARTMENT_NOT_FOUND', fields: [{ path: '/departmentId' }] });
    const u = await create(counterInput({ departmentId: randomUUID() }));
    expect(u.statusCode).toBe(422);
    expect(u.json().error.fields[0].path).toBe('/departmentId');
    const retired = await post(manager, 'zones', zoneInput());
    await ctx.as(manager, { method: 'DELETE', url: `/api/v1/zones/${retired.id}` });
    const r = await create(counterInput({ zoneId: retired.id }));
    expect(r.statusCode).toBe(422);
    expect(r.json().error.fields[0]).toMatchObject({ path: '/zoneId', code: 'ZONE_NOT_FOUND' });
  });

  it('updates and retires, each audited with before and after; a retired counter stays readable, cannot change, and is closed', async () => {
    const counter = (await create()).json();
    await setStatus(manager, counter.id, { status: 'serving' });
    const upd = await ctx.as(manager, { method: 'PATCH', url: `/api/v1/counters/${counter.id}`, payload: { name: '统一出件' } });
    expect(upd.statusCode).toBe(200);
    expect(upd.json().name).toBe('统一出件');
    const del = await ctx.as(manager, { method: 'DELETE', url: `/api/v1/counters/${counter.id}` });
    expect(del.json()).toMatchObject({ status: 'closed' });
    expect(del.json().retiredAt).not.toBeNull();
    expect((await ctx.as(manager, { method: 'GET', url: `/api/v1/counters/${counter.id}` })).json().retiredAt).not.toBeNull();
    expect((await ctx.as(manager, { method: 'PATCH', url: `/api/v1/counters/${counter.id}`, payload: { name: 'x' } })).json().error.code).toBe('ENTITY_RETIRED');
    expect((await setStatus(manager, counter.id, { status: 'serving' })).json().error.code).toBe('ENTITY_RETIRED');
    const audit = await auditOf(counter.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'status', 'update', 'retire']);
    expect(audit[2]).toMatchObject({ before: expect.objectContaining({ name: '综合受理' }), after: expect.objectContaining({ name: '统一出件' }) });
    expect((await list()).json().items.map((c: { id: string }) => c.id)).not.toContain(counter.id);
    expect((await list(centreId, '?includeRetired=true')).json().items.map((c: { id: string }) => c.id)).toContain(counter.id);
  });

  it('answers an unknown kind, wrong types and over-long strings with 400 and the fields at fault', async () => {
    const res = await create({ number: '1'.repeat(17), name: 'x'.repeat(51), kind: 'vip', zoneId: 'zone-1', areaName: { text: '税务' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['/areaName', '/kind', '/name', '/number', '/zoneId']);
    expect((await create(counterInput({ number: '1 号' }))).statusCode).toBe(400);
  });

  it("forbids another centre's manager to read or write", async () => {
    const counter = (await create()).json();
    const stranger = await ctx.userWith([role('centre_manager', otherCentreId)]);
    expect((await create(counterInput(), stranger)).statusCode).toBe(403);
    expect((await ctx.as(stranger, { method: 'GET', url: `/api/v1/centres/${centreId}/counters` })).statusCode).toBe(403);
    expect((await ctx.as(stranger, { method: 'GET', url: `/api/v1/counters/${counter.id}` })).statusCode).toBe(403);
    expect((await ctx.as(stranger, { method: 'PATCH', url: `/api/v1/counters/${counter.id}`, payload: { name: 'x' } })).statusCode).toBe(403);
    expect((await ctx.as(stranger, { method: 'DELETE', url: `/api/v1/counters/${counter.id}` })).statusCode).toBe(403);
    expect((await setStatus(stranger, counter.id, { status: 'serving' })).statusCode).toBe(403);
    expect((await ctx.as(admin, { method: 'GET', url: `/api/v1/counters/${randomUUID()}` })).json().error.code).toBe('COUNTER_NOT_FOUND');
  });

  describe('§5.1.5.1 service status and whereabouts', () => {
    it('lets a window clerk set the status but not create a counter', async () => {
      const counter = (await create()).json();
      const clerk = await ctx.userWith([role('window_clerk', centreId)]);
      expect((await create(counterInput(), clerk)).statusCode).toBe(403);
      expect((await ctx.as(clerk, { method: 'PATCH', url: `/api/v1/counters/${counter.id}`, payload: { name: 'x' } })).statusCode).toBe(403);
      const serving = await setStatus(clerk, counter.id, { status: 'serving' });
      expect(serving.statusCode).toBe(200);
      expect(serving.json()).toMatchObject({ status: 'serving', statusLabel: '服务中' });
      const away = await setStatus(clerk, counter.id, { status: 'away', awayReason: '后台审批会商', expectedReturnAt: '2025-03-03T10:20:00+08:00' });
      expect(away.statusCode).toBe(200);
      expect(away.json()).toMatchObject({ status: 'away', awayReason: '后台审批会商', expectedReturnAt: '2025-03-03T02:20:00.000Z' });
      const back = await setStatus(clerk, counter.id, { status: 'serving' });
      expect(back.json()).toMatchObject({ status: 'serving', awayReason: null, expectedReturnAt: null });
      const audit = (await auditOf(counter.id)).filter((a) => a.action === 'status');
      expect(audit.map((a) => a.actorId)).toEqual([clerk.userId, clerk.userId, clerk.userId]);
      expect(audit[1]).toMatchObject({ before: { serviceStatus: 'serving' }, after: { serviceStatus: 'away', awayReason: '后台审批会商' } });
    });

    it('refuses away without whereabouts or with a return in the past, and keeps the status', async () => {
      const counter = (await create()).json();
      await setStatus(manager, counter.id, { status: 'serving' });
      const bare = await setStatus(manager, counter.id, { status: 'away' });
      expect(bare.statusCode).toBe(422);
      expect(bare.json().error.code).toBe('COUNTER_AWAY_REASON_REQUIRED');
      expect(bare.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['/awayReason', '/expectedReturnAt']);
      const past = await setStatus(manager, counter.id, { status: 'away', awayReason: '取件', expectedReturnAt: '2025-03-03T09:00:00+08:00' });
      expect(past.statusCode).toBe(422);
      expect(past.json().error.code).toBe('COUNTER_RETURN_TIME_INVALID');
      expect((await ctx.as(manager, { method: 'GET', url: `/api/v1/counters/${counter.id}` })).json().status).toBe('serving');
      expect((await setStatus(manager, counter.id, { status: 'open' })).statusCode).toBe(400);
    });

    it("keeps a department's clerk to the counters of that department and the centre's own", async () => {
      const tax = await post(manager, 'departments', departmentInput());
      const police = await post(manager, 'departments', departmentInput());
      const taxCounter = (await create(counterInput({ departmentId: tax.id }))).json();
      const policeCounter = (await create(counterInput({ departmentId: police.id }))).json();
      const pooled = (await create(counterInput())).json();
      const clerk = await ctx.userWith([role('window_clerk', centreId, tax.id)]);
      expect((await setStatus(clerk, taxCounter.id, { status: 'paused' })).statusCode).toBe(200);
      expect((await setStatus(clerk, pooled.id, { status: 'serving' })).statusCode).toBe(200);
      expect((await setStatus(clerk, policeCounter.id, { status: 'paused' })).statusCode).toBe(403);
    });
  });
});
