/**
 * Faults and bad input (issue 4 "Faults and bad input"): an unknown queue, a centre
 * closed or appointment-only at that moment, a spent quota, calling from a paused
 * counter, acting on another centre's ticket, finishing twice — each answers a stable
 * error code (the same on every attempt and from every entry point: clerk, kiosk,
 * mobile), and changes nothing: not the tickets, not their events, not the per
 * queue-day numbers, not the audit log, not the live stream, not the counters.
 * The crash half of the clause (SIGKILL while issuing) is scripts/crash-test.ts.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/database.ts';
import { centreInput } from '../../test/factories.ts';
import { createTestContext, role, type Session, type TestContext } from '../../test/harness.ts';
import { clerk, issue, makeHall, post, type Hall, type Issued } from './test-helpers.ts';

let ctx: TestContext;
let admin: Session;
let hall: Hall;
let kiosk: string;
const MONDAY_10 = new Date('2025-03-03T10:00:00+08:00');
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  ctx = await createTestContext({ now: MONDAY_10 });
  admin = await ctx.userWith([role('system_admin')]);
  hall = await makeHall(ctx, admin);
  kiosk = (await post<{ token: string }>(ctx, hall.manager, `/api/v1/centres/${hall.centreId}/device-tokens`, { name: '一楼取号机', role: 'kiosk' })).body.token;
});
afterAll(() => ctx.close());

interface Answer {
  readonly status: number;
  readonly body: { error?: { code: string; message: string; fields?: { path: string }[] } } & Record<string, unknown>;
}

const ticketsUrl = (centreId = hall.centreId) => `/api/v1/centres/${centreId}/tickets`;
const asKiosk = async (payload: Record<string, unknown>, token = kiosk, centreId = hall.centreId): Promise<Answer> => {
  const res = await ctx.app.inject({ method: 'POST', url: ticketsUrl(centreId), payload, headers: { authorization: `Bearer ${token}` } });
  return { status: res.statusCode, body: res.body ? res.json() : {} };
};
const asMobile = async (payload: Record<string, unknown>, centreId = hall.centreId): Promise<Answer> => {
  const res = await ctx.app.inject({ method: 'POST', url: `/api/v1/public/centres/${centreId}/tickets`, payload });
  return { status: res.statusCode, body: res.body ? res.json() : {} };
};
const asStaff = (as: Session, payload: Record<string, unknown>, centreId = hall.centreId) => post<Answer['body']>(ctx, as, ticketsUrl(centreId), { source: 'counter', ...payload });
const callNext = (as: Session, counterId: string) => post<Answer['body']>(ctx, as, `/api/v1/counters/${counterId}/call-next`);
const act = (as: Session, id: string, action: string, body: Record<string, unknown> = {}) => post<Answer['body']>(ctx, as, `/api/v1/tickets/${id}/${action}`, body);
const setStatus = (as: Session, counterId: string, payload: Record<string, unknown>) => ctx.as(as, { method: 'PUT', url: `/api/v1/counters/${counterId}/status`, payload });
/** A manager of the centre signed in now (a session opened days earlier on the test clock would have expired). */
const managerNow = (centreId = hall.centreId) => ctx.userWith([role('centre_manager', centreId)]);

/**
 * Everything a refused request could have touched in a centre, as rows: its tickets (all
 * columns), their events, the per queue-day numbers drawn, the audit log, the live
 * stream, the counters' status and who is signed in where.
 */
async function stateOf(centreId: string) {
  const rows = async (query: ReturnType<typeof sql>) => (await queryRows<{ j: string }>(ctx.deps.db, query)).map((r) => r.j);
  return {
    tickets: await rows(sql`select row_to_json(t)::text as j from tickets t where t.centre_id = ${centreId} order by t.id`),
    events: await rows(sql`select row_to_json(e)::text as j from ticket_events e where e.centre_id = ${centreId} order by e.id`),
    sequences: await rows(
      sql`select row_to_json(s)::text as j from ticket_sequences s join queues q on q.id = s.queue_id where q.centre_id = ${centreId} order by s.queue_id, s.day`,
    ),
    audit: await rows(sql`select row_to_json(a)::text as j from audit_log a where a.centre_id = ${centreId} order by a.id`),
    stream: await rows(sql`select row_to_json(s)::text as j from stream_events s where s.centre_id = ${centreId} order by s.id`),
    counters: await rows(sql`select row_to_json(c)::text as j from counters c where c.centre_id = ${centreId} order by c.id`),
    signIns: await rows(
      sql`select row_to_json(s)::text as j from counter_sign_ins s join counters c on c.id = s.counter_id where c.centre_id = ${centreId} order by s.counter_id`,
    ),
  };
}

/**
 * Runs each attempt twice (a stable code: the same answer again), expects every answer
 * to be `status` with `code`, and the centres' state exactly as before.
 */
async function refusedWithoutChange(
  expected: { status: number; code: string },
  attempts: readonly (() => Promise<Answer>)[],
  centreIds: readonly string[] = [hall.centreId],
): Promise<Answer[]> {
  const before = await Promise.all(centreIds.map(stateOf));
  const answers: Answer[] = [];
  for (const attempt of attempts) {
    for (let round = 0; round < 2; round++) {
      const res = await attempt();
      expect(res.status, JSON.stringify(res.body)).toBe(expected.status);
      expect(res.body.error?.code, JSON.stringify(res.body)).toBe(expected.code);
      answers.push(res);
    }
  }
  expect(await Promise.all(centreIds.map(stateOf))).toEqual(before);
  return answers;
}

async function newCentre(name: string, divisionCode: string, overrides: Record<string, unknown> = {}) {
  return (await post<{ id: string }>(ctx, admin, '/api/v1/centres', centreInput({ name, divisionCode, ...overrides }))).body.id;
}

describe('an unknown queue: QUEUE_NOT_FOUND naming the field, nothing issued, no number drawn', () => {
  it('from the clerk, the kiosk and the mobile page alike; also a queue of another centre, and a retired queue', async () => {
    await issue(ctx, hall.manager, hall, { queueId: hall.queues.a }); // A001: the queue-day's sequence row exists
    const other = await newCentre('南昌县政务服务中心', '360121');
    const otherManager = await ctx.userWith([role('centre_manager', other)]);
    const foreign = (await post<{ id: string }>(ctx, otherManager, `/api/v1/centres/${other}/queues`, { name: '综合受理', prefix: 'A', pool: 'comprehensive' })).body.id;
    const retired = (await post<{ id: string }>(ctx, hall.manager, `/api/v1/centres/${hall.centreId}/queues`, { name: '临时队列', prefix: 'T', pool: 'comprehensive' })).body.id;
    expect((await ctx.as(hall.manager, { method: 'DELETE', url: `/api/v1/queues/${retired}` })).statusCode).toBe(200);

    const answers = await refusedWithoutChange(
      { status: 422, code: 'QUEUE_NOT_FOUND' },
      [UNKNOWN, foreign, retired].flatMap((queueId) => [
        () => asStaff(hall.manager, { queueId }),
        () => asKiosk({ source: 'kiosk', queueId }),
        () => asMobile({ queueId, phone: '13900005555' }),
      ]),
      [hall.centreId, other],
    );
    for (const a of answers) expect(a.body.error!.fields).toEqual([expect.objectContaining({ path: '/queueId' })]);
    // The queue-day's counter was not advanced by the refusals: the next ticket is A002.
    expect((await issue(ctx, hall.manager, hall, { queueId: hall.queues.a })).number).toBe('A002');
  });

  it('transferring a called ticket to an unknown queue or another centre’s queue: refused, the ticket stays called at its counter', async () => {
    const h = await makeHall(ctx, admin, { centre: { name: '红谷滩区政务服务中心', divisionCode: '360113' } });
    const me = h.clerks.comp[0]!;
    const t = await issue(ctx, h.manager, h, { queueId: h.queues.c });
    expect((await callNext(me, h.counters.comp[0]!)).body.id).toBe(t.id);
    const other = await newCentre('安义县政务服务中心', '360123');
    const otherManager = await ctx.userWith([role('centre_manager', other)]);
    const foreign = (await post<{ id: string }>(ctx, otherManager, `/api/v1/centres/${other}/queues`, { name: '综合受理', prefix: 'A', pool: 'comprehensive' })).body.id;
    await refusedWithoutChange(
      { status: 422, code: 'QUEUE_NOT_FOUND' },
      [UNKNOWN, foreign].map((queueId) => () => act(me, t.id, 'transfer', { queueId, keepPriority: true })),
      [h.centreId, other],
    );
    expect((await act(me, t.id, 'no-show')).body).toMatchObject({ status: 'no_show' });
  });
});

describe('a centre closed at that moment (§8.1.3.5; the working calendar): CENTRE_CLOSED_NOW', () => {
  it('after hours, on a statutory holiday and on the centre’s own closed day: no ticket, no number, whoever asks', async () => {
    const closedDay = await post(ctx, hall.manager, `/api/v1/centres/${hall.centreId}/closed-days`, { date: '2025-03-05', reason: '中心搬迁' });
    expect(closedDay.status).toBe(201);
    const moments = [
      new Date('2025-03-03T20:00:00+08:00'), // Monday evening, after the late window
      new Date('2025-10-01T10:00:00+08:00'), // 国庆节
      new Date('2025-03-05T10:00:00+08:00'), // a Wednesday the centre closed itself
    ];
    try {
      for (const moment of moments) {
        ctx.setNow(moment);
        const manager = await managerNow();
        const answers = await refusedWithoutChange({ status: 422, code: 'CENTRE_CLOSED_NOW' }, [
          () => asStaff(manager, { queueId: hall.queues.a }),
          () => asKiosk({ source: 'kiosk', queueId: hall.queues.a }),
          // Closed means closed: not even an appointment check-in.
          () => asKiosk({ source: 'appointment', queueId: hall.queues.a, appointmentSlotStart: moment.toISOString() }),
          () => asMobile({ queueId: hall.queues.a, phone: '13900006666' }),
        ]);
        // The refusal says when to come back.
        expect(answers[0]!.body.error!.message).toMatch(/^当前不在中心服务时间，下次可取号时间：/);
      }
    } finally {
      ctx.setNow(MONDAY_10);
    }
  });
});

describe('a centre serving appointments only at that moment (§8.1.3.5 a, c): CENTRE_APPOINTMENT_ONLY for walk-ins', () => {
  it('in the early off-peak window and on a Saturday: clerk, kiosk and mobile walk-ins refused without a trace; an appointment is then taken', async () => {
    try {
      for (const moment of [new Date('2025-03-03T08:30:00+08:00'), new Date('2025-03-08T10:00:00+08:00')]) {
        ctx.setNow(moment);
        const manager = await managerNow();
        await refusedWithoutChange({ status: 422, code: 'CENTRE_APPOINTMENT_ONLY' }, [
          () => asStaff(manager, { queueId: hall.queues.c }),
          () => asKiosk({ source: 'kiosk', queueId: hall.queues.c }),
          () => asMobile({ queueId: hall.queues.c, phone: '13900007777' }),
        ]);
        // The refusals drew no number: the appointment that follows takes the next one.
        const expected = `C${String((await queryRows<{ n: number }>(ctx.deps.db, sql`select count(*)::int as n from tickets where queue_id = ${hall.queues.c} and service_day = ${moment.toISOString().slice(0, 10)}`))[0]!.n + 1).padStart(3, '0')}`;
        const appointment = await asKiosk({ source: 'appointment', queueId: hall.queues.c, appointmentSlotStart: moment.toISOString() });
        expect(appointment.status, JSON.stringify(appointment.body)).toBe(201);
        expect(appointment.body.number).toBe(expected);
      }
    } finally {
      ctx.setNow(MONDAY_10);
    }
  });
});

describe('a spent daily quota (§7.1.5): QUEUE_QUOTA_SPENT, the drawn number rolled back', () => {
  it('the kiosk and the mobile page are refused, the queue-day counter stays at the quota; a clerk’s ticket takes the next number', async () => {
    const q = (await post<{ id: string }>(ctx, hall.manager, `/api/v1/centres/${hall.centreId}/queues`, { name: '公积金', prefix: 'G', pool: 'comprehensive', dailyQuota: 2 })).body.id;
    for (const n of ['G001', 'G002']) expect((await asKiosk({ source: 'kiosk', queueId: q })).body.number).toBe(n);
    const [spent] = await refusedWithoutChange({ status: 422, code: 'QUEUE_QUOTA_SPENT' }, [
      () => asKiosk({ source: 'kiosk', queueId: q }),
      () => asMobile({ queueId: q, phone: '13900008888' }),
    ]);
    expect(spent!.body.error!.message).toContain('2');
    const [seq] = await queryRows<{ last: number }>(ctx.deps.db, sql`select last from ticket_sequences where queue_id = ${q}`);
    expect(seq!.last).toBe(2);
    expect((await issue(ctx, hall.manager, hall, { queueId: q })).number).toBe('G003');
  });

  it('12 kiosk issues at once on a quota of 3: exactly 3 tickets (H001–H003), 9 refusals that leave no number behind', async () => {
    const q = (await post<{ id: string }>(ctx, hall.manager, `/api/v1/centres/${hall.centreId}/queues`, { name: '出入境', prefix: 'H', pool: 'comprehensive', dailyQuota: 3 })).body.id;
    const answers = await Promise.all(Array.from({ length: 12 }, () => asKiosk({ source: 'kiosk', queueId: q })));
    expect(answers.filter((a) => a.status === 201).map((a) => a.body.number).sort()).toEqual(['H001', 'H002', 'H003']);
    expect(answers.filter((a) => a.status !== 201).map((a) => `${a.status} ${a.body.error?.code}`)).toEqual(Array(9).fill('422 QUEUE_QUOTA_SPENT'));
    const rows = await queryRows<{ number: string }>(ctx.deps.db, sql`select number from tickets where queue_id = ${q} order by sequence`);
    expect(rows.map((r) => r.number)).toEqual(['H001', 'H002', 'H003']);
    const events = await queryRows<{ n: number }>(ctx.deps.db, sql`select count(*)::int as n from ticket_events where queue_id = ${q}`);
    expect(events[0]!.n).toBe(3);
    expect((await issue(ctx, hall.manager, hall, { queueId: q })).number).toBe('H004');
  });
});

describe('calling from a paused or away counter (§5.1.5.1): COUNTER_CANNOT_CALL', () => {
  it('refused twice in each status: nobody is called, the counter keeps its status, no event, audit or display message', async () => {
    const h = await makeHall(ctx, admin, { centre: { name: '青云谱区政务服务中心', divisionCode: '360104' } });
    const t = await issue(ctx, h.manager, h, { queueId: h.queues.a });
    const [c1] = h.counters.comp;
    const me = h.clerks.comp[0]!;
    for (const status of [{ status: 'paused' }, { status: 'away', awayReason: '到档案室调取材料', expectedReturnAt: '2025-03-03T10:30:00+08:00' }]) {
      expect((await setStatus(me, c1!, status)).statusCode).toBe(200);
      await refusedWithoutChange({ status: 422, code: 'COUNTER_CANNOT_CALL' }, [() => callNext(me, c1!)], [h.centreId]);
    }
    // Back in service the same call works: the refusals were the status, not the ticket.
    expect((await setStatus(me, c1!, { status: 'serving' })).statusCode).toBe(200);
    expect((await callNext(me, c1!)).body).toMatchObject({ id: t.id, status: 'called' });
  });
});

describe('acting on another centre’s ticket: FORBIDDEN (403), both centres unchanged', () => {
  it('every action of another centre’s clerk (signed in at a counter of their own) on a called ticket; and their kiosk, and their calls', async () => {
    const h = await makeHall(ctx, admin, { centre: { name: '青山湖区政务服务中心', divisionCode: '360111' } });
    const mine = await issue(ctx, h.manager, h, { queueId: h.queues.a });
    expect((await callNext(h.clerks.comp[0]!, h.counters.comp[0]!)).body.id).toBe(mine.id);
    const waiting = await issue(ctx, h.manager, h, { queueId: h.queues.c });

    const other = await makeHall(ctx, admin, { centre: { name: '进贤县政务服务中心', divisionCode: '360124' } });
    const outsider = other.clerks.comp[0]!;
    const otherKiosk = (await post<{ token: string }>(ctx, other.manager, `/api/v1/centres/${other.centreId}/device-tokens`, { name: '取号机', role: 'kiosk' })).body.token;
    const bodies: Record<string, Record<string, unknown>> = {
      recall: {},
      'no-show': {},
      start: {},
      finish: { outcome: 'done' },
      transfer: { queueId: other.queues.a, keepPriority: true },
      park: {},
      requeue: {},
      resume: {},
      cancel: { reason: '误操作' },
    };
    await refusedWithoutChange(
      { status: 403, code: 'FORBIDDEN' },
      [
        ...Object.entries(bodies).flatMap(([action, body]) => [() => act(outsider, mine.id, action, body), () => act(outsider, waiting.id, action, body)]),
        // Their manager, and their clerk calling at this centre's counter.
        () => act(other.manager, waiting.id, 'cancel', { reason: '误操作' }),
        () => callNext(outsider, h.counters.comp[1]!),
        // Their kiosk issuing into this centre.
        () => asKiosk({ source: 'kiosk', queueId: h.queues.a }, otherKiosk, h.centreId),
      ],
      [h.centreId, other.centreId],
    );
    // Their own counter's "call next" draws from their own pool only: nobody waits there.
    const before = await stateOf(h.centreId);
    expect((await ctx.as(outsider, { method: 'POST', url: `/api/v1/counters/${other.counters.comp[0]}/call-next` })).statusCode).toBe(204);
    expect(await stateOf(h.centreId)).toEqual(before);
    // An unknown ticket is 404 with its own code, not a 403.
    expect((await act(outsider, UNKNOWN, 'finish', { outcome: 'done' })).body.error?.code).toBe('TICKET_NOT_FOUND');
  });
});

describe('finishing twice (one transition table): TICKET_ALREADY_FINISHED (409)', () => {
  it('the second finish, with the same or another outcome, changes nothing: outcome, note, times, events and audit stay the first’s', async () => {
    const h = await makeHall(ctx, admin, { centre: { name: '东湖区政务服务中心', divisionCode: '360102' } });
    const me = h.clerks.comp[0]!;
    const t = await issue(ctx, h.manager, h, { queueId: h.queues.a });
    await callNext(me, h.counters.comp[0]!);
    await act(me, t.id, 'start');
    expect((await act(me, t.id, 'finish', { outcome: 'accepted', note: '材料齐全' })).body).toMatchObject({ status: 'finished', outcome: 'accepted', note: '材料齐全' });
    await refusedWithoutChange(
      { status: 409, code: 'TICKET_ALREADY_FINISHED' },
      [
        () => act(me, t.id, 'finish', { outcome: 'accepted', note: '材料齐全' }),
        () => act(me, t.id, 'finish', { outcome: 'refused', note: '改为不予受理' }),
        // Another counter of the centre, too.
        () => act(h.clerks.comp[1]!, t.id, 'finish', { outcome: 'done' }),
      ],
      [h.centreId],
    );
  });

  it('two finishes at once: one 200, one 409; one finished event, one audit entry, one display message', async () => {
    const h = await makeHall(ctx, admin, { centre: { name: '西湖区政务服务中心', divisionCode: '360103' } });
    const me = h.clerks.comp[0]!;
    const t = await issue(ctx, h.manager, h, { queueId: h.queues.a });
    await callNext(me, h.counters.comp[0]!);
    await act(me, t.id, 'start');
    const answers = await Promise.all([act(me, t.id, 'finish', { outcome: 'accepted' }), act(me, t.id, 'finish', { outcome: 'refused' })]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const loser = answers.find((a) => a.status === 409)!;
    expect(loser.body.error?.code).toBe('TICKET_ALREADY_FINISHED');
    const winner = answers.find((a) => a.status === 200)!.body as unknown as Issued & { outcome: string };
    const count = async (query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(ctx.deps.db, query))[0]!.n;
    expect(await count(sql`select count(*)::int as n from ticket_events where ticket_id = ${t.id} and type = 'finished'`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from audit_log where entity_id = ${t.id} and action = 'finish'`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from stream_events where centre_id = ${h.centreId} and type = 'ticket.finished'`)).toBe(1);
    const [row] = await queryRows<{ outcome: string }>(ctx.deps.db, sql`select outcome from tickets where id = ${t.id}`);
    expect(row!.outcome).toBe(winner.outcome);
  });
});

describe('stable codes: unknown ids and ids that are not ids', () => {
  it('a clerk of the centre acting on an unknown ticket, or calling at an unknown counter, gets the not-found code, and nothing changes', async () => {
    const me = await clerk(ctx, hall.manager, hall.centreId, '周婷');
    await refusedWithoutChange({ status: 404, code: 'TICKET_NOT_FOUND' }, [() => act(me, UNKNOWN, 'start'), () => act(me, 'not-a-uuid', 'start')]);
    await refusedWithoutChange({ status: 404, code: 'COUNTER_NOT_FOUND' }, [() => callNext(me, UNKNOWN)]);
  });
});
