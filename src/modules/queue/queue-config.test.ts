/** Queue configuration (DB36/T 2016 §7.1.6.2, §7.1.6.3, §6.4.7; issue 4 "Queues and tickets"). */
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/schema.ts';
import { itemInput } from '../catalogue/test-helpers.ts';
import { counterInput, departmentInput } from '../../test/factories.ts';
import { createTestContext, role, type Session, type TestContext } from '../../test/harness.ts';
import { get, issue, makeHall, post, type Hall } from './test-helpers.ts';

let ctx: TestContext;
let admin: Session;
let hall: Hall;
let display: string;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.userWith([role('system_admin')]);
  hall = await makeHall(ctx, admin, { signIn: false });
  display = (await post<{ token: string }>(ctx, hall.manager, `/api/v1/centres/${hall.centreId}/device-tokens`, { name: '大厅显示屏', role: 'display' })).body.token;
});
afterAll(() => ctx.close());

const create = (payload: Record<string, unknown>, as = hall.manager) => post<Record<string, unknown>>(ctx, as, `/api/v1/centres/${hall.centreId}/queues`, payload);
const patch = async (id: string, payload: Record<string, unknown>) => {
  const res = await ctx.as(hall.manager, { method: 'PATCH', url: `/api/v1/queues/${id}`, payload });
  return { status: res.statusCode, body: res.json<Record<string, unknown>>() };
};

describe('queues', () => {
  it('creates a queue with items, quota, windows, weighted counters and tidal thresholds; reads it back; audited', async () => {
    const dept = (await post<{ id: string }>(ctx, hall.manager, `/api/v1/centres/${hall.centreId}/departments`, departmentInput())).body.id;
    const item = (await post<{ id: string }>(ctx, hall.manager, `/api/v1/centres/${hall.centreId}/items`, itemInput(dept))).body.id;
    const special = (await post<{ id: string }>(ctx, hall.manager, `/api/v1/centres/${hall.centreId}/counters`, counterInput({ kind: 'special', name: '帮代办' }))).body.id;
    const res = await create({
      name: '企业开办',
      prefix: 'd',
      pool: 'special',
      itemIds: [item],
      dailyQuota: 80,
      issuingWindows: [{ start: '09:00', end: '11:30' }, { start: '13:30', end: '16:30' }],
      serviceMinutes: 15,
      counters: [{ counterId: special, weight: 10 }],
      tidal: { openAtWaiting: 15, openAtLongestWaitMinutes: 40, tidalCounterIds: [hall.counters.tidal] },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ prefix: 'D', pool: 'special', poolLabel: '指定窗口', itemIds: [item], dailyQuota: 80, serviceMinutes: 15, counters: [{ counterId: special, weight: 10 }] });
    expect(res.body.tidal).toEqual({ openAtWaiting: 15, openAtLongestWaitMinutes: 40, tidalCounterIds: [hall.counters.tidal] });
    expect((await get(ctx, hall.manager, `/api/v1/queues/${res.body.id}`)).body).toEqual(res.body);
    const audit = await ctx.deps.db.select().from(auditLog).where(and(eq(auditLog.entity, 'queue'), eq(auditLog.entityId, res.body.id as string)));
    expect(audit.map((a) => a.action)).toEqual(['create']);
    // A ticket for the item finds the queue.
    const t = await issue(ctx, hall.manager, hall, { itemId: item });
    expect(t.number).toBe('D001');
  });

  it('lists in display order; staff and the display read, only managers write', async () => {
    const list = await get<{ items: { prefix: string }[] }>(ctx, hall.clerks.comp[0]!, `/api/v1/centres/${hall.centreId}/queues`);
    // By sort order: D (0), A (1), B (2), C (3).
    expect(list.body.items.map((q) => q.prefix)).toEqual(['D', 'A', 'B', 'C']);
    const asDisplay = await ctx.app.inject({ method: 'GET', url: `/api/v1/centres/${hall.centreId}/queues`, headers: { authorization: `Bearer ${display}` } });
    expect(asDisplay.statusCode).toBe(200);
    expect((await create({ name: '测试', prefix: 'T', pool: 'comprehensive' }, hall.clerks.comp[0]!)).status).toBe(403);
  });

  it('reports every fault with its field: prefix taken, professional without area, overlapping windows, bad quota, unknown counter, a non-tidal counter as tidal, an unknown item', async () => {
    const res = await create({
      name: '坏队列',
      prefix: 'A',
      pool: 'professional',
      issuingWindows: [{ start: '10:00', end: '09:00' }],
      dailyQuota: 0,
      counters: [{ counterId: '00000000-0000-4000-8000-000000000000', weight: 0 }],
      tidal: { openAtWaiting: null, openAtLongestWaitMinutes: null, tidalCounterIds: [hall.counters.comp[0]] },
      itemIds: ['00000000-0000-4000-8000-000000000001'],
    });
    expect(res.status).toBe(400);
    const ok = await create({
      name: '坏队列',
      prefix: 'A',
      pool: 'professional',
      issuingWindows: [{ start: '10:00', end: '09:00' }],
      counters: [{ counterId: '00000000-0000-4000-8000-000000000000', weight: 0 }],
      tidal: { openAtWaiting: null, openAtLongestWaitMinutes: null, tidalCounterIds: [hall.counters.comp[0]] },
      itemIds: ['00000000-0000-4000-8000-000000000001'],
    });
    expect(ok.status).toBe(409);
    const fields = (ok.body as { error: { code: string; fields: { path: string; code: string }[] } }).error;
    expect(fields.code).toBe('QUEUE_PREFIX_TAKEN');
    expect(fields.fields.map((f) => `${f.path} ${f.code}`)).toEqual([
      '/prefix QUEUE_PREFIX_TAKEN',
      '/areaName QUEUE_SETTINGS_INVALID',
      '/issuingWindows/0 QUEUE_SETTINGS_INVALID',
      '/counters/0/counterId COUNTER_NOT_FOUND',
      '/tidal/tidalCounterIds/0 COUNTER_NOT_TIDAL',
      '/itemIds/0 ITEM_NOT_FOUND',
    ]);
    const unknownOnly = await create({ name: '坏队列', prefix: 'K', pool: 'comprehensive', counters: [{ counterId: '00000000-0000-4000-8000-000000000000', weight: 0 }] });
    expect(unknownOnly.status).toBe(422);
  });

  it('updates (counters replaced), refuses retiring while tickets wait, then retires; a retired prefix is free again', async () => {
    const q = await create({ name: '临时队列', prefix: 'R', pool: 'comprehensive' });
    const id = q.body.id as string;
    const updated = await patch(id, { name: '临时综合', counters: [{ counterId: hall.counters.comp[1], weight: -5 }] });
    expect(updated.body).toMatchObject({ name: '临时综合', counters: [{ counterId: hall.counters.comp[1], weight: -5 }] });
    const t = await issue(ctx, hall.manager, hall, { queueId: id });
    const refused = await ctx.as(hall.manager, { method: 'DELETE', url: `/api/v1/queues/${id}` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('QUEUE_HAS_WAITING_TICKETS');
    await post(ctx, hall.manager, `/api/v1/tickets/${t.id}/cancel`, { reason: '测试' });
    const retired = await ctx.as(hall.manager, { method: 'DELETE', url: `/api/v1/queues/${id}` });
    expect(retired.statusCode).toBe(200);
    expect(retired.json().retiredAt).not.toBeNull();
    expect((await create({ name: '新临时队列', prefix: 'R', pool: 'comprehensive' })).status).toBe(201);
    const audits = await ctx.deps.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, id)).orderBy(asc(auditLog.id));
    expect(audits.map((a) => a.action)).toEqual(['create', 'update', 'retire']);
  });

  it('an unknown queue is 404', async () => {
    expect((await get(ctx, hall.manager, '/api/v1/queues/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});

describe('queue settings (settings.ts)', () => {
  it('defaults to the domain’s; saves parts, audited; every bad field reported with its path', async () => {
    const url = `/api/v1/centres/${hall.centreId}/queue-settings`;
    const initial = await get<{ recallLimit: number; notify: { nearPlace: number } }>(ctx, hall.clerks.comp[0]!, url);
    expect(initial.body).toMatchObject({ recallLimit: 2, notify: { nearPlace: 5 }, display: { notice: '' }, priority: { elderlyAge: 60 } });
    const put = await ctx.as(hall.manager, { method: 'PUT', url, payload: { recallLimit: 3, display: { notice: '请保管好随身物品' }, priority: { weights: { elderly: 40 } } } });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ recallLimit: 3, display: { notice: '请保管好随身物品' }, priority: { weights: { elderly: 40, green_channel: 60 } } });
    const bad = await ctx.as(hall.manager, { method: 'PUT', url, payload: { recallLimit: 11, notify: { nearPlace: 0 } } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['/recallLimit', '/notify/nearPlace']);
    expect((await get<{ recallLimit: number }>(ctx, hall.manager, url)).body.recallLimit).toBe(3);
    expect((await ctx.as(hall.clerks.comp[0]!, { method: 'PUT', url, payload: {} })).statusCode).toBe(403);
  });
});
