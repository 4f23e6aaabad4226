/**
 * The issuing configuration kept in memory (config-cache.ts): a centre's hours, its
 * queues and its queue settings are read once, and every change made through the
 * service reaches the next issue at once — in this process through the change feed's
 * local delivery, in another at the change's commit (LISTEN/NOTIFY). DB36/T 2016 §6.2,
 * §7.1.5: a kiosk never issues from a queue that was retired or outside windows that
 * were set.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { openDatabase } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { App } from '../../platform/http/app-type.ts';
import { DEFAULT_SERVICE_HOURS } from '../../domain/organisation/centre-rules.ts';
import { centreInput } from '../../test/factories.ts';
import { createTestContext, role, type Session, type TestContext } from '../../test/harness.ts';
import { makeHall, post, type Hall } from './test-helpers.ts';

const MONDAY_10 = new Date('2025-03-03T10:00:00+08:00');
/** 10:00 is outside this window. */
const EARLY_WINDOW = [{ start: '08:00', end: '09:00' }];

let ctx: TestContext;
let admin: Session;
let hall: Hall;
let kiosk: string;

beforeAll(async () => {
  ctx = await createTestContext({ now: MONDAY_10 });
  admin = await ctx.userWith([role('system_admin')]);
  hall = await makeHall(ctx, admin, { signIn: false });
  kiosk = (await post<{ token: string }>(ctx, hall.manager, `/api/v1/centres/${hall.centreId}/device-tokens`, { name: '一楼取号机', role: 'kiosk' })).body.token;
});
afterAll(() => ctx.close());

const kioskIssue = async (queueId: string, app: App = ctx.app, centreId = hall.centreId, token = kiosk) => {
  const res = await app.inject({ method: 'POST', url: `/api/v1/centres/${centreId}/tickets`, payload: { source: 'kiosk', queueId }, headers: { authorization: `Bearer ${token}` } });
  return { status: res.statusCode, body: res.json<{ number?: string; error?: { code: string } }>() };
};
const patchQueue = (id: string, payload: Record<string, unknown>) => ctx.as(hall.manager, { method: 'PATCH', url: `/api/v1/queues/${id}`, payload });
/** A change made behind the service's back: no notification, as a cache cannot hear it. */
const windowsBehindTheBack = (queueId: string, windows: unknown) => ctx.deps.db.execute(sql`update queues set issuing_windows = ${JSON.stringify(windows)}::jsonb where id = ${queueId}`);

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 5_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('the issuing configuration in memory', () => {
  it('is kept while the change feed is live: a change no one announced is not seen, the next change through the service brings it', async () => {
    const q = (await post<{ id: string }>(ctx, hall.manager, `/api/v1/centres/${hall.centreId}/queues`, { name: '公积金', prefix: 'G', pool: 'comprehensive' })).body.id;
    // The first issue starts the feed; once it is live, the next one keeps what it read.
    expect((await kioskIssue(q)).status).toBe(201);
    await eventually(async () => ctx.database.changes.live, (live) => live);
    expect((await kioskIssue(q)).status).toBe(201);
    await windowsBehindTheBack(q, EARLY_WINDOW);
    expect((await kioskIssue(q)).status).toBe(201);
    // Any change of the queue through the service is announced: the windows stored are read again.
    expect((await patchQueue(q, { name: '住房公积金' })).statusCode).toBe(200);
    expect(await kioskIssue(q)).toMatchObject({ status: 422, body: { error: { code: 'QUEUE_ISSUING_CLOSED' } } });
  });

  it('a queue created, changed, retired; the settings replaced: the very next issue follows each', async () => {
    const created = (await post<{ id: string }>(ctx, hall.manager, `/api/v1/centres/${hall.centreId}/queues`, { name: '社保卡', prefix: 'K', pool: 'comprehensive' })).body.id;
    expect((await kioskIssue(created)).body.number).toBe('K001');
    expect((await patchQueue(created, { issuingWindows: EARLY_WINDOW })).statusCode).toBe(200);
    expect((await kioskIssue(created)).body.error?.code).toBe('QUEUE_ISSUING_CLOSED');
    expect((await patchQueue(created, { issuingWindows: [], dailyQuota: 1 })).statusCode).toBe(200);
    expect((await kioskIssue(created)).body.error?.code).toBe('QUEUE_QUOTA_SPENT');

    const spare = (await post<{ id: string }>(ctx, hall.manager, `/api/v1/centres/${hall.centreId}/queues`, { name: '临时', prefix: 'T', pool: 'special' })).body.id;
    expect((await kioskIssue(hall.queues.a)).status).toBe(201);
    expect((await ctx.as(hall.manager, { method: 'DELETE', url: `/api/v1/queues/${spare}` })).statusCode).toBe(200);
    expect((await kioskIssue(spare)).body.error?.code).toBe('QUEUE_NOT_FOUND');

    // Settings: one mobile ticket per phone a day from now on.
    const phone = '13900005555';
    const mobile = () => ctx.app.inject({ method: 'POST', url: `/api/v1/public/centres/${hall.centreId}/tickets`, payload: { queueId: hall.queues.a, phone } });
    expect((await mobile()).statusCode).toBe(201);
    expect((await mobile()).statusCode).toBe(201);
    const put = await ctx.as(hall.manager, { method: 'PUT', url: `/api/v1/centres/${hall.centreId}/queue-settings`, payload: { issuing: { mobilePerPhone: 1, mobilePerIdNumber: 3 } } });
    expect(put.statusCode).toBe(200);
    expect((await mobile()).json()).toMatchObject({ error: { code: 'MOBILE_PHONE_LIMIT' } });
  });

  it('the centre’s hours changed, the centre retired: the very next issue follows', async () => {
    const centreId = (await post<{ id: string }>(ctx, admin, '/api/v1/centres', centreInput())).body.id;
    const q = (await post<{ id: string }>(ctx, admin, `/api/v1/centres/${centreId}/queues`, { name: '综合受理', prefix: 'A', pool: 'comprehensive' })).body.id;
    const token = (await post<{ token: string }>(ctx, admin, `/api/v1/centres/${centreId}/device-tokens`, { name: '取号机', role: 'kiosk' })).body.token;
    expect((await kioskIssue(q, ctx.app, centreId, token)).status).toBe(201);
    const afternoonOnly = { ...DEFAULT_SERVICE_HOURS, morning: { start: '13:00', end: '14:00' }, afternoon: { start: '14:00', end: '17:30' }, early: null, late: null };
    expect((await ctx.as(admin, { method: 'PATCH', url: `/api/v1/centres/${centreId}`, payload: { serviceHours: afternoonOnly } })).statusCode).toBe(200);
    expect((await kioskIssue(q, ctx.app, centreId, token)).body.error?.code).toBe('CENTRE_CLOSED_NOW');
    expect((await ctx.as(admin, { method: 'PATCH', url: `/api/v1/centres/${centreId}`, payload: { serviceHours: DEFAULT_SERVICE_HOURS } })).statusCode).toBe(200);
    expect((await kioskIssue(q, ctx.app, centreId, token)).status).toBe(201);
    expect((await ctx.as(admin, { method: 'DELETE', url: `/api/v1/centres/${centreId}` })).statusCode).toBe(200);
    expect((await kioskIssue(q, ctx.app, centreId, token)).body.error?.code).toBe('CENTRE_NOT_FOUND');
  });
});

describe('while the change feed is not live', () => {
  it('nothing is kept: a change no one announced is seen by the next issue', async () => {
    const own = await createTestContext({ now: MONDAY_10 });
    try {
      const ownAdmin = await own.userWith([role('system_admin')]);
      const ownHall = await makeHall(own, ownAdmin, { signIn: false });
      const token = (await post<{ token: string }>(own, ownHall.manager, `/api/v1/centres/${ownHall.centreId}/device-tokens`, { name: '取号机', role: 'kiosk' })).body.token;
      await own.database.changes.close();
      expect(own.database.changes.live).toBe(false);
      expect((await kioskIssue(ownHall.queues.a, own.app, ownHall.centreId, token)).status).toBe(201);
      await own.deps.db.execute(sql`update queues set issuing_windows = ${JSON.stringify(EARLY_WINDOW)}::jsonb where id = ${ownHall.queues.a}`);
      expect((await kioskIssue(ownHall.queues.a, own.app, ownHall.centreId, token)).body.error?.code).toBe('QUEUE_ISSUING_CLOSED');
    } finally {
      await own.close();
    }
  });
});

describe.skipIf(!process.env.DATABASE_URL)('two server processes on one PostgreSQL', () => {
  it('a change made through one reaches the issues of the other at its commit (LISTEN/NOTIFY)', async () => {
    // A second server: its own pool, its own change feed and so its own memory, on the same database.
    const second = await openDatabase({ databaseUrl: ctx.database.pool!.options.connectionString!, poolSize: 2 });
    const deps: AppDeps = { ...ctx.deps, database: second, db: second.db };
    const app = await buildApp(deps, { logger: false, web: false });
    try {
      const q = (await post<{ id: string }>(ctx, hall.manager, `/api/v1/centres/${hall.centreId}/queues`, { name: '出入境', prefix: 'E', pool: 'special' })).body.id;
      // The second server's first issue starts its feed; once it is live, the next issue keeps the centre's configuration.
      expect((await kioskIssue(q, app)).status).toBe(201);
      expect(await eventually(async () => second.changes.live, (live) => live)).toBe(true);
      expect((await kioskIssue(q, app)).status).toBe(201);
      await windowsBehindTheBack(q, EARLY_WINDOW);
      expect((await kioskIssue(q, app)).status).toBe(201);
      expect((await patchQueue(q, { sortOrder: 9 })).statusCode).toBe(200);
      const after = await eventually(() => kioskIssue(q, app), (r) => r.status !== 201);
      expect(after.body.error?.code).toBe('QUEUE_ISSUING_CLOSED');
    } finally {
      await app.close();
      await second.close();
    }
  });
});
