import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/schema.ts';
import { centreInput } from '../../test/factories.ts';
import { createTestContext, role, type Session, type TestContext } from '../../test/harness.ts';
import { getCalendar } from './calendar.service.ts';

let ctx: TestContext;
let admin: Session;
let managerA: Session;
let managerB: Session;
let clerkA: Session;
let centreA: string;
let centreB: string;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.userWith([role('system_admin')]);
  centreA = (await ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput() })).json<{ id: string }>().id;
  centreB = (await ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput({ name: '南昌县政务服务中心', divisionCode: '360121' }) })).json<{ id: string }>().id;
  managerA = await ctx.userWith([role('centre_manager', centreA)]);
  managerB = await ctx.userWith([role('centre_manager', centreB)]);
  clerkA = await ctx.userWith([role('window_clerk', centreA)]);
});
afterAll(() => ctx.close());

const get = (session: Session | null, url: string) => ctx.as(session, { method: 'GET', url });
const addClosed = (session: Session, centreId: string, payload: Record<string, unknown>) =>
  ctx.as(session, { method: 'POST', url: `/api/v1/centres/${centreId}/closed-days`, payload });

describe("a centre's closed days", () => {
  let closedId: string;

  it('are added by the centre’s manager, audited, and change that centre’s answers only', async () => {
    const res = await addClosed(managerA, centreA, { date: '2025-03-04', reason: ' 中心搬迁 ' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ centreId: centreA, date: '2025-03-04', reason: '中心搬迁' });
    closedId = res.json().id;

    expect((await get(clerkA, `/api/v1/calendar/days/2025-03-04?centreId=${centreA}`)).json()).toEqual({
      date: '2025-03-04',
      workingDay: false,
      kind: 'closed',
      name: '中心搬迁',
    });
    expect((await get(managerB, `/api/v1/calendar/days/2025-03-04?centreId=${centreB}`)).json().kind).toBe('workday');
    expect((await get(clerkA, '/api/v1/calendar/days/2025-03-04')).json().kind).toBe('workday');

    // 2025-03-03 Mon + 1 working day: Wednesday for centre A, Tuesday elsewhere.
    expect((await get(clerkA, `/api/v1/calendar/add-working-days?from=2025-03-03&days=1&centreId=${centreA}`)).json()).toEqual({ date: '2025-03-05' });
    expect((await get(managerB, `/api/v1/calendar/add-working-days?from=2025-03-03&days=1&centreId=${centreB}`)).json()).toEqual({ date: '2025-03-04' });
    expect((await get(clerkA, '/api/v1/calendar/add-working-days?from=2025-03-03&days=1')).json()).toEqual({ date: '2025-03-04' });
    expect((await get(clerkA, `/api/v1/calendar/working-days-between?from=2025-03-03&to=2025-03-10&centreId=${centreA}`)).json()).toEqual({ count: 4 });

    // The function other modules use gives the same answers.
    expect((await getCalendar(ctx.deps, centreA)).addWorkingDays('2025-03-03', 1)).toBe('2025-03-05');
    expect((await getCalendar(ctx.deps, null)).addWorkingDays('2025-03-03', 1)).toBe('2025-03-04');

    const audit = await ctx.deps.db.select().from(auditLog).where(and(eq(auditLog.entity, 'centre_closed_day'), eq(auditLog.entityId, closedId)));
    expect(audit.map((a) => [a.action, a.centreId])).toEqual([['create', centreA]]);
  });

  it('are listed for the centre, optionally within dates', async () => {
    expect((await addClosed(managerA, centreA, { date: '2025-06-16', reason: '设备检修' })).statusCode).toBe(201);
    const all = await get(clerkA, `/api/v1/centres/${centreA}/closed-days`);
    expect(all.statusCode).toBe(200);
    expect(all.json().items.map((i: { date: string }) => i.date)).toEqual(['2025-03-04', '2025-06-16']);
    const june = await get(clerkA, `/api/v1/centres/${centreA}/closed-days?from=2025-06-01&to=2025-06-30`);
    expect(june.json().items.map((i: { date: string }) => i.date)).toEqual(['2025-06-16']);
    expect((await get(managerB, `/api/v1/centres/${centreB}/closed-days`)).json().items).toEqual([]);
    expect((await get(managerB, `/api/v1/centres/${centreA}/closed-days`)).statusCode).toBe(403);
  });

  it('refuse the same date twice with 409 CLOSED_DAY_EXISTS', async () => {
    const res = await addClosed(managerA, centreA, { date: '2025-03-04', reason: '再次' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'CLOSED_DAY_EXISTS', fields: [{ path: '/date' }] });
    // Concurrent requests for one date: one wins, the other is told it exists.
    const both = await Promise.all([0, 1].map(() => addClosed(managerA, centreA, { date: '2025-07-01', reason: '并发' })));
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    // Another centre may close the same day.
    expect((await addClosed(managerB, centreB, { date: '2025-03-04', reason: '停电' })).statusCode).toBe(201);
  });

  it('refuse bad input', async () => {
    const badDate = await addClosed(managerA, centreA, { date: '2025-02-29', reason: '搬迁' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error).toMatchObject({ code: 'DATE_INVALID', fields: [{ path: '/date' }] });
    const blank = await addClosed(managerA, centreA, { date: '2025-05-06', reason: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.fields).toEqual([expect.objectContaining({ path: '/reason' })]);
    const extra = await addClosed(managerA, centreA, { date: '2025-05-06', reason: '搬迁', centreId: centreB });
    expect(extra.statusCode).toBe(400);
    const unknown = await addClosed(admin, '00000000-0000-4000-8000-000000000000', { date: '2025-05-06', reason: '搬迁' });
    expect(unknown.statusCode).toBe(404);
  });

  it("cannot be set by another centre's manager or by a clerk", async () => {
    expect((await addClosed(managerB, centreA, { date: '2025-05-07', reason: '搬迁' })).statusCode).toBe(403);
    expect((await addClosed(clerkA, centreA, { date: '2025-05-07', reason: '搬迁' })).statusCode).toBe(403);
    expect((await ctx.as(managerB, { method: 'DELETE', url: `/api/v1/closed-days/${closedId}` })).statusCode).toBe(403);
    expect((await get(clerkA, `/api/v1/centres/${centreA}/closed-days`)).json().items).toHaveLength(3);
  });

  it('are removed by the manager, audited, and the day works again', async () => {
    const res = await ctx.as(managerA, { method: 'DELETE', url: `/api/v1/closed-days/${closedId}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: closedId, date: '2025-03-04' });
    expect((await get(clerkA, `/api/v1/calendar/days/2025-03-04?centreId=${centreA}`)).json().kind).toBe('workday');
    expect((await get(clerkA, `/api/v1/calendar/add-working-days?from=2025-03-03&days=1&centreId=${centreA}`)).json()).toEqual({ date: '2025-03-04' });
    const again = await ctx.as(managerA, { method: 'DELETE', url: `/api/v1/closed-days/${closedId}` });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('CLOSED_DAY_NOT_FOUND');
    const audit = await ctx.deps.db.select().from(auditLog).where(and(eq(auditLog.entity, 'centre_closed_day'), eq(auditLog.entityId, closedId)));
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);
    expect(audit[1]!.before).toMatchObject({ date: '2025-03-04', reason: '中心搬迁' });
  });

  it('cannot be added to a retired centre', async () => {
    const retired = (await ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput() })).json<{ id: string }>().id;
    expect((await ctx.as(admin, { method: 'DELETE', url: `/api/v1/centres/${retired}` })).statusCode).toBe(200);
    const res = await addClosed(admin, retired, { date: '2025-05-06', reason: '搬迁' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('CENTRE_RETIRED');
  });
});
