/**
 * Issuing (DB36/T 2016 §5.2.2 排队取号机, §6.2, §7.1.5, §8.1.3.5; issue 4 "Queues and
 * tickets", "Mobile ticket", "Faults and bad input").
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/schema.ts';
import { queryRows } from '../../platform/db/database.ts';
import { createTestContext, role, type Session, type TestContext } from '../../test/harness.ts';
import { ticketEvents, tickets } from './schema.ts';
import { issue, makeHall, post, streamed, type Hall, type Issued } from './test-helpers.ts';

let ctx: TestContext;
let admin: Session;
let hall: Hall;
let kiosk: string;
const MONDAY_10 = new Date('2025-03-03T10:00:00+08:00');

beforeAll(async () => {
  ctx = await createTestContext({ now: MONDAY_10 });
  admin = await ctx.userWith([role('system_admin')]);
  hall = await makeHall(ctx, admin);
  const token = await post<{ token: string }>(ctx, hall.manager, `/api/v1/centres/${hall.centreId}/device-tokens`, { name: '一楼取号机', role: 'kiosk' });
  kiosk = token.body.token;
});
afterAll(() => ctx.close());

const asKiosk = (url: string, payload: Record<string, unknown>) => ctx.app.inject({ method: 'POST', url, payload, headers: { authorization: `Bearer ${kiosk}` } });
const publicIssue = (payload: Record<string, unknown>, centre = hall.centreId) => ctx.app.inject({ method: 'POST', url: `/api/v1/public/centres/${centre}/tickets`, payload });
const numbersOf = async (queueId: string) =>
  (await ctx.deps.db.select({ number: tickets.number }).from(tickets).where(eq(tickets.queueId, queueId)).orderBy(asc(tickets.sequence))).map((r) => r.number);

describe('numbers per queue and service day (§7.1.5)', () => {
  it('run from 001 per queue, with the prefix; each issue stores its event and audit and tells the stream', async () => {
    const a1 = await issue(ctx, hall.manager, hall, { queueId: hall.queues.a });
    const a2 = await issue(ctx, hall.manager, hall, { queueId: hall.queues.a });
    const c1 = await issue(ctx, hall.manager, hall, { queueId: hall.queues.c });
    expect([a1.number, a2.number, c1.number]).toEqual(['A001', 'A002', 'C001']);
    expect(a1).toMatchObject({ status: 'waiting', source: 'counter', queueName: '综合受理', queuePrefix: 'A', statusPath: `/portal/tickets/${a1.id}` });
    const events = await ctx.deps.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, a1.id));
    expect(events).toMatchObject([{ type: 'issued', toStatus: 'waiting', actorKind: 'staff', data: { number: 'A001', source: 'counter' } }]);
    const audit = await ctx.deps.db.select().from(auditLog).where(and(eq(auditLog.entity, 'ticket'), eq(auditLog.entityId, a1.id)));
    expect(audit.map((x) => x.action)).toEqual(['issue']);
    const issued = await streamed<{ number: string; waiting: number }>(ctx, hall.centreId, 'ticket.issued');
    expect(issued.slice(-3)).toMatchObject([
      { number: 'A001', waiting: 1, queueName: '综合受理' },
      { number: 'A002', waiting: 2 },
      { number: 'C001', waiting: 1 },
    ]);
  });

  it('restart at 001 the next Shanghai day (00:00 +08:00, whatever the process time zone)', async () => {
    // The kiosk's device token does not expire overnight as a clerk's session would.
    ctx.setNow(new Date('2025-03-04T01:30:00Z')); // 09:30 in Shanghai, Tuesday
    const next = await asKiosk(`/api/v1/centres/${hall.centreId}/tickets`, { source: 'kiosk', queueId: hall.queues.a });
    ctx.setNow(MONDAY_10);
    expect(next.json()).toMatchObject({ number: 'A001', source: 'kiosk' });
  });

  it('people ahead and the estimated wait count the whole comprehensive pool (§7.1.6.2)', async () => {
    const t = await issue(ctx, hall.manager, hall, { queueId: hall.queues.c });
    // A001, A002, C001 wait ahead in the pool; 4 comprehensive counters serve, all idle: place 3 + 1 − 4 → 0.
    expect(t.peopleAhead).toBe(3);
    expect(t.estimatedWaitMinutes).toBe(0);
    expect(t.estimateText).toBe('即将叫号');
  });
});

describe('issuing rules (issuing.ts)', () => {
  it('an item finds its queue; an item no queue serves, an unknown queue or neither: clear errors naming the field', async () => {
    const unknown = await post(ctx, hall.manager, `/api/v1/centres/${hall.centreId}/tickets`, { source: 'counter', queueId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ error: { code: 'QUEUE_NOT_FOUND', fields: [{ path: '/queueId' }] } });
    const item = await post(ctx, hall.manager, `/api/v1/centres/${hall.centreId}/tickets`, { source: 'counter', itemId: '00000000-0000-4000-8000-000000000000' });
    expect(item.body).toMatchObject({ error: { code: 'ITEM_HAS_NO_QUEUE', fields: [{ path: '/itemId' }] } });
    const neither = await post(ctx, hall.manager, `/api/v1/centres/${hall.centreId}/tickets`, { source: 'counter' });
    expect(neither.body).toMatchObject({ error: { code: 'TICKET_QUEUE_REQUIRED', fields: [{ path: '/queueId' }] } });
  });

  it('outside service hours: CENTRE_CLOSED_NOW saying when to come back, and no number is used', async () => {
    const before = await numbersOf(hall.queues.a);
    ctx.setNow(new Date('2025-03-03T20:00:00+08:00'));
    const res = await post<{ error: { code: string; message: string } }>(ctx, hall.manager, `/api/v1/centres/${hall.centreId}/tickets`, { source: 'counter', queueId: hall.queues.a });
    ctx.setNow(MONDAY_10);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('CENTRE_CLOSED_NOW');
    // A walk-in's next chance is the regular morning (the 08:00 early window takes appointments only).
    expect(res.body.error.message).toBe('当前不在中心服务时间，下次可取号时间：明天 09:00');
    expect(await numbersOf(hall.queues.a)).toEqual(before);
  });

  it('§8.1.3.5: in the early off-peak window only appointments are taken', async () => {
    ctx.setNow(new Date('2025-03-03T08:30:00+08:00'));
    const walkIn = await post<{ error: { code: string } }>(ctx, hall.manager, `/api/v1/centres/${hall.centreId}/tickets`, { source: 'counter', queueId: hall.queues.a });
    const appointment = await post<Issued>(ctx, hall.manager, `/api/v1/centres/${hall.centreId}/tickets`, {
      source: 'appointment',
      queueId: hall.queues.a,
      appointmentSlotStart: '2025-03-03T08:30:00+08:00',
    });
    ctx.setNow(MONDAY_10);
    expect(walkIn.body.error.code).toBe('CENTRE_APPOINTMENT_ONLY');
    expect(appointment.status).toBe(201);
    expect(appointment.body.priorityClass).toBe('appointment');
  });

  it('a queue’s issuing windows bind the kiosk, not the clerk; the quota refuses, rolls the number back, and the next ticket takes it', async () => {
    const q = await post<{ id: string }>(ctx, hall.manager, `/api/v1/centres/${hall.centreId}/queues`, {
      name: '公积金',
      prefix: 'G',
      pool: 'comprehensive',
      dailyQuota: 2,
      issuingWindows: [{ start: '09:00', end: '11:30' }],
    });
    const url = `/api/v1/centres/${hall.centreId}/tickets`;
    ctx.setNow(new Date('2025-03-03T11:45:00+08:00'));
    const late = await asKiosk(url, { source: 'kiosk', queueId: q.body.id });
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ error: { code: 'QUEUE_ISSUING_CLOSED', message: '“公积金”的取号时间为 09:00–11:30，下次开始取号：明天 09:00' } });
    expect((await issue(ctx, hall.manager, hall, { queueId: q.body.id })).number).toBe('G001');
    ctx.setNow(MONDAY_10);
    expect((await asKiosk(url, { source: 'kiosk', queueId: q.body.id })).json().number).toBe('G002');
    const last = { source: 'kiosk', queueId: q.body.id, requestId: randomUUID() };
    expect((await asKiosk(url, last)).json().number).toBe('G003');
    // The last ticket of the quota, its answer lost and the request sent again: answered G003, not refused.
    const resent = await asKiosk(url, last);
    expect(resent.statusCode, resent.body).toBe(201);
    expect(resent.json()).toMatchObject({ id: last.requestId, number: 'G003' });
    const spent = await asKiosk(url, { source: 'kiosk', queueId: q.body.id });
    expect(spent.statusCode).toBe(422);
    expect(spent.json().error.code).toBe('QUEUE_QUOTA_SPENT');
    // The refused issue drew G004 inside its transaction and rolled it back: the clerk's next ticket is G004.
    expect((await issue(ctx, hall.manager, hall, { queueId: q.body.id })).number).toBe('G004');
    expect(await numbersOf(q.body.id)).toEqual(['G001', 'G002', 'G003', 'G004']);
  });

  it('a kiosk may not issue a "counter" ticket (it would escape windows and quota)', async () => {
    const res = await asKiosk(`/api/v1/centres/${hall.centreId}/tickets`, { source: 'counter', queueId: hall.queues.a });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: { code: 'TICKET_SOURCE_NOT_ALLOWED', fields: [{ path: '/source' }] } });
  });

  it('a request sent again with its requestId is answered its first ticket: one number (§7.1.5); the id reused elsewhere is refused', async () => {
    const requestId = randomUUID();
    const body = { source: 'kiosk', queueId: hall.queues.c, requestId };
    const first = await asKiosk(`/api/v1/centres/${hall.centreId}/tickets`, body);
    expect(first.statusCode, first.body).toBe(201);
    const again = await asKiosk(`/api/v1/centres/${hall.centreId}/tickets`, body);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ id: requestId, number: first.json().number, queueName: first.json().queueName, peopleAhead: first.json().peopleAhead });
    const reused = await asKiosk(`/api/v1/centres/${hall.centreId}/tickets`, { source: 'kiosk', queueId: hall.queues.a, requestId });
    expect(reused.statusCode).toBe(409);
    expect(reused.json()).toMatchObject({ error: { code: 'TICKET_REQUEST_REUSED', fields: [{ path: '/requestId' }] } });
    // Sent twice at once: still one ticket, both answered it, and the next number follows without a gap.
    const twin = randomUUID();
    const both = await Promise.all([0, 1].map(() => asKiosk(`/api/v1/centres/${hall.centreId}/tickets`, { source: 'kiosk', queueId: hall.queues.c, requestId: twin })));
    expect(both.map((r) => r.statusCode)).toEqual([201, 201]);
    expect(both[0]!.json().number).toBe(both[1]!.json().number);
    const rows = await ctx.deps.db.select({ id: tickets.id }).from(tickets).where(inArray(tickets.id, [requestId, twin]));
    expect(rows).toHaveLength(2);
    const next = await asKiosk(`/api/v1/centres/${hall.centreId}/tickets`, { source: 'kiosk', queueId: hall.queues.c });
    const seq = (n: string) => Number(n.slice(1));
    expect(seq(next.json().number)).toBe(seq(both[0]!.json().number) + 1);
  });

  it('the slip’s QR code opens the status page at the public address (GOVHALL_PUBLIC_URL, else the request’s host)', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: `/api/v1/centres/${hall.centreId}/tickets`, payload: { source: 'kiosk', queueId: hall.queues.a }, headers: { authorization: `Bearer ${kiosk}`, host: 'zwfw.example.gov.cn' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().statusUrl).toBe(`http://zwfw.example.gov.cn/portal/tickets/${res.json().id}`);
  });

  it('a kiosk may not declare the green channel: the centre’s staff grant it', async () => {
    const res = await asKiosk(`/api/v1/centres/${hall.centreId}/tickets`, { source: 'kiosk', queueId: hall.queues.a, priority: 'green_channel' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: { code: 'TICKET_PRIORITY_NOT_ALLOWED', fields: [{ path: '/priority' }] } });
    const elderly = await asKiosk(`/api/v1/centres/${hall.centreId}/tickets`, { source: 'kiosk', queueId: hall.queues.a, priority: 'elderly' });
    expect(elderly.statusCode, elderly.body).toBe(201);
  });
});

describe('personal data and priority', () => {
  const ID_1950 = '360102195003071234';
  // A valid check digit for the fixture: computed as GB 11643 prescribes.
  const withCheck = (first17: string) => {
    const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const sum = [...first17].reduce((s, d, i) => s + Number(d) * w[i]!, 0);
    return first17 + '10X98765432'[sum % 11]!;
  };
  const elderlyId = withCheck(ID_1950.slice(0, 17));
  const youngId = withCheck('36010219900101123');

  it('the ID number’s birth date makes an elderly ticket (60+, §5.2.2.1); phone and ID appear only masked, in answers, rows and audit', async () => {
    const t = await issue(ctx, hall.manager, hall, { queueId: hall.queues.a, phone: '138 1234 5678', idNumber: elderlyId });
    expect(t).toMatchObject({ priorityClass: 'elderly', elderly: true, phoneMasked: '138****5678', idNumberMasked: '3601**********' + elderlyId.slice(-4) });
    const [row] = await queryRows<Record<string, unknown>>(ctx.deps.db, sql`select row_to_json(t)::text as j from tickets t where id = ${t.id}`);
    const stored = String(row!.j);
    expect(stored).not.toContain('13812345678');
    expect(stored).not.toContain(elderlyId);
    expect(stored).not.toContain(elderlyId.slice(6, 14));
    const audit = await queryRows<{ j: string }>(ctx.deps.db, sql`select row_to_json(a)::text as j from audit_log a where entity_id = ${t.id}`);
    expect(audit.map((a) => a.j).join()).not.toContain('13812345678');
    const young = await issue(ctx, hall.manager, hall, { queueId: hall.queues.a, idNumber: youngId, priority: 'disability' });
    expect(young).toMatchObject({ priorityClass: 'disability', elderly: false });
  });

  it('bad phone and ID numbers: one error naming both fields, masked', async () => {
    const res = await post<{ error: { code: string; message: string; fields: { path: string }[] } }>(ctx, hall.manager, `/api/v1/centres/${hall.centreId}/tickets`, {
      source: 'counter',
      queueId: hall.queues.a,
      phone: '12345',
      idNumber: '360102195003071230',
    });
    expect(res.status).toBe(422);
    expect(res.body.error.fields.map((f) => f.path)).toEqual(['/phone', '/idNumber']);
    expect(res.body.error.message).not.toContain('360102195003071230');
  });

  it('mobile tickets: phone required, at most 3 per phone and per ID number per day (429), across queues', async () => {
    expect((await publicIssue({ queueId: hall.queues.a })).statusCode).toBe(400);
    const phone = '13900001111';
    for (const q of [hall.queues.a, hall.queues.c, hall.queues.a]) expect((await publicIssue({ queueId: q, phone })).statusCode).toBe(201);
    const fourth = await publicIssue({ queueId: hall.queues.c, phone });
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json()).toMatchObject({ error: { code: 'MOBILE_PHONE_LIMIT', message: '该手机号今日已取 3 个号，每日最多 3 个' } });
    for (const p of ['13900002221', '13900002222', '13900002223']) expect((await publicIssue({ queueId: hall.queues.a, phone: p, idNumber: youngId })).statusCode).toBe(201);
    const byId = await publicIssue({ queueId: hall.queues.a, phone: '13900002224', idNumber: youngId });
    expect(byId.statusCode).toBe(429);
    expect(byId.json().error.code).toBe('MOBILE_ID_LIMIT');
    // The next day the limits start again.
    ctx.setNow(new Date('2025-03-04T10:00:00+08:00'));
    expect((await publicIssue({ queueId: hall.queues.a, phone })).statusCode).toBe(201);
    ctx.setNow(MONDAY_10);
  });

  it('a mobile ticket cannot declare a priority class; an unknown centre is 404', async () => {
    expect((await publicIssue({ queueId: hall.queues.a, phone: '13900003333', priority: 'green_channel' })).statusCode).toBe(400);
    expect((await publicIssue({ queueId: hall.queues.a, phone: '13900003333' }, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('numbers under concurrency', () => {
  it('50 parallel issues of one queue: 50 distinct, consecutive numbers', async () => {
    const q = await post<{ id: string }>(ctx, hall.manager, `/api/v1/centres/${hall.centreId}/queues`, { name: '并发测试', prefix: 'Z', pool: 'special' });
    const results = await Promise.all(Array.from({ length: 50 }, () => ctx.as(hall.manager, { method: 'POST', url: `/api/v1/centres/${hall.centreId}/tickets`, payload: { source: 'counter', queueId: q.body.id } })));
    expect(results.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
    const numbers = results.map((r) => r.json<Issued>().number).sort();
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => `Z${String(i + 1).padStart(3, '0')}`));
    expect(await numbersOf(q.body.id)).toEqual(numbers);
  });
});
