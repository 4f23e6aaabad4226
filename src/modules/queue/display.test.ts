/**
 * Screens and public views (DB36/T 2016 §5.2.2 显示屏, §6.4.2, §6.4.5, §5.1.5.1; issue 4
 * "Kiosk", "Mobile ticket", "Hall display", "Counter screen").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../platform/auth/principal.ts';
import { publishItem } from '../catalogue/item-version.service.ts';
import { itemInput } from '../catalogue/test-helpers.ts';
import { departmentInput } from '../../test/factories.ts';
import { createTestContext, role, type Session, type TestContext } from '../../test/harness.ts';
import { setNotifier, type NearMessage } from './notify.ts';
import { get, issue, makeHall, post, type Hall, type Issued } from './test-helpers.ts';

let ctx: TestContext;
let admin: Session;
let hall: Hall;
let displayToken: string;
let kioskToken: string;
const sent: NearMessage[] = [];
const logged: string[] = [];
/** 1×1 transparent PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.userWith([role('system_admin')]);
  hall = await makeHall(ctx, admin);
  displayToken = (await post<{ token: string }>(ctx, hall.manager, `/api/v1/centres/${hall.centreId}/device-tokens`, { name: '大厅显示屏', role: 'display' })).body.token;
  kioskToken = (await post<{ token: string }>(ctx, hall.manager, `/api/v1/centres/${hall.centreId}/device-tokens`, { name: '取号机', role: 'kiosk' })).body.token;
  setNotifier(ctx.deps, { yourTurnIsNear: (m) => Promise.resolve(void sent.push(m)) }, { info: () => undefined, error: (_f, m) => void logged.push(m) });
});
afterAll(() => ctx.close());

const asDevice = (token: string, url: string) => ctx.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
const callNext = (i: number) => post<Issued>(ctx, hall.clerks.comp[i]!, `/api/v1/counters/${hall.counters.comp[i]}/call-next`);

describe('hall display and counter screens', () => {
  it('the counter screen shows the clerk’s photo, name, title and work number (§6.4.2), the photo served by the public route', async () => {
    const staff = await get<{ items: { id: string; name: string }[] }>(ctx, hall.manager, `/api/v1/centres/${hall.centreId}/staff`);
    const zhang = staff.body.items.find((s) => s.name === '张敏')!;
    const patched = await ctx.as(hall.manager, { method: 'PATCH', url: `/api/v1/staff/${zhang.id}`, payload: { photoUrl: `data:image/png;base64,${PNG}` } });
    expect(patched.statusCode).toBe(200);
    const screen = await asDevice(displayToken, `/api/v1/counters/${hall.counters.comp[0]}/screen`);
    expect(screen.statusCode).toBe(200);
    const card = screen.json();
    expect(card).toMatchObject({ number: '1', name: '综合受理（无差别）', status: 'serving', statusLabel: '服务中', currentNumber: null, clerk: { name: '张敏', title: '综合受理员' } });
    expect(card.clerk.workNumber).toMatch(/^T\d+$/);
    expect(card.clerk.photoUrl).toMatch(new RegExp(`^/api/v1/public/staff/${zhang.id}/photo\\?v=\\d+$`));
    const photo = await ctx.app.inject({ method: 'GET', url: card.clerk.photoUrl });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.rawPayload.equals(Buffer.from(PNG, 'base64'))).toBe(true);
    const again = await ctx.app.inject({ method: 'GET', url: card.clerk.photoUrl, headers: { 'if-none-match': String(photo.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/public/staff/${hall.centreId}/photo` })).statusCode).toBe(404);
    // A kiosk is not a display.
    expect((await asDevice(kioskToken, `/api/v1/counters/${hall.counters.comp[0]}/screen`)).statusCode).toBe(403);
  });

  it('the hall display: latest calls first with the sentence, waiting per queue, the notice, every counter', async () => {
    await ctx.as(hall.manager, { method: 'PUT', url: `/api/v1/centres/${hall.centreId}/queue-settings`, payload: { display: { notice: '请保管好随身物品' } } });
    const a = await issue(ctx, hall.manager, hall, { queueId: hall.queues.a });
    const c = await issue(ctx, hall.manager, hall, { queueId: hall.queues.c });
    await issue(ctx, hall.manager, hall, { queueId: hall.queues.c });
    await callNext(0);
    await callNext(1);
    await post(ctx, hall.clerks.comp[0]!, `/api/v1/tickets/${a.id}/recall`);
    const res = await asDevice(displayToken, `/api/v1/centres/${hall.centreId}/display`);
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view.notice).toBe('请保管好随身物品');
    expect(view.calls.map((x: { text: string }) => x.text)).toEqual(['再次呼叫：请A001号到1号窗口办理', '请C001号到2号窗口办理', '请A001号到1号窗口办理']);
    expect(view.calls[1]).toMatchObject({ ticketId: c.id, counterName: '综合受理（无差别）', speech: '请C零零一号到二号窗口办理', recall: false });
    expect(view.queues.map((q: { prefix: string; waiting: number }) => `${q.prefix}:${q.waiting}`)).toEqual(['A:0', 'B:0', 'C:1']);
    expect(view.counters.map((x: { number: string }) => x.number)).toEqual(['1', '2', '3', '4', '14', '21']);
    expect(view.counters[0]).toMatchObject({ currentNumber: 'A001', clerk: { name: '张敏' } });
    expect(view.counters[4]).toMatchObject({ number: '14', status: 'closed', statusLabel: '未开放', clerk: null });
  });

  it('the workbench: card, the ticket in hand, what waits for this counter (best first), today’s figures', async () => {
    await issue(ctx, hall.manager, hall, { queueId: hall.queues.a, priority: 'military' });
    const bench = await get<Record<string, unknown>>(ctx, hall.clerks.comp[0]!, `/api/v1/counters/${hall.counters.comp[0]}/workbench`);
    expect(bench.status).toBe(200);
    expect(bench.body).toMatchObject({
      counter: { number: '1', status: 'serving', signedIn: true, clerk: { name: '张敏' } },
      current: { number: 'A001', status: 'called', recallCount: 1 },
      parked: [],
      today: { served: 0, noShow: 0, transferred: 0, averageServiceMinutes: null },
    });
    expect((bench.body.waiting as { number: string; priorityClass: string }[]).map((w) => `${w.number}:${w.priorityClass}`)).toEqual(['A002:military', 'C002:normal']);
    const other = await get<{ counter: { signedIn: boolean } }>(ctx, hall.clerks.comp[1]!, `/api/v1/counters/${hall.counters.comp[0]}/workbench`);
    expect(other.body.counter.signedIn).toBe(false);
  });
});

describe('public: kiosk menu, mobile ticket status, "your turn is near"', () => {
  it('the kiosk lists queues with waiting and whether they issue, and published items by department with their queue', async () => {
    const dept = (await post<{ id: string }>(ctx, hall.manager, `/api/v1/centres/${hall.centreId}/departments`, departmentInput({ name: '县医疗保障局' }))).body.id;
    const item = (await post<{ id: string; name: string }>(ctx, hall.manager, `/api/v1/centres/${hall.centreId}/items`, itemInput(dept))).body;
    await publishItem(ctx.deps, SYSTEM_ACTOR, item.id, { reviewer: '审查组', opinion: '同意' });
    await ctx.as(hall.manager, { method: 'PATCH', url: `/api/v1/queues/${hall.queues.c}`, payload: { itemIds: [item.id], dailyQuota: 1 } });
    const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/public/centres/${hall.centreId}/kiosk` });
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({ openNow: true, message: null });
    expect(view.queues.map((q: { prefix: string }) => q.prefix)).toEqual(['A', 'B', 'C']);
    expect(view.queues[0]).toMatchObject({ name: '综合受理', issuing: true, refusal: null, waiting: 1 });
    // C has a quota of 1 and no kiosk ticket yet: it still issues.
    expect(view.queues[2]).toMatchObject({ issuing: true, itemIds: [item.id] });
    expect(view.departments).toEqual([{ id: dept, name: '县医疗保障局', items: [{ id: item.id, name: expect.any(String), queueId: hall.queues.c }] }]);
    ctx.setNow(new Date('2025-03-03T19:00:00+08:00'));
    const closed = (await ctx.app.inject({ method: 'GET', url: `/api/v1/public/centres/${hall.centreId}/kiosk` })).json();
    ctx.setNow(new Date('2025-03-03T10:00:00+08:00'));
    expect(closed).toMatchObject({ openNow: false, message: expect.stringContaining('当前不在中心服务时间') });
    expect(closed.queues[0]).toMatchObject({ issuing: false });
    await ctx.as(hall.manager, { method: 'PATCH', url: `/api/v1/queues/${hall.queues.c}`, payload: { dailyQuota: null } });
  });

  it('a mobile ticket’s live status: masked, people ahead, near at the configured place, told once; then the counter to go to', async () => {
    await ctx.as(hall.manager, { method: 'PUT', url: `/api/v1/centres/${hall.centreId}/queue-settings`, payload: { notify: { nearPlace: 2 } } });
    const mine: Issued[] = [];
    for (const [i, phone] of ['13700000001', '13700000002', '13700000003'].entries()) {
      ctx.setNow(new Date(Date.parse('2025-03-03T10:01:00+08:00') + i * 60_000));
      const res = await ctx.app.inject({ method: 'POST', url: `/api/v1/public/centres/${hall.centreId}/tickets`, payload: { queueId: hall.queues.a, phone } });
      expect(res.statusCode).toBe(201);
      mine.push(res.json());
    }
    // Waiting before them since 10:00: A002 (military) and C002; they are A003–A005, a minute apart.
    const status = await ctx.app.inject({ method: 'GET', url: `/api/v1/public/tickets/${mine[2]!.id}` });
    expect(status.json()).toMatchObject({ number: 'A005', status: 'waiting', statusLabel: '等候中', peopleAhead: 4, near: false, phoneMasked: '137****0003' });
    expect(status.body).not.toContain('13700000003');
    expect(sent).toEqual([]);
    await callNext(2); // A002
    await callNext(3); // C002 — now A003 is first, A004 second
    expect(sent.map((m) => m.number)).toEqual(['A003', 'A004']);
    expect(sent[0]).toMatchObject({ phone: '13700000001', phoneMasked: '137****0001', text: expect.stringContaining('A003') });
    await post(ctx, hall.clerks.comp[2]!, `/api/v1/tickets/${(await get<{ current: { id: string } }>(ctx, hall.clerks.comp[2]!, `/api/v1/counters/${hall.counters.comp[2]}/workbench`)).body.current.id}/no-show`);
    const called = await callNext(2); // A003
    expect(called.body.number).toBe('A003');
    // A005 becomes near; A004 is not told twice.
    expect(sent.map((m) => m.number)).toEqual(['A003', 'A004', 'A005']);
    const near = (await ctx.app.inject({ method: 'GET', url: `/api/v1/public/tickets/${mine[2]!.id}` })).json();
    expect(near).toMatchObject({ peopleAhead: 1, near: true });
    const first = (await ctx.app.inject({ method: 'GET', url: `/api/v1/public/tickets/${mine[0]!.id}` })).json();
    expect(first).toMatchObject({ status: 'called', counterNumber: '3', estimateText: '请到 3 号窗口办理', near: false });
    expect(logged).toEqual([]);
  });

  it('the citizen may cancel their own waiting ticket; an unknown ticket is 404', async () => {
    const t = (await ctx.app.inject({ method: 'POST', url: `/api/v1/public/centres/${hall.centreId}/tickets`, payload: { queueId: hall.queues.c, phone: '13700000009' } })).json();
    const res = await ctx.app.inject({ method: 'POST', url: `/api/v1/public/tickets/${t.id}/cancel` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', statusLabel: '已取消' });
    expect((await ctx.app.inject({ method: 'POST', url: `/api/v1/public/tickets/${t.id}/cancel` })).json().error.code).toBe('TICKET_CLOSED');
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/public/tickets/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
  });
});
