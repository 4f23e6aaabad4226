/**
 * Queueing (issue 4 "Figures"), in-process through `app.inject()` so that the database
 * and GovHall's own work are measured, not the loopback network:
 *
 *   1. Issuing on PGlite: tickets issued one after another for a few seconds (the
 *      embedded database has one connection). Limit: at least 300 tickets/s.
 *   2. Issuing on PostgreSQL: 8 requests in flight. Reported with its p99 latency;
 *      limit p99 under 50 ms.
 *   3. A full service on each engine: issue, call next, start, finish (four requests,
 *      each its own transaction with its events). Reported as services/s.
 *   4. The wait estimate against the simulated day (domain/queue/simulate-day.ts,
 *      `sampleDay`, seeds 1–5): mean absolute error (limit 5 minutes) and the share of
 *      estimates within ±5 minutes (limit 80 %), with issue 4's plain formula beside it.
 *
 * The clock is pinned to a Monday 10:00 (Asia/Shanghai) and moves with real time, so
 * the centre is open whenever the benchmark runs.
 * Run alone: `node bin/run-ts.mjs bench/queue.ts` (BENCH_DATABASE_URL as for the others).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { sampleDay, simulateDay } from '../src/domain/queue/simulate-day.ts';
import { createAdmin } from '../src/modules/accounts/admin.service.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase, runMigrations, type Database } from '../src/platform/db/database.ts';
import type { AppDeps } from '../src/platform/deps.ts';
import type { App } from '../src/platform/http/app-type.ts';
import { benchDatabaseUrl, dropDatabase, PASSWORD, recreateDatabase, withBenchLock } from './harness.ts';
import { percentile, type BenchResult } from './lib.ts';

const SECONDS = Number(process.env.BENCH_QUEUE_SECONDS ?? 5);
const IN_FLIGHT = 8;
const BENCH_LOCK = 2016_2024_04;
const MONDAY_10 = Date.parse('2025-03-03T10:00:00+08:00');

interface Hall {
  readonly app: App;
  readonly database: Database;
  readonly centreId: string;
  readonly queueId: string;
  readonly counterId: string;
  readonly headers: Record<string, string>;
}

async function open(target: { databaseUrl: string } | { dataDir: string }): Promise<Hall> {
  const database = 'databaseUrl' in target ? await openDatabase({ databaseUrl: target.databaseUrl, poolSize: IN_FLIGHT + 2 }) : await openDatabase({ dataDir: target.dataDir });
  await runMigrations(database);
  const started = Date.now();
  const config = loadConfig({ LOG_LEVEL: 'silent', ...('databaseUrl' in target ? { DATABASE_URL: target.databaseUrl } : { GOVHALL_DATA_DIR: target.dataDir }) });
  const deps: AppDeps = { config, database, db: database.db, clock: () => new Date(MONDAY_10 + (Date.now() - started)) };
  await createAdmin(deps, 'bench_admin', PASSWORD);
  const app = await buildApp(deps, { logger: false, web: false });
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'bench_admin', password: PASSWORD } });
  const cookie = login.cookies.find((c) => c.name === 'govhall_session')!;
  const headers = { cookie: `govhall_session=${cookie.value}`, 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken };
  const post = async <T = { id: string }>(url: string, payload: object = {}, expected = 201): Promise<T> => {
    const res = await app.inject({ method: 'POST', url, headers, payload });
    if (res.statusCode !== expected) throw new Error(`bench: POST ${url} answered ${res.statusCode}: ${res.body}`);
    return res.json<T>();
  };
  const centre = await post('/api/v1/centres', {
    name: '新建区政务服务中心',
    level: 'county',
    divisionCode: '360112',
    address: '江西省南昌市新建区长堎镇长征路 1 号',
    phones: { consultation: '0791-83771234', appointment: '0791-83771235', complaint: '12345', supervision: '0791-83771236' },
    serviceHours: { morning: { start: '00:00', end: '12:00' }, afternoon: { start: '12:00', end: '23:59' }, lunchService: true, early: null, late: null, saturday: null, sunday: null },
  });
  const counters: string[] = [];
  for (let i = 1; i <= 8; i++) counters.push((await post(`/api/v1/centres/${centre.id}/counters`, { number: String(i), name: '综合受理', kind: 'comprehensive' })).id);
  const me = (await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers })).json<{ user: { id: string } }>().user;
  await post(`/api/v1/centres/${centre.id}/staff`, { name: '基准测试', workNumber: 'B001', userId: me.id });
  const queue = await post(`/api/v1/centres/${centre.id}/queues`, { name: '综合受理', prefix: 'A', pool: 'comprehensive' });
  for (const prefix of ['B', 'C', 'D']) await post(`/api/v1/centres/${centre.id}/queues`, { name: `队列${prefix}`, prefix, pool: 'comprehensive' });
  await post(`/api/v1/counters/${counters[0]}/sign-in`, {}, 200);
  return { app, database, centreId: centre.id, queueId: queue.id, counterId: counters[0]!, headers };
}

async function timed(hall: Hall, url: string, payload: object, expected: number): Promise<{ ms: number; body: { id: string } }> {
  const t = performance.now();
  const res = await hall.app.inject({ method: 'POST', url, headers: hall.headers, payload });
  if (res.statusCode !== expected) throw new Error(`bench: POST ${url} answered ${res.statusCode}: ${res.body}`);
  return { ms: performance.now() - t, body: res.body ? res.json<{ id: string }>() : { id: '' } };
}

/** Issues for SECONDS with `inFlight` requests at a time; tickets/s and latencies. */
async function issuing(hall: Hall, inFlight: number): Promise<{ perSecond: number; p50: number; p99: number; n: number }> {
  const url = `/api/v1/centres/${hall.centreId}/tickets`;
  for (let i = 0; i < 20; i++) await timed(hall, url, { source: 'counter', queueId: hall.queueId }, 201);
  const latencies: number[] = [];
  const end = performance.now() + SECONDS * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (performance.now() < end) latencies.push((await timed(hall, url, { source: 'counter', queueId: hall.queueId }, 201)).ms);
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { perSecond: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), n: latencies.length };
}

/** Issue, call next, start, finish, one after another, for SECONDS; services/s. */
async function services(hall: Hall): Promise<number> {
  // Nobody else waits: each call takes the ticket just issued.
  await hall.database.db.execute(sql`update tickets set status = 'cancelled', closed_at = now() where status = 'waiting'`);
  let n = 0;
  const end = performance.now() + SECONDS * 1000;
  const t0 = performance.now();
  while (performance.now() < end) {
    await timed(hall, `/api/v1/centres/${hall.centreId}/tickets`, { source: 'counter', queueId: hall.queueId }, 201);
    const called = await timed(hall, `/api/v1/counters/${hall.counterId}/call-next`, {}, 200);
    await timed(hall, `/api/v1/tickets/${called.body.id}/start`, {}, 200);
    await timed(hall, `/api/v1/tickets/${called.body.id}/finish`, { outcome: 'done' }, 200);
    n++;
  }
  return n / ((performance.now() - t0) / 1000);
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en', { maximumFractionDigits: digits });

async function onPglite(): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'govhall-bench-queue-'));
  const hall = await open({ dataDir: dir });
  try {
    const issued = await issuing(hall, 1);
    const perService = await services(hall);
    return [
      {
        name: 'queue: issuing on PGlite',
        measured: Math.round(issued.perSecond),
        unit: 'tickets/s',
        limit: 300,
        kind: 'min',
        note: `${issued.n} tickets one after another in ${SECONDS} s through app.inject (number drawn, ticket, event, audit, stream event, then people ahead and estimate); p50 ${fmt(issued.p50, 2)} ms, p99 ${fmt(issued.p99, 2)} ms; issue + call + start + finish: ${fmt(perService, 1)} services/s`,
      },
    ];
  } finally {
    await hall.app.close();
    await hall.database.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function onPostgres(): Promise<BenchResult[]> {
  const url = benchDatabaseUrl('govhall_bench_queue');
  return withBenchLock(url, BENCH_LOCK, async () => {
    await recreateDatabase(url);
    const hall = await open({ databaseUrl: url });
    try {
      const issued = await issuing(hall, IN_FLIGHT);
      const perService = await services(hall);
      return [
        {
          name: 'queue: issuing on PostgreSQL, p99',
          measured: Math.round(issued.p99 * 100) / 100,
          unit: 'ms',
          limit: 50,
          kind: 'max',
          note: `${fmt(issued.perSecond)} tickets/s with ${IN_FLIGHT} requests in flight on one queue (each issue holds the queue-day's number row to its commit); p50 ${fmt(issued.p50, 2)} ms; issue + call + start + finish one after another: ${fmt(perService, 1)} services/s`,
        },
      ];
    } finally {
      await hall.app.close();
      await hall.database.close();
      await dropDatabase(url);
    }
  });
}

function accuracy(): BenchResult[] {
  const reports = [1, 2, 3, 4, 5].map((seed) => simulateDay(sampleDay(seed)));
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const mae = mean(reports.map((r) => r.estimate.meanAbsoluteErrorMinutes));
  const within = mean(reports.map((r) => r.estimate.within5MinutesShare)) * 100;
  const plain = mean(reports.map((r) => r.plainFormula.meanAbsoluteErrorMinutes));
  const plainBias = mean(reports.map((r) => r.plainFormula.meanErrorMinutes));
  const tickets = reports.reduce((n, r) => n + r.tickets, 0);
  const days = `sampleDay seeds 1–5 (${tickets} tickets, 13 counters, mean wait ${fmt(mean(reports.map((r) => r.meanWaitMinutes)), 1)} min)`;
  return [
    {
      name: 'queue: wait estimate, mean absolute error',
      measured: Math.round(mae * 100) / 100,
      unit: 'min',
      limit: 5,
      kind: 'max',
      note: `${days}; per seed ${reports.map((r) => fmt(r.estimate.meanAbsoluteErrorMinutes, 2)).join(' / ')}; issue 4's plain formula (busy counters not counted): ${fmt(plain, 2)} min, mean bias ${fmt(plainBias, 2)} min`,
    },
    {
      name: 'queue: wait estimates within ±5 min',
      measured: Math.round(within * 10) / 10,
      unit: '%',
      limit: 80,
      kind: 'min',
      note: `${days}; per seed ${reports.map((r) => `${fmt(r.estimate.within5MinutesShare * 100, 1)} %`).join(' / ')}`,
    },
  ];
}

export async function benchQueue(): Promise<BenchResult[]> {
  const results: BenchResult[] = [...accuracy(), ...(await onPglite())];
  try {
    results.push(...(await onPostgres()));
  } catch (err) {
    throw new Error(`PostgreSQL part: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const only = process.env.BENCH_QUEUE_ONLY;
  const results = only === 'pglite' ? await onPglite() : only === 'postgres' ? await onPostgres() : await benchQueue();
  for (const r of results) console.log(`${r.name}: ${r.measured} ${r.unit} (limit ${r.kind === 'max' ? '≤' : '≥'} ${r.limit})${r.note ? ` — ${r.note}` : ''}`);
}
