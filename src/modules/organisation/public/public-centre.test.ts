import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counterInput, centreInput, departmentInput, staffInput, zoneInput } from '../../../test/factories.ts';
import { createTestContext, role, type Session, type TestContext } from '../../../test/harness.ts';

let ctx: TestContext;
let admin: Session;
let centreId: string;
let departmentName: string;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.userWith([role('system_admin')]);
  const lateHours = {
    morning: { start: '09:00', end: '12:00' },
    afternoon: { start: '13:00', end: '17:00' },
    lunchService: true,
    early: { start: '08:00', end: '09:00' },
    late: { start: '17:00', end: '19:00' },
    saturday: { start: '09:00', end: '12:00' },
    sunday: null,
  };
  const centre = await ctx.as(admin, {
    method: 'POST',
    url: '/api/v1/centres',
    payload: centreInput({ serviceHours: lateHours, wifi: { ssid: 'XJ-ZWFW', password: '88886666', notice: '请勿在网上办理涉密事项' } }),
  });
  expect(centre.statusCode).toBe(201);
  centreId = centre.json().id;
  const base = `/api/v1/centres/${centreId}`;
  const dept = await ctx.as(admin, { method: 'POST', url: `${base}/departments`, payload: departmentInput() });
  departmentName = dept.json().name;
  const hall = await ctx.as(admin, { method: 'POST', url: `${base}/zones`, payload: zoneInput({ name: '一楼综合窗口区', floor: '1F' }) });
  await ctx.as(admin, { method: 'POST', url: `${base}/zones`, payload: zoneInput({ name: '二楼自助服务区', kind: 'self_service', floor: '2F' }) });
  await ctx.as(admin, { method: 'POST', url: `${base}/zones`, payload: zoneInput({ name: '后台办公区', kind: 'office', floor: '2F' }) });
  const counter = await ctx.as(admin, {
    method: 'POST',
    url: `${base}/counters`,
    payload: counterInput({ number: '3', name: '不动产登记', kind: 'professional', areaName: '不动产登记专区', zoneId: hall.json().id, departmentId: dept.json().id }),
  });
  expect(counter.statusCode, counter.body).toBe(201);
  const staff = await ctx.as(admin, {
    method: 'POST',
    url: `${base}/staff`,
    payload: staffInput({ name: '李华', phone: '13912345678', departmentId: dept.json().id, duties: ['不动产登记受理'] }),
  });
  expect(staff.statusCode).toBe(201);
});
afterAll(() => ctx.close());

describe('public centre (portal)', () => {
  it('lists active centres without login, and leaves retired ones out', async () => {
    const retired = await ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput({ name: '旧址政务服务中心' }) });
    await ctx.as(admin, { method: 'DELETE', url: `/api/v1/centres/${retired.json().id}` });
    const res = await ctx.as(null, { method: 'GET', url: '/api/v1/public/centres' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; name: string; levelLabel: string; address: string }[];
    const ids = items.map((c) => c.id);
    expect(ids).toContain(centreId);
    expect(ids).not.toContain(retired.json().id);
    expect(items.find((c) => c.id === centreId)).toEqual({
      id: centreId,
      name: '新建区政务服务中心',
      level: 'county',
      levelLabel: '县（区）级',
      address: '江西省南昌市新建区长堎镇长征路 1 号',
    });
  });

  it('shows hours with the §8.1.3.5 windows, §5.1.3.1 phones and the §5.2.3.2 Wi-Fi notice', async () => {
    const res = await ctx.as(null, { method: 'GET', url: `/api/v1/public/centres/${centreId}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.serviceHours).toMatchObject({ lunchService: true, early: { start: '08:00', end: '09:00' }, late: { start: '17:00', end: '19:00' }, sunday: null });
    expect(body.phones).toEqual({ consultation: '0791-83771234', appointment: '0791-83771235', complaint: '12345', supervision: '0791-83771236' });
    expect(body.wifi).toEqual({ ssid: 'XJ-ZWFW', password: '88886666', notice: '请勿在网上办理涉密事项' });
    expect(body).toMatchObject({ latitude: 28.69, longitude: 115.82 });
  });

  it('indexes public zones by floor (§5.1.3.2), lists counters with what they handle and the staff board (§5.1.3.3)', async () => {
    const body = (await ctx.as(null, { method: 'GET', url: `/api/v1/public/centres/${centreId}` })).json();
    expect(body.floors).toEqual([
      { floor: '1F', zones: [expect.objectContaining({ name: '一楼综合窗口区', kindLabel: '窗口服务区' })] },
      { floor: '2F', zones: [expect.objectContaining({ name: '二楼自助服务区', kindLabel: '自助服务区' })] },
    ]);
    expect(body.counters).toEqual([
      expect.objectContaining({ number: '3', name: '不动产登记', kindLabel: '专业区窗口', departmentName, zoneName: '一楼综合窗口区', statusLabel: '未开放' }),
    ]);
    expect(body.departments).toEqual([{ id: expect.any(String), name: departmentName }]);
    expect(body.staffBoard).toEqual([expect.objectContaining({ name: '李华', departmentName, duties: ['不动产登记受理'] })]);
  });

  it('carries no private field: no staff phone or account, no office zone', async () => {
    const res = await ctx.as(null, { method: 'GET', url: `/api/v1/public/centres/${centreId}` });
    expect(res.body).not.toContain('13912345678');
    expect(res.body).not.toContain('139****5678');
    expect(res.body).not.toContain('后台办公区');
    const entry = res.json().staffBoard[0] as Record<string, unknown>;
    expect(Object.keys(entry).sort()).toEqual(['departmentId', 'departmentName', 'duties', 'id', 'name', 'photoUrl', 'title', 'workNumber']);
  });

  it('answers 404 for an unknown or retired centre, and does not publish a retired centre\'s Wi-Fi', async () => {
    const unknown = await ctx.as(null, { method: 'GET', url: '/api/v1/public/centres/00000000-0000-4000-8000-000000000000' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('CENTRE_NOT_FOUND');
    const old = await ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput({ name: '老城政务服务中心', wifi: { ssid: 'OLD-WIFI', password: 'secret99' } }) });
    await ctx.as(admin, { method: 'DELETE', url: `/api/v1/centres/${old.json().id}` });
    const retired = await ctx.as(null, { method: 'GET', url: `/api/v1/public/centres/${old.json().id}` });
    expect(retired.statusCode).toBe(404);
    expect(retired.body).not.toContain('OLD-WIFI');
    const malformed = await ctx.as(null, { method: 'GET', url: '/api/v1/public/centres/not-a-uuid' });
    expect(malformed.statusCode).toBe(400);
  });
});
