/**
 * Calling and serving (DB36/T 2016 §7.1.6.2 抢单, §7.1.6.3, §5.1.5.1, §5.2.2.1, §7.1.5;
 * issue 4 "Counter actions", "Faults and bad input").
 */
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/schema.ts';
import { centreInput } from '../../test/factories.ts';
import { createTestContext, role, type Session, type TestContext } from '../../test/harness.ts';
import { ticketEvents, tickets } from './schema.ts';
import { clerk, get, issue, makeHall, post, streamed, type Hall, type Issued } from './test-helpers.ts';

let ctx: TestContext;
let admin: Session;
let hall: Hall;
let now: Date;

beforeAll(async () => {
  now = new Date('2025-03-03T10:00:00+08:00');
  ctx = await createTestContext({ now });
  admin = await ctx.userWith([role('system_admin')]);
});
afterAll(() => ctx.close());
beforeEach(async () => {
  // A fresh centre per test: its own pool, counters and clerks.
  hall = await makeHall(ctx, admin);
});

const later = (minutes: number) => {
  now = new Date(now.getTime() + minutes * 60_000);
  ctx.setNow(now);
};
const callNext = (as: Session, counterId: string) => post<Issued & { counterNumber: string }>(ctx, as, `/api/v1/counters/${counterId}/call-next`);
const act = (as: Session, id: string, action: string, body: Record<string, unknown> = {}) => post<Record<string, unknown>>(ctx, as, `/api/v1/tickets/${id}/${action}`, body);
const statusOf = async (id: string) => (await ctx.deps.db.select({ status: tickets.status }).from(tickets).where(eq(tickets.id, id)))[0]!.status;
const eventsOf = (id: string) => ctx.deps.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, id)).orderBy(asc(ticketEvents.id));

describe('call next (§7.1.6.2)', () => {
  it('a comprehensive counter takes the best ticket of the whole pool: priority, then who came first; 204 when nobody waits', async () => {
    const [c1] = hall.counters.comp;
    const a1 = await issue(ctx, hall.manager, hall, { queueId: hall.queues.a });
    later(1);
    const c01 = await issue(ctx, hall.manager, hall, { queueId: hall.queues.c });
    later(1);
    const green = await issue(ctx, hall.manager, hall, { queueId: hall.queues.c, priority: 'green_channel' });
    await issue(ctx, hall.manager, hall, { queueId: hall.queues.b }); // 不动产: not in the comprehensive pool
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await callNext(hall.clerks.comp[0]!, c1!);
      expect(res.status).toBe(200);
      order.push(res.body.number);
      await act(hall.clerks.comp[0]!, res.body.id, 'no-show');
    }
    expect(order).toEqual([green.number, a1.number, c01.number]);
    const none = await ctx.as(hall.clerks.comp[0]!, { method: 'POST', url: `/api/v1/counters/${c1}/call-next` });
    expect(none.statusCode).toBe(204);
    expect(none.body).toBe('');
  });

  it('a professional counter draws from its area only (§7.1.6.3); the call is stored with counter and clerk, audited and announced', async () => {
    await issue(ctx, hall.manager, hall, { queueId: hall.queues.a });
    const b1 = await issue(ctx, hall.manager, hall, { queueId: hall.queues.b });
    const res = await callNext(hall.clerks.estate, hall.counters.estate);
    expect(res.body).toMatchObject({ id: b1.id, number: 'B001', status: 'called', counterNumber: '21', counterName: '不动产登记受理' });
    const [issued, called] = await eventsOf(b1.id);
    expect(issued!.type).toBe('issued');
    expect(called).toMatchObject({ type: 'called', counterId: hall.counters.estate, actorKind: 'counter', fromStatus: 'waiting', toStatus: 'called', waitSeconds: 0 });
    expect(called!.clerkId).not.toBeNull();
    const audit = await ctx.deps.db.select().from(auditLog).where(and(eq(auditLog.entityId, b1.id), eq(auditLog.action, 'call')));
    expect(audit).toHaveLength(1);
    const [announced] = await streamed<Record<string, unknown>>(ctx, hall.centreId, 'ticket.called');
    expect(announced).toMatchObject({ number: 'B001', counterNumber: '21', text: '请B001号到21号窗口办理', speech: '请B零零一号到二十一号窗口办理', recall: false, lang: 'zh-CN' });
    const cards = await streamed<{ counterId: string; currentNumber: string | null }>(ctx, hall.centreId, 'counter.status');
    expect(cards.at(-1)).toMatchObject({ counterId: hall.counters.estate, currentNumber: 'B001' });
    const stats = await streamed<{ queues: { queueId: string; waiting: number }[] }>(ctx, hall.centreId, 'queue.stats');
    expect(stats.at(-1)!.queues).toEqual([expect.objectContaining({ queueId: hall.queues.b, waiting: 0, name: '不动产登记' })]);
  });

  it('§5.2.2.1: an elderly citizen’s call is spoken slower and more often', async () => {
    await issue(ctx, hall.manager, hall, { queueId: hall.queues.a });
    const t = await issue(ctx, hall.manager, hall, { queueId: hall.queues.a, priority: 'elderly' });
    // Declared elderly (20 points ahead) and called first, slower and three times.
    const res = await callNext(hall.clerks.comp[1]!, hall.counters.comp[1]!);
    expect(res.body.id).toBe(t.id);
    const [called] = (await streamed<{ rate: number; repeat: number }>(ctx, hall.centreId, 'ticket.called')).slice(-1);
    expect(called).toMatchObject({ rate: 0.7, repeat: 3 });
  });

  it('§5.1.5.1: a paused or away counter cannot call, and nothing changes; nor can a clerk not signed in there', async () => {
    const t = await issue(ctx, hall.manager, hall, { queueId: hall.queues.a });
    const [c1] = hall.counters.comp;
    const pause = await ctx.as(hall.clerks.comp[0]!, { method: 'PUT', url: `/api/v1/counters/${c1}/status`, payload: { status: 'paused' } });
    expect(pause.statusCode).toBe(200);
    const refused = await callNext(hall.clerks.comp[0]!, c1!);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ error: { code: 'COUNTER_CANNOT_CALL' } });
    await ctx.as(hall.clerks.comp[0]!, { method: 'PUT', url: `/api/v1/counters/${c1}/status`, payload: { status: 'away', awayReason: '到档案室调取材料', expectedReturnAt: '2025-03-03T10:30:00+08:00' } });
    expect((await callNext(hall.clerks.comp[0]!, c1!)).body).toMatchObject({ error: { code: 'COUNTER_CANNOT_CALL', message: expect.stringContaining('暂时离开') } });
    const other = await callNext(hall.clerks.comp[1]!, c1!);
    expect(other.body).toMatchObject({ error: { code: 'COUNTER_NOT_SIGNED_IN' } });
    expect(await statusOf(t.id)).toBe('waiting');
    expect((await eventsOf(t.id)).map((e) => e.type)).toEqual(['issued']);
    // The pause reached the screens (counter.status from the organisation's status route).
    const cards = await streamed<{ counterId: string; status: string; statusLabel: string; awayReason: string | null }>(ctx, hall.centreId, 'counter.status');
    expect(cards.filter((c) => c.counterId === c1).slice(-2)).toMatchObject([
      { status: 'paused', statusLabel: '暂停服务' },
      { status: 'away', awayReason: '到档案室调取材料' },
    ]);
  });

  it('20 parallel "call next" at 4 comprehensive counters over 10 waiting tickets: each ticket claimed exactly once', async () => {
    const issued: Issued[] = [];
    for (let i = 0; i < 10; i++) issued.push(await issue(ctx, hall.manager, hall, { queueId: i % 2 ? hall.queues.a : hall.queues.c }));
    const calls = Array.from({ length: 20 }, (_, i) => ctx.as(hall.clerks.comp[i % 4]!, { method: 'POST', url: `/api/v1/counters/${hall.counters.comp[i % 4]}/call-next` }));
    const results = await Promise.all(calls);
    expect(results.map((r) => r.statusCode).sort()).toEqual([...Array(10).fill(200), ...Array(10).fill(204)]);
    const claimed = results.filter((r) => r.statusCode === 200).map((r) => r.json<Issued>().id);
    expect(new Set(claimed).size).toBe(10);
    expect(new Set(claimed)).toEqual(new Set(issued.map((t) => t.id)));
    // Exactly one `called` event per ticket, each with its counter and clerk.
    const calledEvents = (await ctx.deps.db.select().from(ticketEvents).where(and(eq(ticketEvents.centreId, hall.centreId), eq(ticketEvents.type, 'called'))));
    expect(calledEvents).toHaveLength(10);
    for (const e of calledEvents) {
      expect(hall.counters.comp).toContain(e.counterId);
      expect(e.clerkId).not.toBeNull();
    }
  });
});

describe('after the call: one transition table (ticket-states.ts)', () => {
  it('recall (limited, announced again), start, finish with outcome; finishing twice is refused and changes nothing', async () => {
    const [c1] = hall.counters.comp;
    const me = hall.clerks.comp[0]!;
    const t = await issue(ctx, hall.manager, hall, { queueId: hall.queues.a });
    await callNext(me, c1!);
    expect((await act(me, t.id, 'recall')).body).toMatchObject({ recallCount: 1, status: 'called' });
    expect((await act(me, t.id, 'recall')).body).toMatchObject({ recallCount: 2 });
    expect((await act(me, t.id, 'recall')).body).toMatchObject({ error: { code: 'RECALL_LIMIT_REACHED' } });
    const calls = (await streamed<{ text: string; recall: boolean }>(ctx, hall.centreId, 'ticket.called')).map((c) => c.text);
    expect(calls.slice(-3)).toEqual(['请A001号到1号窗口办理', '再次呼叫：请A001号到1号窗口办理', '最后一次呼叫：请A001号到1号窗口办理']);
    later(1);
    expect((await act(me, t.id, 'start')).body).toMatchObject({ status: 'serving' });
    later(8);
    const done = await act(me, t.id, 'finish', { outcome: 'accepted', note: '材料齐全，当场受理' });
    expect(done.body).toMatchObject({ status: 'finished', outcome: 'accepted', note: '材料齐全，当场受理' });
    const twice = await act(me, t.id, 'finish', { outcome: 'done' });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ error: { code: 'TICKET_ALREADY_FINISHED' } });
    const events = await eventsOf(t.id);
    expect(events.map((e) => e.type)).toEqual(['issued', 'called', 'recalled', 'recalled', 'started', 'finished']);
    expect(events.at(-1)).toMatchObject({ serviceSeconds: 480, counterId: c1, data: { outcome: 'accepted' } });
    const audits = await ctx.deps.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, t.id)).orderBy(asc(auditLog.id));
    expect(audits.map((a) => a.action)).toEqual(['issue', 'call', 'recall', 'recall', 'start', 'finish']);
    const finished = await streamed(ctx, hall.centreId, 'ticket.finished');
    expect(finished.at(-1)).toMatchObject({ ticketId: t.id, status: 'finished', outcome: 'accepted', counterId: c1 });
    // The detail lists every event with its counter and clerk.
    const detail = await get<{ events: { type: string; counterNumber: string | null; clerk: string | null }[] }>(ctx, hall.manager, `/api/v1/tickets/${t.id}`);
    expect(detail.body.events.at(-1)).toMatchObject({ type: 'finished', counterNumber: '1', clerk: '张敏' });
  });

  it('another counter cannot act on a ticket it does not hold; a manager not at a counter may only requeue or cancel', async () => {
    const t = await issue(ctx, hall.manager, hall, { queueId: hall.queues.a });
    await callNext(hall.clerks.comp[0]!, hall.counters.comp[0]!);
    expect((await act(hall.clerks.comp[1]!, t.id, 'start')).body).toMatchObject({ error: { code: 'TICKET_HELD_BY_OTHER_COUNTER' } });
    expect((await act(hall.manager, t.id, 'start')).body).toMatchObject({ error: { code: 'COUNTER_NOT_SIGNED_IN' } });
    expect((await act(hall.manager, t.id, 'cancel', { reason: '群众离开' })).body).toMatchObject({ status: 'cancelled' });
  });

  it('transfer to another queue keeping priority and place, with a note: a new waiting ticket there', async () => {
    const me = hall.clerks.comp[0]!;
    const t = await issue(ctx, hall.manager, hall, { queueId: hall.queues.a, priority: 'disability' });
    later(5);
    await issue(ctx, hall.manager, hall, { queueId: hall.queues.b });
    await callNext(me, hall.counters.comp[0]!);
    const moved = await act(me, t.id, 'transfer', { queueId: hall.queues.b, keepPriority: true, note: '需现场核验不动产权证' });
    expect(moved.body).toMatchObject({ status: 'transferred', newTicket: { number: 'B002', status: 'waiting', priorityClass: 'disability', source: 'transfer', transferredFromId: t.id, note: '需现场核验不动产权证' } });
    // The citizen's status page follows the ticket to its new queue.
    const page = (await ctx.app.inject({ method: 'GET', url: `/api/v1/public/tickets/${t.id}` })).json();
    expect(page).toMatchObject({ status: 'transferred', transferredTo: { number: 'B002', queueName: '不动产登记' }, estimateText: '已转至“不动产登记”，新号码 B002' });
    // Kept its place: queued 5 minutes before B001, and a disability class; the 不动产 counter calls it first.
    const next = await callNext(hall.clerks.estate, hall.counters.estate);
    expect(next.body.number).toBe('B002');
    const plain = await issue(ctx, hall.manager, hall, { queueId: hall.queues.a, priority: 'military' });
    await callNext(me, hall.counters.comp[0]!);
    const moved2 = await act(me, plain.id, 'transfer', { counterId: hall.counters.comp[2], keepPriority: false });
    expect(moved2.body).toMatchObject({ newTicket: { number: 'A003', priorityClass: 'normal' } });
    // Reserved to counter 3: counter 2 does not get it, counter 3 does.
    expect((await ctx.as(hall.clerks.comp[1]!, { method: 'POST', url: `/api/v1/counters/${hall.counters.comp[1]}/call-next` })).statusCode).toBe(204);
    expect((await callNext(hall.clerks.comp[2]!, hall.counters.comp[2]!)).body.number).toBe('A003');
    const bad = await act(me, (await issue(ctx, hall.manager, hall, { queueId: hall.queues.a })).id, 'transfer', { queueId: hall.queues.a, keepPriority: true });
    expect(bad.body).toMatchObject({ error: { code: 'TICKET_NOT_CALLED' } });
  });

  it('park and resume; park and requeue (back in line, any counter of the pool may call it)', async () => {
    const me = hall.clerks.comp[0]!;
    const t = await issue(ctx, hall.manager, hall, { queueId: hall.queues.a });
    await callNext(me, hall.counters.comp[0]!);
    await act(me, t.id, 'start');
    expect((await act(me, t.id, 'park', { note: '补充材料' })).body).toMatchObject({ status: 'parked', note: '补充材料' });
    const bench = await get<{ current: unknown; parked: { id: string }[] }>(ctx, me, `/api/v1/counters/${hall.counters.comp[0]}/workbench`);
    expect(bench.body.current).toBeNull();
    expect(bench.body.parked.map((p) => p.id)).toEqual([t.id]);
    expect((await act(me, t.id, 'resume')).body).toMatchObject({ status: 'serving' });
    await act(me, t.id, 'park', {});
    expect((await act(me, t.id, 'requeue')).body).toMatchObject({ status: 'waiting', counterId: null });
    expect((await callNext(hall.clerks.comp[3]!, hall.counters.comp[3]!)).body.id).toBe(t.id);
  });

  it('acting on another centre’s ticket is refused (403), and nothing changes', async () => {
    const t = await issue(ctx, hall.manager, hall, { queueId: hall.queues.a });
    const otherCentre = (await post<{ id: string }>(ctx, admin, '/api/v1/centres', centreInput({ name: '南昌县政务服务中心', divisionCode: '360121' }))).body.id;
    const otherManager = await ctx.userWith([role('centre_manager', otherCentre)]);
    const outsider = await clerk(ctx, otherManager, otherCentre, '孙丽');
    const res = await act(outsider, t.id, 'cancel', { reason: 'x' });
    expect(res.status).toBe(403);
    expect(await statusOf(t.id)).toBe('waiting');
    expect((await act(hall.manager, '00000000-0000-4000-8000-000000000000', 'cancel')).status).toBe(404);
  });
});

describe('signing in and out (§6.4.2)', () => {
  it('needs a staff record of the centre; moving to another counter closes the old one; sign-out refused while a ticket is in hand', async () => {
    const noStaff = await ctx.userWith([role('window_clerk', hall.centreId)]);
    expect((await post(ctx, noStaff, `/api/v1/counters/${hall.counters.comp[0]}/sign-in`)).body).toMatchObject({ error: { code: 'STAFF_RECORD_REQUIRED' } });
    const spare = hall.clerks.spare;
    const card = await post<{ status: string; clerk: { name: string } }>(ctx, spare, `/api/v1/counters/${hall.counters.tidal}/sign-in`);
    expect(card.body).toMatchObject({ status: 'serving', statusLabel: '服务中', clerk: { name: '陈静' } });
    // Takes over counter 1 from 张敏 (who forgot to sign out), leaving the tidal counter closed.
    const moved = await post<{ clerk: { name: string } }>(ctx, spare, `/api/v1/counters/${hall.counters.comp[0]}/sign-in`);
    expect(moved.body.clerk.name).toBe('陈静');
    expect((await get<{ status: string; clerk: unknown }>(ctx, hall.manager, `/api/v1/counters/${hall.counters.tidal}/screen`)).body).toMatchObject({ status: 'closed', clerk: null });
    expect((await callNext(hall.clerks.comp[0]!, hall.counters.comp[0]!)).body).toMatchObject({ error: { code: 'COUNTER_NOT_SIGNED_IN' } });
    await issue(ctx, hall.manager, hall, { queueId: hall.queues.a });
    await callNext(spare, hall.counters.comp[0]!);
    expect((await post(ctx, spare, `/api/v1/counters/${hall.counters.comp[0]}/sign-out`)).body).toMatchObject({ error: { code: 'COUNTER_HOLDS_TICKET' } });
  });

  it('retiring a counter signs its clerk out (audited); refused while it holds a called ticket, and nothing changes', async () => {
    const h = await makeHall(ctx, admin);
    const retire = (counterId: string) => ctx.as(h.manager, { method: 'DELETE', url: `/api/v1/counters/${counterId}` });
    await issue(ctx, h.manager, h, { queueId: h.queues.b });
    expect((await callNext(h.clerks.estate, h.counters.estate)).status).toBe(200);
    const refused = await retire(h.counters.estate);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'COUNTER_HOLDS_TICKET' } });
    expect((await get<{ status: string; clerk: { name: string } | null }>(ctx, h.manager, `/api/v1/counters/${h.counters.estate}/screen`)).body.clerk).not.toBeNull();

    const [c4] = h.counters.comp.slice(-1);
    expect((await retire(c4!)).statusCode).toBe(200);
    const screen = await get<{ status: string; clerk: unknown }>(ctx, h.manager, `/api/v1/counters/${c4}/screen`);
    expect(screen.body).toMatchObject({ status: 'closed', clerk: null });
    expect((await callNext(h.clerks.comp.at(-1)!, c4!)).status).toBeGreaterThanOrEqual(400);
    const audit = await ctx.deps.db.select().from(auditLog).where(and(eq(auditLog.entity, 'counter_sign_in'), eq(auditLog.action, 'sign-out'), eq(auditLog.centreId, h.centreId)));
    expect(audit.map((a) => (a.after as { reason?: string }).reason)).toContain('counter retired');
    // The clerk may sign in elsewhere at once.
    expect((await post(ctx, h.clerks.comp.at(-1)!, `/api/v1/counters/${h.counters.tidal}/sign-in`)).status).toBe(200);
  });
});
