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
import { pathToFileURL } from 'node:url';
import { score, type BenchResult } from './lib.ts';
import { adminApi, benchDatabaseUrl, compareWithBare, dropDatabase, openBenchDatabase, PASSWORD, recreateDatabase, seedCentre, startChild, stopChild, withBenchLock } from './harness.ts';

const COUNTERS = 100;
const ROUNDS = 3;
const SECONDS = 5;
const CONNECTIONS = 10;
const LIMIT_PERCENT = 40;
const BENCH_LOCK = 2016_2024_01;

/** One centre with 100 counters and a centre manager, all through the API; returns the centre id. */
async function seed(url: string): Promise<string> {
  const { database, deps } = await openBenchDatabase({ databaseUrl: url });
  try {
    const api = await adminApi(deps);
    try {
      const { centreId, zoneId, departmentIds } = await seedCentre(
        api,
        ['县市场监督管理局', '县公安局', '县人力资源和社会保障局', '县自然资源局', '县税务局'].map((name) => ({ name })),
      );
      for (let i = 1; i <= COUNTERS; i++) {
        await api.post(`/api/v1/centres/${centreId}/counters`, {
          number: String(i),
          name: i <= 20 ? '综合受理' : '专业受理',
          kind: i <= 20 ? 'comprehensive' : 'professional',
          ...(i <= 20 ? {} : { areaName: '企业开办专区' }),
          zoneId,
          departmentId: departmentIds[i % departmentIds.length],
        });
      }
      await api.post('/api/v1/users', {
        username: 'bench_manager',
        displayName: '基准测试中心管理员',
        password: PASSWORD,
        roles: [{ role: 'centre_manager', centreId }],
      });
      return centreId;
    } finally {
      await api.close();
    }
  } finally {
    await database.close();
  }
}

export async function benchCountersList(): Promise<BenchResult[]> {
  const url = benchDatabaseUrl();
  return withBenchLock(url, BENCH_LOCK, () => measure(url));
}

async function measure(url: string): Promise<BenchResult[]> {
  await recreateDatabase(url);
  const centreId = await seed(url);
  const path = `/api/v1/centres/${centreId}/counters`;
  const env = { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' };
  const govhall = await startChild('bench/servers/govhall.ts', env);
  try {
    const login = await fetch(`http://127.0.0.1:${govhall.port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench_manager', password: PASSWORD }),
    });
    const session = /govhall_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0];
    if (login.status !== 200 || !session) throw new Error(`bench: manager login answered ${login.status}`);
    const headers = { cookie: session };
    const listed = (await (await fetch(`http://127.0.0.1:${govhall.port}${path}`, { headers })).json()) as { items: unknown[] };
    if (listed.items?.length !== COUNTERS) throw new Error(`bench: the counters list has ${listed.items?.length} items`);
    const result = await compareWithBare({ govhall, path, route: '/api/v1/centres/:centreId/counters', headers, env, rounds: ROUNDS, seconds: SECONDS, connections: CONNECTIONS });
    return [
      {
        name: `GET counters list (${COUNTERS}, manager session, PostgreSQL) vs bare Fastify`,
        measured: result.percent,
        unit: '% of bare rps',
        limit: LIMIT_PERCENT,
        kind: 'min',
        note: result.note,
      },
    ];
  } finally {
    await stopChild(govhall);
    await dropDatabase(url);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await benchCountersList()) {
    console.log(`${r.name}: ${r.measured} ${r.unit} (limit ${r.limit}, score ${score(r).toFixed(2)}) — ${r.note ?? ''}`);
  }
}
