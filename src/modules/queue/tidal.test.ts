/** Tidal counters (DB36/T 2016 §6.4.7) and the end-of-day expiry of open tickets. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, role, type Session, type TestContext } from '../../test/harness.ts';
import { JOBS } from '../../jobs.ts';
import { expireStaleTickets } from './expire.service.ts';
import { ticketEvents, tickets } from './schema.ts';
import { issue, makeHall, post, streamed, type Hall, type Issued } from './test-helpers.ts';
import { evaluateCentre } from './tidal.service.ts';

let ctx: TestContext;
let admin: Session;
let hall: Hall;
let now = new Date('2025-03-03T10:00:00+08:00');

beforeAll(async () => {
  ctx = await createTestContext({ now });
  admin = await ctx.userWith([role('system_admin')]);
  hall = await makeHall(ctx, admin);
});
afterAll(() => ctx.close());

const later = (minutes: number) => {
  now = new Date(now.getTime() + minutes * 60_000);
  ctx.setNow(now);
};
type Alert = { queueId: string; counterId: string | null; counterNumber: string | null; action: string; trigger: string | null; reason: string };

describe('tidal counters (§6.4.7)', () => {
  it('crossing a threshold raises one alert naming a free tidal counter, however often it is evaluated', async () => {
    await ctx.as(hall.manager, { method: 'PATCH', url: `/api/v1/queues/${hall.queues.b}`, payload: { tidal: { openAtWaiting: 3, openAtLongestWaitMinutes: null, tidalCounterIds: [] } } });
    // The 不动产 clerk steps away: the line grows.
    await ctx.as(hall.clerks.estate, { method: 'PUT', url: `/api/v1/counters/${hall.counters.estate}/status`, payload: { status: 'paused' } });
    for (let i = 0; i < 3; i++) await issue(ctx, hall.manager, hall, { queueId: hall.queues.b });
    // Two processes evaluating at the same moment: one evaluation, one alert.
    const [x, y] = await Promise.all([evaluateCentre(ctx.deps, hall.centreId), evaluateCentre(ctx.deps, hall.centreId)]);
    expect(Math.min(x, y)).toBe(0);
    later(1);
    await evaluateCentre(ctx.deps, hall.centreId);
    const alerts = await streamed<Alert>(ctx, hall.centreId, 'tidal.alert');
    expect(alerts).toEqual([
      {
        queueId: hall.queues.b,
        queueName: '不动产登记',
        counterId: hall.counters.tidal,
        counterNumber: '14',
        action: 'open',
        trigger: 'waiting',
        reason: '“不动产登记”等候 3 人，达到 3 人，建议开放 14 号潮汐窗口（DB36/T 2016 §6.4.7）',
      },
    ]);
    // The periodic job is registered.
    expect(JOBS.map((j) => j.name)).toContain('queue.tidal');
  });

  it('opening assigns the counter to the queue: signed in, it calls that queue only; closing returns it and signs the clerk out', async () => {
    const open = await post(ctx, hall.manager, `/api/v1/counters/${hall.counters.tidal}/tidal/open`, { queueId: hall.queues.b });
    expect(open.body).toEqual({ counterId: hall.counters.tidal, counterNumber: '14', queueId: hall.queues.b, queueName: '不动产登记' });
    // The live panel reads the open tidal counters back after a reload.
    const listed = await ctx.as(hall.manager, { method: 'GET', url: `/api/v1/centres/${hall.centreId}/tidal-openings` });
    expect(listed.json()).toEqual({ items: [open.body] });
    expect((await post(ctx, hall.manager, `/api/v1/counters/${hall.counters.tidal}/tidal/open`, { queueId: hall.queues.a })).body).toMatchObject({ error: { code: 'TIDAL_COUNTER_BUSY' } });
    expect((await post(ctx, hall.manager, `/api/v1/counters/${hall.counters.comp[0]}/tidal/open`, { queueId: hall.queues.b })).body).toMatchObject({ error: { code: 'COUNTER_NOT_TIDAL' } });
    expect((await post(ctx, hall.clerks.spare, `/api/v1/counters/${hall.counters.tidal}/tidal/open`, { queueId: hall.queues.b })).status).toBe(403);
    await issue(ctx, hall.manager, hall, { queueId: hall.queues.a });
    await post(ctx, hall.clerks.spare, `/api/v1/counters/${hall.counters.tidal}/sign-in`);
    const served: string[] = [];
    for (;;) {
      const res = await post<Issued>(ctx, hall.clerks.spare, `/api/v1/counters/${hall.counters.tidal}/call-next`);
      if (res.status === 204) break;
      served.push(res.body.number);
      await post(ctx, hall.clerks.spare, `/api/v1/tickets/${res.body.id}/no-show`);
    }
    expect(served).toEqual(['B001', 'B002', 'B003']);
    // Calm for 10 minutes: the alert clears, naming the tidal counter that may close.
    later(1);
    await evaluateCentre(ctx.deps, hall.centreId);
    later(11);
    await evaluateCentre(ctx.deps, hall.centreId);
    const alerts = await streamed<Alert>(ctx, hall.centreId, 'tidal.alert');
    expect(alerts.at(-1)).toMatchObject({ action: 'close', counterId: hall.counters.tidal, counterNumber: '14', reason: '“不动产登记”排队已回落，可关闭 14 号潮汐窗口' });
    const closed = await post(ctx, hall.manager, `/api/v1/counters/${hall.counters.tidal}/tidal/close`);
    expect(closed.body).toMatchObject({ queueId: null });
    expect((await ctx.as(hall.manager, { method: 'GET', url: `/api/v1/centres/${hall.centreId}/tidal-openings` })).json()).toEqual({ items: [] });
    const screen = await ctx.as(hall.manager, { method: 'GET', url: `/api/v1/counters/${hall.counters.tidal}/screen` });
    expect(screen.json()).toMatchObject({ status: 'closed', clerk: null });
    expect((await post(ctx, hall.manager, `/api/v1/counters/${hall.counters.tidal}/tidal/close`)).body).toMatchObject({ error: { code: 'TIDAL_COUNTER_NOT_OPEN' } });
  });
});

describe('end of the service day', () => {
  it('open tickets of past days expire (system event); today’s stay', async () => {
    const old = await issue(ctx, hall.manager, hall, { queueId: hall.queues.c });
    const called = await issue(ctx, hall.manager, hall, { queueId: hall.queues.c });
    await post(ctx, hall.clerks.comp[0]!, `/api/v1/counters/${hall.counters.comp[0]}/call-next`);
    ctx.setNow(new Date('2025-03-04T00:20:00+08:00'));
    const expired = await expireStaleTickets(ctx.deps);
    expect(expired).toBeGreaterThanOrEqual(2);
    for (const id of [old.id, called.id]) {
      const [row] = await ctx.deps.db.select().from(tickets).where(eq(tickets.id, id));
      expect(row).toMatchObject({ status: 'expired' });
      const events = await ctx.deps.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, id));
      expect(events.at(-1)).toMatchObject({ type: 'expired', actorKind: 'system', toStatus: 'expired' });
    }
    expect(await expireStaleTickets(ctx.deps)).toBe(0);
  });
});
