/**
 * Queueing (issue 4 "Figures"): issuing tickets, and the wait estimate.
 *
 *   1. Issuing over HTTP on PostgreSQL against the same transaction as raw SQL. A
 *      dedicated database (govhall_bench_queue, dropped afterwards) is migrated and seeded
 *      through the API: a centre open all day, eight comprehensive counters of which four
 *      have a clerk signed in, eight comprehensive queues (A–H, as a hall has), a kiosk
 *      device token. GovHall (bench/servers/govhall.ts) runs in a child process; kiosk
 *      requests `POST /api/v1/centres/{id}/tickets` (Bearer device token, source kiosk)
 *      go round the eight queues.
 *      The raw-SQL side is the issuing transaction itself, captured: one kiosk issue per
 *      queue is made through an in-process app on the same database while every query
 *      its `pg` clients send is logged; the statements from BEGIN to COMMIT are kept with
 *      their parameters. A bare `pg` client then sends exactly those statements again,
 *      with a fresh ticket id each time (and, should a statement take the drawn number as
 *      a parameter, the number its own draw returned), round the same eight queues.
 *      Both run with CONNECTIONS requests in flight; after a warm-up of each, ROUNDS rounds
 *      of SECONDS each, the order swapped every round, the waiting line emptied before
 *      each (tickets cancelled, tables vacuumed). Limit: GovHall at least 40 % of the raw
 *      transactions per second (median of the rounds' ratios).
 *   2. Latency at 200 tickets/s on PostgreSQL: an open-loop load (a request due every
 *      5 ms whatever the server does, each latency counted from its due time) for
 *      OPEN_SECONDS round the eight queues, from an empty waiting line. Limit: p99 under
 *      50 ms.
 *   3. Issuing on PGlite, sustained: the same hall on the embedded database (a child
 *      server over a temporary data directory), PGLITE_CONNECTIONS requests in flight for
 *      PGLITE_SECONDS, the waiting line growing from empty. Limit: at least 300
 *      tickets/s over the whole run (the slowest second is in the note).
 *   4. The wait estimate against the simulated day (domain/queue/simulate-day.ts,
 *      `sampleDay`, seeds 1–5): mean absolute error (limit 5 minutes) and the share of
 *      estimates within ±5 minutes (limit 80 %), with issue 4's plain formula beside it.
 *
 * Every process's clock (the servers', the seeding's) is moved by the same amount to a
 * Monday 10:00 (Asia/Shanghai), so the centre issues whenever the benchmark runs.
 * Run alone: `node bin/run-ts.mjs bench/queue.ts` (BENCH_DATABASE_URL as for the others;
 * BENCH_QUEUE_ONLY=postgres|pglite|estimate runs one part; BENCH_PROFILE=DIR writes CPU
 * profiles of the servers there).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { sampleDay, simulateDay } from '../src/domain/queue/simulate-day.ts';
import { formatTicketNumber, parseTicketNumber } from '../src/domain/queue/numbering.ts';
import type { AppDeps } from '../src/platform/deps.ts';
import { adminApi, benchDatabaseUrl, dropDatabase, median, openBenchDatabase, PASSWORD, recreateDatabase, startChild, stopChild, withBenchLock, type BenchApi, type Child } from './harness.ts';
import { closedLoop, openLoop, postRequest, type LoadFigures } from './http-post.ts';
import { percentile, score, type BenchResult } from './lib.ts';

const SECONDS = Number(process.env.BENCH_QUEUE_SECONDS ?? 5);
const ROUNDS = 3;
const CONNECTIONS = 8;
const QUEUES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
const OPEN_RATE = 200;
const OPEN_SECONDS = Number(process.env.BENCH_QUEUE_OPEN_SECONDS ?? 10);
const PGLITE_SECONDS = Number(process.env.BENCH_QUEUE_PGLITE_SECONDS ?? 10);
const PGLITE_CONNECTIONS = 4;
const BENCH_LOCK = 2016_2024_06;
const MONDAY_10 = Date.parse('2025-03-03T10:00:00+08:00');

const fmt = (n: number, digits = 0) => n.toLocaleString('en', { maximumFractionDigits: digits });

/** The clock shift of this run: every process shows a Monday 10:00 when the run starts. */
const SHIFT = MONDAY_10 - Date.now();
const shifted = (deps: AppDeps): AppDeps => ({ ...deps, clock: () => new Date(Date.now() + SHIFT) });

interface Seeded {
  readonly centreId: string;
  readonly queueIds: string[];
  readonly kioskToken: string;
}

/** The hall, through the API as an administrator and the clerks would set it up. */
async function seedHall(deps: AppDeps): Promise<Seeded> {
  const api = await adminApi(deps);
  try {
    const centre = await api.post('/api/v1/centres', {
      name: '新建区政务服务中心',
      level: 'county',
      divisionCode: '360112',
      address: '江西省南昌市新建区长堎镇长征路 1 号',
      phones: { consultation: '0791-83771234', appointment: '0791-83771235', complaint: '12345', supervision: '0791-83771236' },
      serviceHours: { morning: { start: '00:00', end: '12:00' }, afternoon: { start: '12:00', end: '23:59' }, lunchService: true, early: null, late: null, saturday: null, sunday: null },
    });
    const counters: string[] = [];
    for (let i = 1; i <= 8; i++) counters.push((await api.post(`/api/v1/centres/${centre.id}/counters`, { number: String(i), name: '综合受理', kind: 'comprehensive' })).id);
    const queueIds: string[] = [];
    for (const [i, prefix] of QUEUES.entries()) {
      queueIds.push((await api.post(`/api/v1/centres/${centre.id}/queues`, { name: i === 0 ? '综合受理' : `综合受理${prefix}`, prefix, pool: 'comprehensive', sortOrder: i })).id);
    }
    for (let i = 0; i < 4; i++) await signInClerk(api, centre.id, counters[i]!, i);
    const kiosk = await api.post<{ token: string }>(`/api/v1/centres/${centre.id}/device-tokens`, { name: '一楼取号机', role: 'kiosk' });
    return { centreId: centre.id, queueIds, kioskToken: kiosk.token };
  } finally {
    await api.close();
  }
}

/** A window clerk with a staff card, signed in at `counterId` (the counter then serves). */
async function signInClerk(api: BenchApi, centreId: string, counterId: string, i: number): Promise<void> {
  const username = `bench_clerk_${i + 1}`;
  const user = await api.post('/api/v1/users', { username, displayName: `窗口人员${i + 1}`, password: PASSWORD, roles: [{ role: 'window_clerk', centreId }] });
  await api.post(`/api/v1/centres/${centreId}/staff`, { name: `窗口人员${i + 1}`, workNumber: `B00${i + 1}`, userId: user.id });
  const login = await api.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD } });
  const cookie = login.cookies.find((c) => c.name === 'govhall_session');
  if (!cookie) throw new Error(`bench: clerk login failed: ${login.body}`);
  const headers = { cookie: `govhall_session=${cookie.value}`, 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken };
  const res = await api.app.inject({ method: 'POST', url: `/api/v1/counters/${counterId}/sign-in`, headers, payload: {} });
  if (res.statusCode !== 200) throw new Error(`bench: sign-in answered ${res.statusCode}: ${res.body}`);
}

function kioskRequests(port: number, hall: Seeded): Buffer[] {
  return hall.queueIds.map((queueId) => postRequest(port, `/api/v1/centres/${hall.centreId}/tickets`, { authorization: `Bearer ${hall.kioskToken}` }, { source: 'kiosk', queueId }));
}

// ------------------------------------------------------------------ the raw transaction

interface Statement {
  readonly text: string;
  readonly values: readonly unknown[];
  /** The prepared statement's name, when GovHall sends it as one (it is then prepared once per connection, here too). */
  readonly name?: string | undefined;
}

/** One issuing transaction as GovHall sent it, and what identifies its ticket. */
interface Captured {
  readonly statements: Statement[];
  readonly ticketId: string;
  readonly number: string;
  readonly prefix: string;
  readonly sequence: number;
}

type QueryConfig = { text: string; values?: unknown[]; name?: string } | string;

/**
 * Issues one kiosk ticket per queue through an in-process app on the database while
 * logging every query its `pg` clients send, and keeps each issue's transaction: the
 * statements from BEGIN to COMMIT of the client that ran it. A few issues per queue go
 * first, so that per-process caches are warm as they are in a running server.
 */
async function captureTransactions(deps: AppDeps, hall: Seeded): Promise<{ captured: Captured[]; others: number }> {
  const app = await buildApp(deps, { logger: false, web: false });
  const issue = async (queueId: string) => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/centres/${hall.centreId}/tickets`,
      headers: { authorization: `Bearer ${hall.kioskToken}` },
      payload: { source: 'kiosk', queueId },
    });
    if (res.statusCode !== 201) throw new Error(`bench: capture issue answered ${res.statusCode}: ${res.body}`);
    return res.json<{ id: string; number: string }>();
  };
  const log: { client: object; text: string; values: unknown[]; name: string | undefined }[] = [];
  const prototype = pg.Client.prototype as unknown as { query: (config: QueryConfig, values?: unknown) => unknown };
  const original = prototype.query;
  try {
    for (const q of hall.queueIds) for (let i = 0; i < 20; i++) await issue(q);
    const captured: Captured[] = [];
    let others = 0;
    for (const queueId of hall.queueIds) {
      log.length = 0;
      prototype.query = function (this: object, config: QueryConfig, values?: unknown) {
        const text = typeof config === 'string' ? config : config.text;
        const vals = (Array.isArray(values) ? values : typeof config === 'string' ? undefined : config.values) ?? [];
        log.push({ client: this, text, values: [...(vals as unknown[])], name: typeof config === 'string' ? undefined : config.name });
        // eslint-disable-next-line prefer-rest-params
        return original.apply(this, arguments as unknown as [QueryConfig]);
      };
      const ticket = await issue(queueId);
      prototype.query = original;
      // The transaction: BEGIN … COMMIT on one client, or a single statement on its own (autocommit) that writes the ticket.
      const begin = log.findIndex((s) => /^\s*begin\b/i.test(s.text));
      let statements: Statement[];
      if (begin >= 0) {
        const client = log[begin]!.client;
        const mine = log.slice(begin).filter((s) => s.client === client);
        const end = mine.findIndex((s) => /^\s*commit\b/i.test(s.text));
        if (end < 0) throw new Error('bench: the issuing transaction did not commit');
        statements = mine.slice(0, end + 1);
      } else {
        statements = log.filter((s) => /insert into "tickets"/i.test(s.text));
        if (statements.length !== 1) throw new Error(`bench: ${statements.length} statements wrote the ticket outside a transaction`);
      }
      others = log.length - statements.length;
      const parsed = parseTicketNumber(ticket.number);
      if (!parsed) throw new Error(`bench: unexpected ticket number ${ticket.number}`);
      captured.push({ statements: statements.map((s) => ({ text: s.text, values: s.values, name: s.name })), ticketId: ticket.id, number: ticket.number, prefix: parsed.prefix, sequence: parsed.sequence });
    }
    return { captured, others };
  } finally {
    prototype.query = original;
    await app.close();
  }
}

/**
 * Sends one captured transaction again: the same statements with a fresh ticket id;
 * should a later statement carry the drawn number as a parameter (the number or its
 * sequence), it gets the number this transaction's own draw (a statement returning
 * `last`) returned.
 */
async function replay(client: pg.PoolClient, tx: Captured): Promise<void> {
  const id = randomUUID();
  let sequence: number | null = null;
  let number = '';
  const substitute = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const s = v.includes(tx.ticketId) ? v.replaceAll(tx.ticketId, id) : v;
      return sequence !== null && s.includes(tx.number) ? s.replaceAll(tx.number, number) : s;
    }
    return sequence !== null && v === tx.sequence ? sequence : v;
  };
  try {
    for (const st of tx.statements) {
      const res = await client.query({ text: st.text, values: st.values.map(substitute), ...(st.name ? { name: st.name } : {}) });
      if (sequence === null && res.fields?.some((f) => f.name === 'last')) {
        sequence = Number((res.rows[0] as { last: number }).last);
        number = formatTicketNumber(tx.prefix, sequence);
      }
    }
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  }
}

/** `connections` bare clients replay the captured transactions round the queues for `durationMs`. */
async function rawLoop(url: string, captured: readonly Captured[], connections: number, durationMs: number): Promise<LoadFigures> {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  const clients = await Promise.all(Array.from({ length: connections }, () => pool.connect()));
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  const deadline = t0 + durationMs;
  try {
    await Promise.all(
      clients.map(async (c) => {
        while (performance.now() < deadline) {
          const t = performance.now();
          await replay(c, captured[next++ % captured.length]!);
          latencies.push(performance.now() - t);
        }
      }),
    );
  } finally {
    for (const c of clients) c.release();
    await pool.end();
  }
  const seconds = (performance.now() - t0) / 1000;
  return { requests: latencies.length, seconds, perSecond: latencies.length / seconds, latencies, perSecondWindows: [] };
}

/** Empties the waiting line (every round starts from the same hall) and tidies the tables the issues churn. */
async function resetLine(deps: AppDeps): Promise<void> {
  await deps.db.execute(sql`update tickets set status = 'cancelled', closed_at = now() where status = 'waiting'`);
  await deps.db.execute(sql`vacuum analyze tickets, ticket_sequences`);
}

async function countTickets(deps: AppDeps): Promise<number> {
  const r = (await deps.db.execute(sql`select count(*)::int as n from tickets`)) as unknown as { rows: { n: number }[] };
  return r.rows[0]!.n;
}

// ------------------------------------------------------------------ the parts

async function onPostgres(): Promise<BenchResult[]> {
  const url = benchDatabaseUrl('govhall_bench_queue');
  return withBenchLock(url, BENCH_LOCK, async () => {
    await recreateDatabase(url);
    const opened = await openBenchDatabase({ databaseUrl: url });
    const deps = shifted(opened.deps);
    let govhall: Child | undefined;
    try {
      const hall = await seedHall(deps);
      govhall = await startChild('bench/servers/govhall.ts', { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent', BENCH_CLOCK_SHIFT_MS: String(SHIFT) });
      const requests = kioskRequests(govhall.port, hall);
      const { captured, others } = await captureTransactions(deps, hall);
      const http = (ms: number) => closedLoop({ port: govhall!.port, requests, connections: CONNECTIONS, durationMs: ms, expected: 201 });
      const raw = (ms: number) => rawLoop(url, captured, CONNECTIONS, ms);

      await resetLine(deps);
      await http(2000);
      await resetLine(deps);
      await raw(2000);
      const rounds: { http: LoadFigures; raw: LoadFigures }[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        const round: Partial<Record<'http' | 'raw', LoadFigures>> = {};
        for (const side of r % 2 === 0 ? (['http', 'raw'] as const) : (['raw', 'http'] as const)) {
          await resetLine(deps);
          const before = await countTickets(deps);
          round[side] = side === 'http' ? await http(SECONDS * 1000) : await raw(SECONDS * 1000);
          // Every acknowledged ticket is in the database: nothing counted that was not issued.
          const made = (await countTickets(deps)) - before;
          if (made < round[side].requests) throw new Error(`bench: ${round[side].requests} ${side} issues acknowledged, ${made} tickets stored`);
        }
        rounds.push({ http: round.http!, raw: round.raw! });
      }
      const ratios = rounds.map((r) => (r.http.perSecond / r.raw.perSecond) * 100);

      await resetLine(deps);
      const open = await openLoop({ port: govhall.port, requests, rate: OPEN_RATE, durationMs: OPEN_SECONDS * 1000, connections: 64, expected: 201 });
      const statements = captured[0]!.statements;
      const prepared = statements.filter((s) => s.name).length;
      const transaction = `${statements.length} statement${statements.length === 1 ? '' : 's'}${prepared ? ` (${prepared} prepared, replayed prepared)` : ''} (${others === 0 ? 'no other query in the request' : `${others} other queries in the request`}): ${statements.map((s) => s.text.replace(/\s+/g, ' ').trim().split(' ').slice(0, 3).join(' ')).join(' | ')}`;
      return [
        {
          name: 'queue: issuing over HTTP on PostgreSQL vs the same transaction as raw SQL',
          measured: Math.round(median(ratios) * 10) / 10,
          unit: '% of raw SQL tx/s',
          limit: 40,
          kind: 'min',
          note:
            `GovHall ${fmt(median(rounds.map((r) => r.http.perSecond)))} tickets/s (p50 ${fmt(median(rounds.map((r) => percentile(r.http.latencies, 50))), 1)} ms), ` +
            `raw pg ${fmt(median(rounds.map((r) => r.raw.perSecond)))} tx/s (medians); rounds ${ratios.map((x) => `${x.toFixed(1)} %`).join(' / ')}; ` +
            `${ROUNDS} × ${SECONDS} s each, ${CONNECTIONS} in flight round ${QUEUES.length} queues, waiting line emptied before each; the captured transaction, ${transaction}`,
        },
        {
          name: `queue: issuing over HTTP on PostgreSQL at ${OPEN_RATE} tickets/s (open loop), p99`,
          measured: Math.round(percentile(open.latencies, 99) * 100) / 100,
          unit: 'ms',
          limit: 50,
          kind: 'max',
          note:
            `${open.requests} tickets in ${fmt(open.seconds, 1)} s round ${QUEUES.length} queues from an empty line; p50 ${fmt(percentile(open.latencies, 50), 2)} ms, ` +
            `p90 ${fmt(percentile(open.latencies, 90), 2)} ms, max ${fmt(Math.max(...open.latencies), 1)} ms; at most ${open.maxInFlight} in flight; generator's largest send delay ${fmt(open.lateSendsMs, 1)} ms`,
        },
      ];
    } finally {
      if (govhall) await stopChild(govhall);
      await opened.database.close();
      await dropDatabase(url);
    }
  });
}

async function onPglite(): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'govhall-bench-queue-'));
  let govhall: Child | undefined;
  try {
    const opened = await openBenchDatabase({ dataDir: join(dir, 'pglite') });
    let hall: Seeded;
    try {
      hall = await seedHall(shifted(opened.deps));
    } finally {
      await opened.database.close();
    }
    const { DATABASE_URL: _url, ...env } = process.env;
    govhall = await startChild('bench/servers/govhall.ts', { ...env, GOVHALL_DATA_DIR: dir, LOG_LEVEL: 'silent', BENCH_CLOCK_SHIFT_MS: String(SHIFT) });
    const requests = kioskRequests(govhall.port, hall);
    await closedLoop({ port: govhall.port, requests, connections: PGLITE_CONNECTIONS, durationMs: 1000, expected: 201 });
    const run = await closedLoop({ port: govhall.port, requests, connections: PGLITE_CONNECTIONS, durationMs: PGLITE_SECONDS * 1000, expected: 201 });
    const w = run.perSecondWindows;
    return [
      {
        name: 'queue: issuing over HTTP on PGlite, sustained',
        measured: Math.round(run.perSecond),
        unit: 'tickets/s',
        limit: 300,
        kind: 'min',
        note:
          `${run.requests} kiosk tickets in ${fmt(run.seconds, 1)} s, ${PGLITE_CONNECTIONS} in flight round ${QUEUES.length} queues, the line growing to ${fmt(run.requests + w.length)}+ waiting; ` +
          `per second ${w.map((n) => fmt(n)).join(' / ')} (slowest ${fmt(Math.min(...w))}); p50 ${fmt(percentile(run.latencies, 50), 2)} ms, p99 ${fmt(percentile(run.latencies, 99), 2)} ms`,
      },
    ];
  } finally {
    if (govhall) await stopChild(govhall);
    await rm(dir, { recursive: true, force: true });
  }
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
  console.log(`1-minute load average ${loadavg()[0]!.toFixed(2)} at the start`);
  const results = only === 'pglite' ? await onPglite() : only === 'postgres' ? await onPostgres() : only === 'estimate' ? accuracy() : await benchQueue();
  for (const r of results) console.log(`${r.name}: ${r.measured} ${r.unit} (limit ${r.kind === 'max' ? '≤' : '≥'} ${r.limit}, score ${score(r).toFixed(2)})${r.note ? ` — ${r.note}` : ''}`);
}
