/**
 * The public progress kept in memory (public-progress-cache.ts, DB36/T 2016 §8.1.2.1):
 * read once, sent again as serialized with the running stage's duration written at
 * send time; every transition reaches the next query — in this process at once, in
 * another at the commit (LISTEN/NOTIFY); nothing is kept while the feed is not live.
 * The guessing throttle reads no row for keys that never failed.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { openDatabase } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { App } from '../../platform/http/app-type.ts';
import { createTestContext, role, type Session, type TestContext } from '../../test/harness.ts';
import { COMPLETE, makeCaseHall, ok, openCase, PHONE, user, type CaseHall } from './test-helpers.ts';

let ctx: TestContext;
let admin: Session;
let hall: CaseHall;
const MONDAY_10 = new Date('2025-03-03T10:00:00+08:00');
const CODE = PHONE.slice(-4);

beforeAll(async () => {
  ctx = await createTestContext({ now: MONDAY_10 });
  admin = await user(ctx, [role('system_admin')]);
  hall = await makeCaseHall(ctx, admin);
});
afterAll(() => ctx.close());

let address = 0;
const nextAddress = () => `198.51.100.${++address}`;
const query = (caseNumber: string, check: string, from = nextAddress(), app: App = ctx.app) => app.inject({ method: 'GET', url: `/api/v1/public/cases/${caseNumber}?check=${check}`, remoteAddress: from });
/** A change made behind the service's back: no notification, as a cache cannot hear it. */
const titleBehindTheBack = (caseNumber: string, title: string, t: TestContext = ctx) => t.deps.db.execute(sql`update cases set title = ${title} where case_number = ${caseNumber}`);

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 5_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('the public progress in memory', () => {
  it('§8.1.2.1 is kept after a first read while the feed is live; the running stage’s duration is that of the moment sent', async () => {
    const c = await openCase(ctx, hall.clerk, hall, { materials: COMPLETE });
    await ok(ctx, hall.clerk, c.id, 'accept', { mode: 'normal' });
    expect((await query(c.caseNumber, CODE)).statusCode).toBe(200);
    await eventually(async () => ctx.database.changes.live, (live) => live);
    const first = await query(c.caseNumber, CODE);
    expect(first.statusCode).toBe(200);
    await titleBehindTheBack(c.caseNumber, '改过的标题');
    ctx.setNow(new Date(MONDAY_10.getTime() + 90_000));
    const again = await query(c.caseNumber, CODE);
    expect(again.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = again.json<{ title: string; timeline: { stage: string; durationSeconds: number | null }[] }>();
    expect(body.title).toBe('食品经营许可证核发');
    const processing = (b: typeof body) => b.timeline.find((s) => s.stage === 'processing')!.durationSeconds;
    expect(processing(body)).toBe(processing(first.json())! + 90);
    ctx.setNow(MONDAY_10);
  });

  it('§8.1.2.1 a transition of the case is seen by the very next query', async () => {
    const c = await openCase(ctx, hall.clerk, hall, { materials: COMPLETE });
    await eventually(async () => ctx.database.changes.live, (live) => live);
    expect((await query(c.caseNumber, CODE)).json()).toMatchObject({ status: 'opened' });
    expect((await query(c.caseNumber, CODE)).json()).toMatchObject({ status: 'opened' });
    await ok(ctx, hall.clerk, c.id, 'accept', { mode: 'normal' });
    expect((await query(c.caseNumber, CODE)).json()).toMatchObject({ status: 'accepted', stage: 'processing' });
  });

  it('§8.1.2.1 a counter renumbered is seen by the very next query (the timeline names counters)', async () => {
    const c = await openCase(ctx, hall.clerk, hall, { materials: COMPLETE });
    await ok(ctx, hall.clerk, c.id, 'accept', { mode: 'normal' });
    await eventually(async () => ctx.database.changes.live, (live) => live);
    const counters = (res: { json(): { timeline: { counters: string[] }[] } }) => res.json().timeline[1]!.counters;
    expect(counters(await query(c.caseNumber, CODE))).toEqual(['5']);
    const renumbered = await ctx.as(hall.manager, { method: 'PATCH', url: `/api/v1/counters/${hall.counterId}`, payload: { number: '15' } });
    expect(renumbered.statusCode, renumbered.body).toBe(200);
    expect(counters(await query(c.caseNumber, CODE))).toEqual(['15']);
    await ctx.as(hall.manager, { method: 'PATCH', url: `/api/v1/counters/${hall.counterId}`, payload: { number: '5' } });
  });

  it('the throttle reads no row for keys that never failed, and every failure recorded through the service counts', async () => {
    const c = await openCase(ctx, hall.clerk, hall);
    await eventually(async () => ctx.database.changes.live, (live) => live);
    const from = nextAddress();
    expect((await query(c.caseNumber, CODE, from)).statusCode).toBe(200);
    // A lock written behind the service's back is not read for keys no failure was heard of …
    await ctx.deps.db.execute(sql`insert into case_check_throttle (key, failures, window_start, locked_until) values (${`pair:${from}|${c.caseNumber}`}, 5, ${MONDAY_10}, ${new Date(MONDAY_10.getTime() + 60_000)})`);
    expect((await query(c.caseNumber, CODE, from)).statusCode).toBe(200);
    // … a failure on the case heard, the pair's rows are read again.
    expect((await query(c.caseNumber, '0000', nextAddress())).statusCode).toBe(404);
    expect((await query(c.caseNumber, CODE, from)).statusCode).toBe(429);
  });
});

describe('while the change feed is not live', () => {
  it('nothing is kept: a change no one announced is seen by the next query', async () => {
    const own = await createTestContext({ now: MONDAY_10 });
    try {
      const ownAdmin = await user(own, [role('system_admin')]);
      const ownHall = await makeCaseHall(own, ownAdmin);
      const c = await openCase(own, ownHall.clerk, ownHall);
      await own.database.changes.close();
      expect(own.database.changes.live).toBe(false);
      expect((await query(c.caseNumber, CODE, nextAddress(), own.app)).statusCode).toBe(200);
      await titleBehindTheBack(c.caseNumber, '改过的标题', own);
      expect((await query(c.caseNumber, CODE, nextAddress(), own.app)).json()).toMatchObject({ title: '改过的标题' });
    } finally {
      await own.close();
    }
  });
});

describe.skipIf(!process.env.DATABASE_URL)('two server processes on one PostgreSQL', () => {
  it('§8.1.2.1 a transition and a failed check made through one reach the other at their commit (LISTEN/NOTIFY)', async () => {
    const second = await openDatabase({ databaseUrl: ctx.database.pool!.options.connectionString!, poolSize: 2 });
    const deps: AppDeps = { ...ctx.deps, database: second, db: second.db };
    const app = await buildApp(deps, { logger: false, web: false });
    try {
      const c = await openCase(ctx, hall.clerk, hall, { materials: COMPLETE });
      const from = nextAddress();
      expect((await query(c.caseNumber, CODE, from, app)).statusCode).toBe(200);
      expect(await eventually(async () => second.changes.live, (live) => live)).toBe(true);
      expect((await query(c.caseNumber, CODE, from, app)).json()).toMatchObject({ status: 'opened' });
      await ok(ctx, hall.clerk, c.id, 'accept', { mode: 'normal' });
      const after = await eventually(() => query(c.caseNumber, CODE, from, app), (r) => r.json<{ status: string }>().status !== 'opened');
      expect(after.json()).toMatchObject({ status: 'accepted' });
      // Five failures of the pair through the first server: the second refuses the pair.
      for (let i = 0; i < 5; i++) expect((await query(c.caseNumber, String(4000 + i), from)).statusCode).toBe(404);
      const locked = await eventually(() => query(c.caseNumber, CODE, from, app), (r) => r.statusCode !== 200);
      expect(locked.statusCode).toBe(429);
    } finally {
      await app.close();
      await second.close();
    }
  });
});
