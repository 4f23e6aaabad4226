/**
 * Throughput of an authenticated list of 100 counters on PostgreSQL, against a bare
 * Fastify route answering the same JSON, measured in the same run.
 *
 *   1. A dedicated database (govhall_bench) is created, migrated, and seeded through
 *      the API: one centre, a zone, five departments, 100 counters, a centre manager.
 *   2. GovHall (src/app.ts) and the bare route run in two child processes on loopback
 *      ports; the body the bare route answers is captured from GovHall once.
 *   3. The load generator (bench/load.ts, this process) drives them alternately:
 *      a warm-up each, then ROUNDS rounds of SECONDS each, the order swapped every
 *      round. The figure is the median of the per-round ratios.
 *
 * Limit: GovHall at least 40 % of the bare route's requests per second.
 * Run alone: `node bin/run-ts.mjs bench/counters-list.ts`
 * (BENCH_DATABASE_URL overrides postgres://postgres@127.0.0.1:5432/govhall_bench;
 * BENCH_PROFILE=DIR writes CPU profiles of both servers there).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { DEFAULT_SERVICE_HOURS } from '../src/domain/organisation/centre-rules.ts';
import { createAdmin } from '../src/modules/accounts/admin.service.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase, runMigrations } from '../src/platform/db/database.ts';
import type { AppDeps } from '../src/platform/deps.ts';
import { percentile, score, type BenchResult } from './lib.ts';
import { load, type LoadResult } from './load.ts';

const COUNTERS = 100;
const ROUNDS = 3;
const SECONDS = 5;
const WARMUP_SECONDS = 2;
const CONNECTIONS = 10;
const LIMIT_PERCENT = 40;
const PASSWORD = 'Bench-password-2025';
const BENCH_LOCK = 2016_2024_01;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

export function benchDatabaseUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/govhall_bench';
}

/** Drops and creates the benchmark database through the server's maintenance database. */
async function recreateDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`unexpected benchmark database name: ${name}`);
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
    await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
}

async function dropDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  await client.query(`drop database if exists "${name}" with (force)`);
  await client.end();
}

/** One centre with 100 counters and a centre manager, all through the API; returns the centre id. */
async function seed(url: string): Promise<string> {
  const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
  try {
    await runMigrations(database);
    const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: url });
    const deps: AppDeps = { config, database, db: database.db, clock: () => new Date() };
    await createAdmin(deps, 'bench_admin', PASSWORD);
    const app = await buildApp(deps, { logger: false, web: false });
    try {
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'bench_admin', password: PASSWORD } });
      const cookie = login.cookies.find((c) => c.name === 'govhall_session');
      if (!cookie) throw new Error(`bench: admin login failed: ${login.body}`);
      const headers = { cookie: `govhall_session=${cookie.value}`, 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken };
      const post = async (url: string, payload: object): Promise<{ id: string }> => {
        const res = await app.inject({ method: 'POST', url, headers, payload });
        if (res.statusCode !== 201) throw new Error(`bench: POST ${url} answered ${res.statusCode}: ${res.body}`);
        return res.json<{ id: string }>();
      };
      const centre = await post('/api/v1/centres', {
        name: '新建区政务服务中心',
        level: 'county',
        divisionCode: '360112',
        address: '江西省南昌市新建区长堎镇长征路 1 号',
        latitude: 28.69,
        longitude: 115.82,
        phones: { consultation: '0791-83771234', appointment: '0791-83771235', complaint: '12345', supervision: '0791-83771236' },
        wifi: { ssid: 'XJ-ZWFW', password: '12345678' },
        serviceHours: DEFAULT_SERVICE_HOURS,
      });
      const zone = await post(`/api/v1/centres/${centre.id}/zones`, { name: '综合受理区', kind: 'counter', floor: '1F' });
      const departments: string[] = [];
      for (const name of ['县市场监督管理局', '县公安局', '县人力资源和社会保障局', '县自然资源局', '县税务局']) {
        departments.push((await post(`/api/v1/centres/${centre.id}/departments`, { name })).id);
      }
      for (let i = 1; i <= COUNTERS; i++) {
        await post(`/api/v1/centres/${centre.id}/counters`, {
          number: String(i),
          name: i <= 20 ? '综合受理' : '专业受理',
          kind: i <= 20 ? 'comprehensive' : 'professional',
          ...(i <= 20 ? {} : { areaName: '企业开办专区' }),
          zoneId: zone.id,
          departmentId: departments[i % departments.length],
        });
      }
      await post('/api/v1/users', {
        username: 'bench_manager',
        displayName: '基准测试中心管理员',
        password: PASSWORD,
        roles: [{ role: 'centre_manager', centreId: centre.id }],
      });
      return centre.id;
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

interface Child {
  readonly process: ChildProcess;
  readonly port: number;
}

async function startChild(script: string, env: NodeJS.ProcessEnv, message?: unknown): Promise<Child> {
  // BENCH_PROFILE=DIR writes a CPU profile of each server to DIR (open it in Chrome DevTools).
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE] : [];
  const child = fork(`${ROOT}bin/run-ts.mjs`, [script], { cwd: ROOT, env, execArgv: profile, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = once(child, 'exit').then(() => {
    throw new Error(`bench: ${script} exited before listening`);
  });
  const next = async () => ((await Promise.race([once(child, 'message'), exited])) as [unknown])[0];
  let reply = await next();
  // A child that needs something first says 'ready' and waits for it.
  if (reply === 'ready') {
    child.send(message as object);
    reply = await next();
  }
  return { process: child, port: (reply as { port: number }).port };
}

async function stopChild(child: Child): Promise<void> {
  if (child.process.exitCode !== null) return;
  const exited = once(child.process, 'exit');
  child.process.send('stop');
  await exited;
}

const median = (values: readonly number[]) => percentile(values, 50);

/**
 * Holds a PostgreSQL advisory lock for the whole run: a second run on the same server
 * waits instead of dropping this run's database and loading the same two cores.
 */
async function lockBenchmark(url: string): Promise<pg.Client> {
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  const { rows } = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [BENCH_LOCK]);
  if (!rows[0]?.ok) {
    console.log('another counters-list benchmark is running on this PostgreSQL server; waiting for it ...');
    await client.query('select pg_advisory_lock($1)', [BENCH_LOCK]);
  }
  return client;
}

export async function benchCountersList(): Promise<BenchResult[]> {
  const url = benchDatabaseUrl();
  const lock = await lockBenchmark(url);
  try {
    return await measure(url);
  } finally {
    await lock.end();
  }
}

async function measure(url: string): Promise<BenchResult[]> {
  await recreateDatabase(url);
  const centreId = await seed(url);
  const path = `/api/v1/centres/${centreId}/counters`;

  const env = { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' };
  const govhall = await startChild('bench/servers/govhall.ts', env);
  let bare: Child | undefined;
  try {
    const login = await fetch(`http://127.0.0.1:${govhall.port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench_manager', password: PASSWORD }),
    });
    const session = /govhall_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0];
    if (login.status !== 200 || !session) throw new Error(`bench: manager login answered ${login.status}`);
    const headers = { cookie: session };

    const real = await fetch(`http://127.0.0.1:${govhall.port}${path}`, { headers });
    const body = await real.text();
    const parsed = JSON.parse(body) as { items: unknown[] };
    if (real.status !== 200 || parsed.items.length !== COUNTERS) throw new Error(`bench: the counters list answered ${real.status} with ${parsed.items?.length} items`);

    bare = await startChild('bench/servers/bare.ts', env, { body: parsed });
    const bareBody = await (await fetch(`http://127.0.0.1:${bare.port}${path}`)).text();
    if (bareBody !== body) throw new Error('bench: the bare route does not answer the same JSON');

    const targets = {
      govhall: { port: govhall.port, headers, pid: govhall.process.pid },
      bare: { port: bare.port, headers: {}, pid: bare.process.pid },
    };
    const run = (name: keyof typeof targets, seconds: number) =>
      load({ port: targets[name].port, path, headers: targets[name].headers, connections: CONNECTIONS, durationMs: seconds * 1000, serverPid: targets[name].pid });

    await run('govhall', WARMUP_SECONDS);
    await run('bare', WARMUP_SECONDS);
    const rounds: { govhall: LoadResult; bare: LoadResult }[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const order: (keyof typeof targets)[] = r % 2 === 0 ? ['govhall', 'bare'] : ['bare', 'govhall'];
      const round: Partial<Record<keyof typeof targets, LoadResult>> = {};
      for (const name of order) round[name] = await run(name, SECONDS);
      rounds.push({ govhall: round.govhall!, bare: round.bare! });
    }
    const failed = rounds.reduce((n, r) => n + r.govhall.errors + r.bare.errors, 0);
    if (failed > 0) throw new Error(`bench: ${failed} answers were not 200`);

    const ratios = rounds.map((r) => (r.govhall.rps / r.bare.rps) * 100);
    const fmt = (n: number) => Math.round(n).toLocaleString('en');
    const cpu = (l: readonly LoadResult[]) => `${fmt(median(l.map((x) => x.serverCpu ?? NaN)))} %`;
    return [
      {
        name: `GET counters list (${COUNTERS}, manager session, PostgreSQL) vs bare Fastify`,
        measured: Math.round(median(ratios) * 10) / 10,
        unit: '% of bare rps',
        limit: LIMIT_PERCENT,
        kind: 'min',
        note:
          `GovHall ${fmt(median(rounds.map((r) => r.govhall.rps)))} req/s, bare ${fmt(median(rounds.map((r) => r.bare.rps)))} req/s (medians); ` +
          `rounds ${ratios.map((x) => `${x.toFixed(1)} %`).join(' / ')}; ${ROUNDS} × ${SECONDS} s each, ${CONNECTIONS} keep-alive connections, ` +
          `${fmt(Buffer.byteLength(body))}-byte body; server CPU GovHall ${cpu(rounds.map((r) => r.govhall))}, bare ${cpu(rounds.map((r) => r.bare))}; ` +
          `load generator CPU ${fmt(median(rounds.flatMap((r) => [r.govhall.clientCpu, r.bare.clientCpu])))} %`,
      },
    ];
  } finally {
    if (bare) await stopChild(bare);
    await stopChild(govhall);
    await dropDatabase(url);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await benchCountersList()) {
    console.log(`${r.name}: ${r.measured} ${r.unit} (limit ${r.limit}, score ${score(r).toFixed(2)}) — ${r.note ?? ''}`);
  }
}
