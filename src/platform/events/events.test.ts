/**
 * The live event stream of a centre (issue 4 "Real time"; the hall display of
 * DB36/T 2016 §5.2.2 and the counter screens of §6.4.2 follow it). Refusals go through
 * app.inject(); the stream itself through a real listening server, read over HTTP.
 */
import { and, eq, gt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { JOBS } from '../../jobs.ts';
import { centreInput } from '../../test/factories.ts';
import { createTestContext, role, type Session, type TestContext } from '../../test/harness.ts';
import { openSse, type SseStream } from '../../test/sse.ts';
import { auditLog } from '../audit/schema.ts';
import { openDatabase } from '../db/database.ts';
import { appendEvent, deleteOldEvents, lastEventId, streamRetentionJob } from './events.ts';
import { streamHubOf } from './routes.ts';
import { streamEvents } from './schema.ts';
import { streamTiming } from './stream.ts';

let ctx: TestContext;
let base: string;
let admin: Session;
let managerA: Session;
let centreA: string;
let centreB: string;
let displayA: string;
let kioskA: string;
let ratingA: string;
let displayB: string;
const open: SseStream[] = [];

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const eventsUrl = (centreId: string, query = '') => `/api/v1/centres/${centreId}/events${query}`;

async function stream(centreId: string, headers: Record<string, string>, query = ''): Promise<SseStream> {
  const s = await openSse(base, eventsUrl(centreId, query), headers);
  open.push(s);
  if (s.status === 200) await s.waitFor((x) => x.comments.includes('ready'), 5_000, 'the stream to be ready');
  return s;
}

async function deviceToken(centreId: string, deviceRole: string, name = `${deviceRole} 设备`): Promise<{ id: string; token: string }> {
  const res = await ctx.as(admin, { method: 'POST', url: `/api/v1/centres/${centreId}/device-tokens`, payload: { name, role: deviceRole } });
  expect(res.statusCode).toBe(201);
  return res.json();
}

/** DB36/T 2016 §5.2.2: what a hall display shows and speaks for a call. */
function called(number: string, counter = '5') {
  return { ticketId: crypto.randomUUID(), number, counterNumber: counter, counterName: '综合受理', text: `请${number}号到${counter}号窗口办理` };
}

const append = (centreId: string, type: string, data: unknown) => ctx.deps.db.transaction((tx) => appendEvent(ctx.deps, tx, centreId, type, data));
const payloads = (s: SseStream) => s.events.map((e) => JSON.parse(e.data) as Record<string, unknown>);
const ids = (s: SseStream) => s.events.map((e) => Number(e.id));

beforeAll(async () => {
  // Heartbeats (and the credential checks riding on them) every 150 ms instead of 15 s.
  streamTiming.heartbeatMs = 150;
  streamTiming.recheckEveryBeats = 1;
  ctx = await createTestContext();
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  const address = ctx.app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  admin = await ctx.userWith([role('system_admin')]);
  centreA = (await ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput() })).json().id;
  centreB = (await ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput() })).json().id;
  managerA = await ctx.userWith([role('centre_manager', centreA)]);
  displayA = (await deviceToken(centreA, 'display')).token;
  kioskA = (await deviceToken(centreA, 'kiosk')).token;
  ratingA = (await deviceToken(centreA, 'rating_device')).token;
  displayB = (await deviceToken(centreB, 'display')).token;
});
afterAll(async () => {
  for (const s of open) s.close();
  await ctx.close();
  streamTiming.heartbeatMs = 15_000;
  streamTiming.recheckEveryBeats = 4;
});

describe('who may follow a centre’s events', () => {
  it('refuses anonymous callers (401), other centres and rating devices (403), and names an unknown centre (404)', async () => {
    const get = (centreId: string, headers: Record<string, string> = {}, s: Session | null = null) => ctx.as(s, { method: 'GET', url: eventsUrl(centreId), headers });
    const anonymous = await get(centreA);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('AUTH_REQUIRED');
    expect((await get(centreA, bearer('ghd_not-a-token'))).json().error.code).toBe('AUTH_DEVICE_TOKEN_INVALID');
    const otherCentreDevice = await get(centreA, bearer(displayB));
    expect(otherCentreDevice.statusCode).toBe(403);
    expect(otherCentreDevice.json().error.code).toBe('FORBIDDEN');
    expect((await get(centreB, {}, managerA)).statusCode).toBe(403);
    // A rating device (评价器) rates a service; it follows no calls.
    expect((await get(centreA, bearer(ratingA))).statusCode).toBe(403);
    const unknown = await get('5b1f3c8e-0000-4000-8000-000000000000', {}, admin);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('CENTRE_NOT_FOUND');
    const badId = await get(centreA, { ...bearer(displayA), 'last-event-id': 'yesterday' });
    expect(badId.statusCode).toBe(400);
  });

  it('lets the centre’s displays, kiosks and staff in', async () => {
    const clerk = await ctx.userWith([role('window_clerk', centreA)]);
    for (const headers of [bearer(displayA), bearer(kioskA), { cookie: managerA.cookie }, { cookie: clerk.cookie }]) {
      const s = await stream(centreA, headers);
      expect(s.status).toBe(200);
      s.close();
    }
  });
});

describe('the stream', () => {
  it('speaks SSE: headers, retry, then each event as id, event and one JSON data line, only of its own centre', async () => {
    const a = await stream(centreA, { ...bearer(displayA), 'x-request-id': 'display-1.sse' });
    const b = await stream(centreB, bearer(displayB));
    expect(a.status).toBe(200);
    expect(a.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(a.headers['cache-control']).toContain('no-cache');
    expect(a.headers['x-request-id']).toBe('display-1.sse');
    expect(a.retry).toBe(3000);

    await append(centreA, 'ticket.called', called('A012'));
    await append(centreB, 'ticket.called', called('B001', '2'));
    await append(centreA, 'ticket.called', { ...called('A013', '6'), text: '请A013号到6号窗口办理\n（重呼）' });
    await a.nextEvents(2);
    await b.nextEvents(1);
    expect(a.events.map((e) => e.event)).toEqual(['ticket.called', 'ticket.called']);
    expect(payloads(a).map((p) => p.text)).toEqual(['请A012号到5号窗口办理', '请A013号到6号窗口办理\n（重呼）']);
    expect(ids(a)[1]).toBeGreaterThan(ids(a)[0]!);
    expect(payloads(b).map((p) => p.number)).toEqual(['B001']);
    // Nothing of A reached B, nor of B reached A, later either.
    await new Promise((r) => setTimeout(r, 200));
    expect(a.events).toHaveLength(2);
    expect(b.events).toHaveLength(1);
  });

  it('never sends an event whose transaction rolled back', async () => {
    const s = await stream(centreA, bearer(displayA));
    await expect(
      ctx.deps.db.transaction(async (tx) => {
        await appendEvent(ctx.deps, tx, centreA, 'ticket.called', called('A099'));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await append(centreA, 'ticket.finished', { number: 'A012', outcome: 'done' });
    await s.nextEvents(1);
    await new Promise((r) => setTimeout(r, 100));
    expect(s.events.map((e) => e.event)).toEqual(['ticket.finished']);
  });

  it('replays what a client missed after Last-Event-ID (header or query), then goes on live', async () => {
    const first = await stream(centreA, bearer(displayA));
    for (const n of ['A020', 'A021', 'A022']) await append(centreA, 'ticket.called', called(n));
    await first.nextEvents(3);
    first.close();
    const seen = first.events[0]!.id!;
    // Missed while away.
    await append(centreA, 'ticket.called', called('A023'));

    const header = await stream(centreA, { ...bearer(displayA), 'last-event-id': seen });
    const query = await stream(centreA, bearer(displayA), `?lastEventId=${seen}`);
    for (const s of [header, query]) {
      await s.nextEvents(3);
      expect(payloads(s).map((p) => p.number)).toEqual(['A021', 'A022', 'A023']);
    }
    await append(centreA, 'ticket.called', called('A024'));
    for (const s of [header, query]) {
      await s.nextEvents(4);
      expect(payloads(s).map((p) => p.number)).toEqual(['A021', 'A022', 'A023', 'A024']);
      expect(ids(s)).toEqual([...ids(s)].sort((x, y) => x - y));
    }
  });

  it('replays a long absence in pages, at the pace the client takes it', async () => {
    const first = await stream(centreA, bearer(displayA));
    await append(centreA, 'queue.stats', { mark: 'before' });
    await first.nextEvents(1);
    first.close();
    // 1,200 events of about 1 KB: more than two pages, more than the replay's pause threshold.
    const notice = '请各位办事群众按号就座，留意叫号屏幕和语音提示。'.repeat(24);
    await ctx.deps.db.transaction(async (tx) => {
      for (let i = 0; i < 1_200; i++) await appendEvent(ctx.deps, tx, centreA, 'queue.stats', { i, notice });
    });
    const back = await stream(centreA, { ...bearer(displayA), 'last-event-id': first.events[0]!.id! }, '');
    expect(back.events).toHaveLength(1_200);
    expect(payloads(back).map((p) => p.i)).toEqual(Array.from({ length: 1_200 }, (_, i) => i));
    await append(centreA, 'queue.stats', { mark: 'after' });
    await back.nextEvents(1_201);
    expect(payloads(back)[1_200]).toEqual({ mark: 'after' });
  });

  it('starts with the next event without an id, or `since` seconds back; an id from nowhere starts with the next event', async () => {
    const start = ctx.deps.clock();
    try {
      ctx.setNow(new Date(start.getTime() + 3_600_000));
      await append(centreA, 'counter.status', { counterNumber: '7', status: 'paused' });
      ctx.setNow(new Date(start.getTime() + 3_600_000 + 90_000));
      await append(centreA, 'counter.status', { counterNumber: '7', status: 'serving' });
      ctx.setNow(new Date(start.getTime() + 3_600_000 + 120_000));
      const fromNow = await stream(centreA, bearer(displayA));
      const lastMinute = await stream(centreA, bearer(displayA), '?since=60');
      // Far beyond the newest id (a restored database, a foreign id): nothing may be held back.
      const beyond = await stream(centreA, { ...bearer(displayA), 'last-event-id': '999999999999' });
      await lastMinute.nextEvents(1);
      expect(payloads(lastMinute)).toEqual([{ counterNumber: '7', status: 'serving' }]);
      await append(centreA, 'queue.stats', { queues: [] });
      for (const s of [fromNow, lastMinute, beyond]) await s.waitFor((x) => x.events.some((e) => e.event === 'queue.stats'));
      expect(fromNow.events.map((e) => e.event)).toEqual(['queue.stats']);
      expect(beyond.events.map((e) => e.event)).toEqual(['queue.stats']);
      expect(lastMinute.events.map((e) => e.event)).toEqual(['counter.status', 'queue.stats']);
    } finally {
      ctx.setNow(start);
    }
  });

  it('hands a read of several events to each client whole, and a client that joined in the middle of it only what it has not seen', async () => {
    const early = await stream(centreA, bearer(displayA));
    // Committed, their announcement still on its way: the centre's reader has not read them yet.
    for (const n of ['A060', 'A061']) await ctx.deps.db.insert(streamEvents).values({ centreId: centreA, type: 'ticket.called', data: called(n), at: ctx.deps.clock() });
    // A client starting now starts after them.
    const late = await stream(centreA, bearer(kioskA));
    // One announcement: the reader reads all three at once.
    await append(centreA, 'ticket.called', called('A062'));
    await early.nextEvents(3);
    await late.nextEvents(1);
    await new Promise((r) => setTimeout(r, 100));
    expect(payloads(early).map((p) => p.number)).toEqual(['A060', 'A061', 'A062']);
    expect(ids(early)).toEqual([...ids(early)].sort((x, y) => x - y));
    expect(payloads(late).map((p) => p.number)).toEqual(['A062']);
    expect(late.events[0]!.id).toBe(early.events[2]!.id);
  });

  it('sends a comment line at every heartbeat', async () => {
    const s = await stream(centreA, bearer(displayA));
    await s.waitFor((x) => x.comments.filter((c) => c === 'keep-alive').length >= 2, 3_000, 'two heartbeats');
  });

  it('lets go of a client that closes, and of the centre’s reader with the last one', async () => {
    const hub = streamHubOf(ctx.app)!;
    for (const s of open) s.close();
    await until(() => hub.clientCount === 0);
    const s1 = await stream(centreA, bearer(displayA));
    const s2 = await stream(centreA, bearer(kioskA));
    expect(hub.clientCount).toBe(2);
    s1.close();
    await until(() => hub.clientCount === 1);
    await append(centreA, 'ticket.issued', { number: 'A030' });
    await s2.nextEvents(1);
    s2.close();
    await until(() => hub.clientCount === 0);
  });

  it('ends its open streams when the server closes, instead of holding the close', async () => {
    const second = await buildApp(ctx.deps, { logger: false, web: false });
    await second.listen({ port: 0, host: '127.0.0.1' });
    const address = second.server.address();
    const s = await openSse(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, eventsUrl(centreA), bearer(displayA));
    await s.waitFor((x) => x.comments.includes('ready'));
    const closing = Date.now();
    await second.close();
    expect(Date.now() - closing).toBeLessThan(2_000);
    await s.waitFor((x) => x.ended);
  });

  it('delivers many concurrent appends as a strictly increasing sequence of exactly what committed, also to a client joining midway', async () => {
    const pg = ctx.database.engine === 'postgres';
    // On PostgreSQL the appends run on a pool of their own (as another process would), so
    // that the stream's reader is never starved of connections and reads while they commit.
    const writer = pg ? await openDatabase({ databaseUrl: ctx.database.pool!.options.connectionString!, poolSize: 12 }) : ctx.database;
    const writerDeps = { ...ctx.deps, database: writer, db: writer.db };
    const s = await stream(centreA, bearer(displayA));
    const other = await stream(centreB, bearer(displayB));
    const before = await lastEventId(ctx.deps.db, centreA);
    const N = 200;
    let late: SseStream | undefined;
    let lateAfter = 0;
    const appends = Array.from({ length: N }, (_, i) =>
      writer.db.transaction(async (tx) => {
        if (pg) await tx.execute(sql`select pg_sleep(${Math.random() * 0.005})`);
        await appendEvent(writerDeps, tx, i % 5 === 0 ? centreB : centreA, 'ticket.issued', { i });
        // Committing a moment after the append: without the centre's lock a later id could
        // commit first, and a reader that moved past it would never see the earlier one.
        if (pg) await tx.execute(sql`select pg_sleep(${Math.random() * 0.01})`);
        if (i % 7 === 3) throw new Error('roll back');
      }),
    );
    // A client that saw some of it reconnects in the middle with Last-Event-ID.
    const joining = (async () => {
      await s.waitFor((x) => x.events.length >= 20, 20_000, '20 events');
      lateAfter = ids(s)[9]!;
      late = await stream(centreA, { ...bearer(displayA), 'last-event-id': String(lateAfter) });
    })();
    const results = await Promise.allSettled(appends);
    await joining;
    if (writer !== ctx.database) await writer.close();
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(Array.from({ length: N }, (_, i) => i).filter((i) => i % 7 === 3).length);

    const committed = (
      await ctx.deps.db
        .select({ id: streamEvents.id })
        .from(streamEvents)
        .where(and(eq(streamEvents.centreId, centreA), gt(streamEvents.id, before)))
        .orderBy(streamEvents.id)
    ).map((r) => r.id);
    const expectedA = Array.from({ length: N }, (_, i) => i).filter((i) => i % 5 !== 0 && i % 7 !== 3).length;
    expect(committed).toHaveLength(expectedA);
    await s.nextEvents(committed.length, 20_000);
    await late!.waitFor((x) => x.events.length >= committed.filter((id) => id > lateAfter).length, 20_000, 'the late client to catch up');
    await new Promise((r) => setTimeout(r, 100));
    expect(ids(s)).toEqual(committed);
    expect(ids(late!)).toEqual(committed.filter((id) => id > lateAfter));
    // Nothing of A in B's stream, and all of B's committed events there.
    const committedB = Array.from({ length: N }, (_, i) => i).filter((i) => i % 5 === 0 && i % 7 !== 3);
    await other.nextEvents(committedB.length, 20_000);
    expect(payloads(other).map((p) => p.i).sort((x, y) => Number(x) - Number(y))).toEqual(committedB);
    expect(ids(other)).toEqual([...ids(other)].sort((x, y) => x - y));
  });
});

describe('device sessions (EventSource cannot send a Bearer token)', () => {
  it('exchanges a device token for an httpOnly cookie, audited, that opens the stream and reads but changes nothing', async () => {
    const { id, token } = await deviceToken(centreA, 'display', '二楼大厅显示屏');
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/device-session', payload: { token } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ device: { id, name: '二楼大厅显示屏', role: 'display', centreId: centreA } });
    const cookie = res.cookies.find((c) => c.name === 'govhall_device')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/' });
    const audit = await ctx.deps.db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'session')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorType: 'device', actorId: id, centreId: centreA, entity: 'device_token' });
    expect(JSON.stringify(audit)).not.toContain(token);

    const header = { cookie: `govhall_device=${cookie.value}` };
    const s = await stream(centreA, header);
    await append(centreA, 'ticket.called', called('A040'));
    await s.nextEvents(1);
    expect(payloads(s)[0]!.number).toBe('A040');
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/centres/${centreA}`, headers: header })).statusCode).toBe(200);
    expect((await stream(centreB, header)).status).toBe(403);
    // No CSRF token exists for a device session: a change must carry the Bearer token.
    const change = await ctx.app.inject({ method: 'PATCH', url: `/api/v1/centres/${centreA}`, headers: header, payload: { address: '改地址 1 号' } });
    expect(change.statusCode).toBe(403);
    expect(change.json().error.code).toBe('DEVICE_SESSION_READ_ONLY');

    const ended = await ctx.app.inject({ method: 'DELETE', url: '/api/v1/auth/device-session', headers: header });
    expect(ended.statusCode).toBe(204);
    expect(ended.cookies.find((c) => c.name === 'govhall_device')?.value).toBe('');
  });

  it('refuses an unknown token without a cookie, and a rating device’s session still cannot follow the stream', async () => {
    const bad = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/device-session', payload: { token: 'ghd_guessed' } });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe('AUTH_DEVICE_TOKEN_INVALID');
    expect(bad.cookies).toHaveLength(0);
    const rating = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/device-session', payload: { token: ratingA } });
    expect(rating.statusCode).toBe(200);
    const cookie = rating.cookies.find((c) => c.name === 'govhall_device')!.value;
    expect((await ctx.app.inject({ method: 'GET', url: eventsUrl(centreA), headers: { cookie: `govhall_device=${cookie}` } })).statusCode).toBe(403);
  });

  it('stops working when the token is revoked: open streams end, new ones are refused', async () => {
    const { id, token } = await deviceToken(centreA, 'display', '待吊销显示屏');
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/device-session', payload: { token } });
    const header = { cookie: `govhall_device=${res.cookies.find((c) => c.name === 'govhall_device')!.value}` };
    const byCookie = await stream(centreA, header);
    const byBearer = await stream(centreA, bearer(token));
    expect(byCookie.status).toBe(200);

    expect((await ctx.as(managerA, { method: 'DELETE', url: `/api/v1/device-tokens/${id}` })).statusCode).toBe(200);
    for (const s of [byCookie, byBearer]) await s.waitFor((x) => x.ended, 3_000, 'the stream to end');
    const again = await stream(centreA, header);
    expect(again.status).toBe(401);
    await again.waitFor((x) => x.ended);
    expect(JSON.parse(again.body).error.code).toBe('AUTH_DEVICE_TOKEN_INVALID');
    expect((await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/device-session', payload: { token } })).statusCode).toBe(401);
    // Other devices' streams go on.
    const still = await stream(centreA, bearer(displayA));
    await append(centreA, 'ticket.called', called('A041'));
    await still.nextEvents(1);
  });

  it('ends a staff member’s stream at logout', async () => {
    const clerk = await ctx.userWith([role('window_clerk', centreA)]);
    const s = await stream(centreA, { cookie: clerk.cookie });
    expect((await ctx.as(clerk, { method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);
    await s.waitFor((x) => x.ended, 3_000, 'the stream to end');
  });
});

describe('appendEvent and retention', () => {
  it('takes the database as well as a transaction, and refuses a malformed event', async () => {
    const s = await stream(centreA, bearer(displayA));
    await appendEvent(ctx.deps, ctx.deps.db, centreA, 'tidal.alert', { queueId: null, action: 'open', reason: '等候人数 31 人' });
    await s.nextEvents(1);
    expect(s.events[0]!.event).toBe('tidal.alert');
    await expect(append(centreA, 'Ticket Called', {})).rejects.toThrow('lower-case');
    await expect(append(centreA, 'ticket.called\nevent: x', {})).rejects.toThrow('lower-case');
    await expect(append(centreA, 'ticket.called', undefined)).rejects.toThrow('needs data');
  });

  it('deletes events older than two days, hourly', async () => {
    const start = ctx.deps.clock();
    try {
      ctx.setNow(new Date(start.getTime() - 3 * 24 * 3_600_000));
      await append(centreB, 'ticket.issued', { number: 'OLD1' });
      await append(centreA, 'ticket.issued', { number: 'OLD2' });
      ctx.setNow(new Date(start.getTime() - 47 * 3_600_000));
      await append(centreB, 'ticket.issued', { number: 'KEEP' });
      ctx.setNow(start);
      const numbers = async () => (await ctx.deps.db.select({ data: streamEvents.data }).from(streamEvents)).map((r) => (r.data as { number?: string }).number);
      expect(await numbers()).toEqual(expect.arrayContaining(['OLD1', 'OLD2', 'KEEP']));
      expect(await deleteOldEvents(ctx.deps)).toBe(2);
      const left = await numbers();
      expect(left).toContain('KEEP');
      expect(left).not.toContain('OLD1');
      expect(left).not.toContain('OLD2');
      expect(await deleteOldEvents(ctx.deps)).toBe(0);
      expect(JOBS).toContain(streamRetentionJob);
      expect(streamRetentionJob.everyMs).toBe(3_600_000);
    } finally {
      ctx.setNow(start);
    }
  });
});

describe('the database feed reconnecting', () => {
  it('re-reads from the last id when the feed comes back (PostgreSQL: its LISTEN connection is cut)', async (test) => {
    test.skip(!process.env.DATABASE_URL, 'needs PostgreSQL: PGlite’s feed lives in the process and cannot be cut');
    const s = await stream(centreA, bearer(displayA));
    // An event whose announcement is lost: stored in order, but never notified.
    await ctx.deps.db.insert(streamEvents).values({ centreId: centreA, type: 'ticket.called', data: called('A050'), at: ctx.deps.clock() });
    await new Promise((r) => setTimeout(r, 300));
    expect(s.events).toHaveLength(0);
    const cut = await ctx.deps.db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and query ilike 'listen %'`,
    );
    expect((cut as unknown as { rows: unknown[] }).rows.length).toBeGreaterThan(0);
    await s.nextEvents(1, 10_000);
    expect(payloads(s)[0]!.number).toBe('A050');
    await until(() => ctx.database.changes.live, 10_000);
    await append(centreA, 'ticket.called', called('A051'));
    await s.nextEvents(2);
    expect(payloads(s).map((p) => p.number)).toEqual(['A050', 'A051']);
  });
});

async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}
