/**
 * What the database-backed benchmarks share: a throw-away PostgreSQL database (or an
 * embedded one in a temporary folder), an advisory lock so that two runs do not load
 * the same cores at once, an API client over `app.inject()` for seeding, the server
 * child processes, and the "GovHall vs bare Fastify, same JSON" throughput comparison.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { DEFAULT_SERVICE_HOURS } from '../src/domain/organisation/centre-rules.ts';
import { createAdmin } from '../src/modules/accounts/admin.service.ts';
import type { App } from '../src/platform/http/app-type.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase, runMigrations, type Database } from '../src/platform/db/database.ts';
import type { AppDeps } from '../src/platform/deps.ts';
import { percentile } from './lib.ts';
import { load, type LoadResult } from './load.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const PASSWORD = 'Bench-password-2025';
export const median = (values: readonly number[]) => percentile(values, 50);

/** The benchmark's own PostgreSQL database: BENCH_DATABASE_URL's server, `name` as the database. */
export function benchDatabaseUrl(name = 'govhall_bench'): string {
  const url = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/govhall_bench');
  url.pathname = `/${name}`;
  return url.toString();
}

async function maintenance<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const target = new URL(url);
  target.pathname = '/postgres';
  const client = new pg.Client({ connectionString: target.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`unexpected benchmark database name: ${name}`);
  return name;
}

/** Drops and creates the benchmark database through the server's maintenance database. */
export async function recreateDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  await maintenance(url, async (c) => {
    await c.query(`drop database if exists "${name}" with (force)`);
    await c.query(`create database "${name}"`);
  });
}

export async function dropDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  await maintenance(url, (c) => c.query(`drop database if exists "${name}" with (force)`));
}

/**
 * Holds a PostgreSQL advisory lock for the whole run: a second run on the same server
 * waits instead of dropping this run's database and loading the same two cores.
 */
export async function withBenchLock<T>(url: string, key: number, work: () => Promise<T>): Promise<T> {
  const target = new URL(url);
  target.pathname = '/postgres';
  const client = new pg.Client({ connectionString: target.toString() });
  await client.connect();
  try {
    const { rows } = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [key]);
    if (!rows[0]?.ok) {
      console.log('another run of this benchmark holds the PostgreSQL server; waiting for it ...');
      await client.query('select pg_advisory_lock($1)', [key]);
    }
    return await work();
  } finally {
    await client.end();
  }
}

/** Opens a database (PostgreSQL URL or an embedded data folder) and applies the migrations. */
export async function openBenchDatabase(target: { databaseUrl: string } | { dataDir: string }): Promise<{ database: Database; deps: AppDeps }> {
  const database = 'databaseUrl' in target ? await openDatabase({ databaseUrl: target.databaseUrl, poolSize: 2 }) : await openDatabase({ dataDir: target.dataDir });
  await runMigrations(database);
  const env = 'databaseUrl' in target ? { DATABASE_URL: target.databaseUrl } : { GOVHALL_DATA_DIR: target.dataDir };
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  return { database, deps: { config, database, db: database.db, clock: () => new Date() } };
}

export interface BenchApi {
  readonly app: App;
  readonly headers: Record<string, string>;
  post<T = { id: string }>(url: string, payload: object, expected?: number): Promise<T>;
  close(): Promise<void>;
}

/** The app over `deps` with an administrator signed in: seeding goes through the API like a user's would. */
export async function adminApi(deps: AppDeps, username = 'bench_admin'): Promise<BenchApi> {
  await createAdmin(deps, username, PASSWORD);
  const app = await buildApp(deps, { logger: false, web: false });
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD } });
  const cookie = login.cookies.find((c) => c.name === 'govhall_session');
  if (!cookie) throw new Error(`bench: admin login failed: ${login.body}`);
  const headers = { cookie: `govhall_session=${cookie.value}`, 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken };
  return {
    app,
    headers,
    async post<T>(url: string, payload: object, expected = 201): Promise<T> {
      const res = await app.inject({ method: 'POST', url, headers, payload });
      if (res.statusCode !== expected) throw new Error(`bench: POST ${url} answered ${res.statusCode}: ${res.body}`);
      return res.json<T>();
    },
    close: () => app.close(),
  };
}

/** A county centre with one counter zone and the named departments; returns their ids. */
export async function seedCentre(api: BenchApi, departments: readonly { name: string; uscc?: string }[]): Promise<{ centreId: string; zoneId: string; departmentIds: string[] }> {
  const centre = await api.post('/api/v1/centres', {
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
  const zone = await api.post(`/api/v1/centres/${centre.id}/zones`, { name: '综合受理区', kind: 'counter', floor: '1F' });
  const departmentIds: string[] = [];
  for (const d of departments) departmentIds.push((await api.post(`/api/v1/centres/${centre.id}/departments`, d)).id);
  return { centreId: centre.id, zoneId: zone.id, departmentIds };
}

export interface Child {
  readonly process: ChildProcess;
  readonly port: number;
}

export async function startChild(script: string, env: NodeJS.ProcessEnv, message?: unknown): Promise<Child> {
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

export async function stopChild(child: Child): Promise<void> {
  if (child.process.exitCode !== null) return;
  const exited = once(child.process, 'exit');
  child.process.send('stop');
  await exited;
}

export interface Comparison {
  /** Median of the per-round ratios GovHall / bare, in percent. */
  readonly percent: number;
  readonly note: string;
}

/**
 * Throughput of one GovHall route against a bare Fastify route (bench/servers/bare.ts)
 * answering the same JSON on the same path: a warm-up each, then `rounds` rounds of
 * `seconds` each with the order swapped every round; the figure is the median ratio.
 */
export async function compareWithBare(options: {
  readonly govhall: Child;
  readonly path: string;
  readonly route: string;
  readonly headers: Record<string, string>;
  readonly env: NodeJS.ProcessEnv;
  readonly rounds?: number;
  readonly seconds?: number;
  readonly connections?: number;
}): Promise<Comparison> {
  const { govhall, path, headers, env } = options;
  const rounds = options.rounds ?? 3;
  const seconds = options.seconds ?? 5;
  const connections = options.connections ?? 10;
  const real = await fetch(`http://127.0.0.1:${govhall.port}${path}`, { headers });
  const body = await real.text();
  if (real.status !== 200) throw new Error(`bench: GET ${path} answered ${real.status}: ${body.slice(0, 200)}`);
  const bare = await startChild('bench/servers/bare.ts', env, { body: JSON.parse(body) as unknown, route: options.route });
  try {
    const bareBody = await (await fetch(`http://127.0.0.1:${bare.port}${path}`)).text();
    if (bareBody !== body) throw new Error('bench: the bare route does not answer the same JSON');
    const targets = {
      govhall: { port: govhall.port, headers, pid: govhall.process.pid },
      bare: { port: bare.port, headers: {}, pid: bare.process.pid },
    };
    const run = (name: keyof typeof targets, s: number) =>
      load({ port: targets[name].port, path, headers: targets[name].headers, connections, durationMs: s * 1000, serverPid: targets[name].pid });
    await run('govhall', 2);
    await run('bare', 2);
    const results: { govhall: LoadResult; bare: LoadResult }[] = [];
    for (let r = 0; r < rounds; r++) {
      const order: (keyof typeof targets)[] = r % 2 === 0 ? ['govhall', 'bare'] : ['bare', 'govhall'];
      const round: Partial<Record<keyof typeof targets, LoadResult>> = {};
      for (const name of order) round[name] = await run(name, seconds);
      results.push({ govhall: round.govhall!, bare: round.bare! });
    }
    const failed = results.reduce((n, r) => n + r.govhall.errors + r.bare.errors, 0);
    if (failed > 0) throw new Error(`bench: ${failed} answers were not 200`);
    const ratios = results.map((r) => (r.govhall.rps / r.bare.rps) * 100);
    const fmt = (n: number) => Math.round(n).toLocaleString('en');
    const cpu = (l: readonly LoadResult[]) => `${fmt(median(l.map((x) => x.serverCpu ?? NaN)))} %`;
    return {
      percent: Math.round(median(ratios) * 10) / 10,
      note:
        `GovHall ${fmt(median(results.map((r) => r.govhall.rps)))} req/s, bare ${fmt(median(results.map((r) => r.bare.rps)))} req/s (medians); ` +
        `rounds ${ratios.map((x) => `${x.toFixed(1)} %`).join(' / ')}; ${rounds} × ${seconds} s each, ${connections} keep-alive connections, ` +
        `${fmt(Buffer.byteLength(body))}-byte body; server CPU GovHall ${cpu(results.map((r) => r.govhall))}, bare ${cpu(results.map((r) => r.bare))}; ` +
        `load generator CPU ${fmt(median(results.flatMap((r) => [r.govhall.clientCpu, r.bare.clientCpu])))} %`,
    };
  } finally {
    await stopChild(bare);
  }
}
