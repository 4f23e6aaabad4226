/**
 * The public catalogue (issue 3 "Figures"):
 *   - search over 20,000 published items: p99 under 30 ms on PostgreSQL, under 100 ms
 *     on PGlite;
 *   - the public guide read: at least 50 % of a bare Fastify route's throughput for the
 *     same JSON, same run (PostgreSQL).
 *
 * Fixture: one centre with the demo departments and 20,000 items made from the demo
 * items' real guides (name variants, unique codes), imported with the batch import.
 * Publication is written straight into the tables for the benchmark, as the publishing
 * transaction writes it (approved version, search row); the search row of a sample of
 * items is checked against the code's own `searchText` before measuring.
 *
 * Search: REQUESTS sequential requests over one keep-alive connection to a real server
 * process (bench/servers/govhall.ts), a seeded mix of Chinese substrings (common and
 * rare), whole and partial codes, department, type and §8.2 list filters, combinations
 * and later pages. Figure: p99 latency, request to last byte, per engine.
 * Run alone: `node bin/run-ts.mjs bench/catalogue-public.ts`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { formatDate, shanghaiDayAndMinute } from '../src/domain/calendar/dates.ts';
import { DEMO_DEPARTMENTS } from '../src/modules/demo/demo-data.ts';
import { DEMO_ITEMS } from '../src/modules/demo/demo-items.ts';
import { searchText } from '../src/modules/catalogue/item.service.ts';
import { buildItemWorkbook, type ItemRecord } from '../src/modules/catalogue/spreadsheet/export.ts';
import { importItems } from '../src/modules/catalogue/spreadsheet/spreadsheet.service.ts';
import { SYSTEM_ACTOR } from '../src/platform/auth/principal.ts';
import { queryRows } from '../src/platform/db/database.ts';
import type { AppDeps } from '../src/platform/deps.ts';
import { adminApi, benchDatabaseUrl, compareWithBare, dropDatabase, openBenchDatabase, recreateDatabase, seedCentre, startChild, stopChild, withBenchLock, type Child } from './harness.ts';
import { percentile, score, type BenchResult } from './lib.ts';

const ITEMS = 20_000;
const BATCH = 2_000;
const REQUESTS = 1_000;
const SEARCH_LIMITS_MS = { PostgreSQL: 30, PGlite: 100 } as const;
const GUIDE_LIMIT_PERCENT = 50;
const BENCH_LOCK = 2016_2024_04;

/** A small deterministic PRNG (mulberry32): the same request mix every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MAINS = DEMO_ITEMS.filter((i) => i.level === 'main');
const DEPARTMENT_NAMES = new Map(DEMO_DEPARTMENTS.map((d) => [d.key, d.name]));

/** The i-th item: a demo main item's guide under a variant name and a code of its own. */
function record(i: number): ItemRecord {
  const base = MAINS[i % MAINS.length]!;
  const variant = Math.floor(i / MAINS.length);
  const uscc = base.implementationCode.slice(0, 18);
  // Type code, the department's block, then a sequence unique per item.
  const basicCode = `${base.basicCode.slice(0, 4)}${String(i).padStart(8, '0')}`;
  return {
    basicCode,
    implementationCode: `${uscc}4${basicCode}`,
    handlingCode: null,
    itemLevel: 'main',
    parentCode: null,
    level: '4',
    departmentName: DEPARTMENT_NAMES.get(base.department) === base.guide.implementingBody?.name ? null : (DEPARTMENT_NAMES.get(base.department) ?? null),
    guide: {
      ...base.guide,
      name: variant === 0 ? base.guide.name : `${base.guide.name}（第 ${variant + 1} 类）`,
      resultSampleFileId: null,
      materials: base.guide.materials?.map((m) => ({ ...m, blankFormFileId: null, sampleFileId: null })) ?? null,
    },
  };
}

/** The centre and its 20,000 items, imported, then published as the publishing transaction writes it. */
async function seedCatalogue(deps: AppDeps): Promise<string> {
  const api = await adminApi(deps);
  let centreId: string;
  try {
    ({ centreId } = await seedCentre(
      api,
      DEMO_DEPARTMENTS.map((d) => ({ name: d.name, uscc: d.uscc })),
    ));
  } finally {
    await api.close();
  }
  for (let from = 0; from < ITEMS; from += BATCH) {
    const workbook = await buildItemWorkbook(Array.from({ length: BATCH }, (_, k) => record(from + k)));
    const result = await importItems(deps, SYSTEM_ACTOR, centreId, workbook, 'all');
    if (result.imported !== BATCH) throw new Error(`bench: import of rows ${from}… answered ${JSON.stringify(result.issues.slice(0, 3))}`);
  }
  const today = formatDate(shanghaiDayAndMinute(new Date()).epochDay);
  await deps.db.execute(sql`
    update item_versions set status = 'published', submitted_by = 'bench', submitted_at = now(), review_decision = 'approved',
      reviewer = '基准测试', opinion = '同意发布', reviewed_at = now(), effective_on = ${today}, published_at = now()
    where item_id in (select id from items where centre_id = ${centreId})`);
  await deps.db.execute(sql`
    update items i set published_number = 1, published_effective_on = ${today}, published_name = i.name,
      published_type_code = i.type_code,
      published_search = lower(i.name || ' ' || i.basic_code || ' ' || coalesce(i.implementation_code, '') || ' ' || coalesce(i.handling_code, '')),
      published_flags = v.guide -> 'flags'
    from item_versions v where v.item_id = i.id and i.centre_id = ${centreId}`);
  await deps.db.execute(sql`analyze`);
  // The search rows must be what the code itself writes.
  const sample = await queryRows<{ name: string; basic_code: string; implementation_code: string | null; handling_code: string | null; published_search: string }>(
    deps.db,
    sql`select name, basic_code, implementation_code, handling_code, published_search from items where centre_id = ${centreId} order by id limit 200`,
  );
  for (const r of sample) {
    const expected = searchText({ basicCode: r.basic_code, implementationCode: r.implementation_code, handlingCode: r.handling_code }, r.name);
    if (expected !== r.published_search) throw new Error(`bench: search row differs from searchText: ${r.published_search} vs ${expected}`);
  }
  return centreId;
}

/** The seeded request mix: what people type into the portal and the kiosk. */
function searchPaths(centreId: string, departmentIds: readonly string[]): string[] {
  const random = prng(20162024);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const names = MAINS.map((m) => m.guide.name);
  const substring = () => {
    const name = pick(names);
    const length = 2 + Math.floor(random() * 3);
    const at = Math.floor(random() * Math.max(1, name.length - length));
    return name.slice(at, at + length);
  };
  const code = () => record(Math.floor(random() * ITEMS)).implementationCode;
  const lists = ['agencyHelp', 'extendedHours', 'appointment', 'crossProvince', 'notifyCommit', 'toleranceAcceptance', 'selfService24h', 'certificateFree'];
  const types = [...new Set(MAINS.map((m) => m.guide.typeCode))];
  const base = `/api/v1/public/centres/${centreId}/items`;
  const q = (s: string) => encodeURIComponent(s);
  const kinds: (() => string)[] = [
    () => `${base}?q=${q(substring())}`,
    () => `${base}?q=${q(substring())}`,
    () => `${base}?q=${q(`${pick(names)}（第 ${1 + Math.floor(random() * 300)} 类）`)}`,
    () => `${base}?q=${code()}`,
    () => `${base}?q=${code().slice(0, 22)}`,
    () => `${base}?departmentId=${pick(departmentIds)}`,
    () => `${base}?departmentId=${pick(departmentIds)}&q=${q(substring())}`,
    () => `${base}?typeCode=${pick(types)}`,
    () => `${base}?list=${pick(lists)}`,
    () => `${base}?list=${pick(lists)}&q=${q(substring())}`,
    () => `${base}?q=${q(substring())}&offset=${20 * Math.floor(random() * 10)}`,
    () => `${base}?offset=${20 * Math.floor(random() * 50)}`,
  ];
  return Array.from({ length: REQUESTS }, () => pick(kinds)());
}

interface Latencies {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly hits: number;
}

async function measureSearch(server: Child, paths: readonly string[]): Promise<Latencies> {
  const get = async (path: string) => {
    const res = await fetch(`http://127.0.0.1:${server.port}${path}`);
    const body = (await res.json()) as { total?: number };
    if (res.status !== 200) throw new Error(`bench: GET ${path} answered ${res.status}: ${JSON.stringify(body)}`);
    return body.total ?? 0;
  };
  for (const path of paths.slice(0, 100)) await get(path); // warm-up
  const times: number[] = [];
  let hits = 0;
  for (const path of paths) {
    const t0 = performance.now();
    if ((await get(path)) > 0) hits++;
    times.push(performance.now() - t0);
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99), max: Math.max(...times), hits };
}

async function departmentsOf(deps: AppDeps, centreId: string): Promise<string[]> {
  return (await queryRows<{ id: string }>(deps.db, sql`select id from departments where centre_id = ${centreId}`)).map((r) => r.id);
}

function searchResult(engine: keyof typeof SEARCH_LIMITS_MS, l: Latencies): BenchResult {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  return {
    name: `public item search over ${ITEMS.toLocaleString('en')} published items, p99 (${engine})`,
    measured: Math.round(l.p99 * 10) / 10,
    unit: 'ms',
    limit: SEARCH_LIMITS_MS[engine],
    kind: 'max',
    note: `${REQUESTS.toLocaleString('en')} requests of a seeded mix over HTTP, one connection; p50 ${ms(l.p50)}, max ${ms(l.max)}; ${l.hits} of them found something`,
  };
}

export async function benchCataloguePublic(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const url = benchDatabaseUrl('govhall_bench_catalogue');
  await withBenchLock(url, BENCH_LOCK, async () => {
    await recreateDatabase(url);
    try {
      const { database, deps } = await openBenchDatabase({ databaseUrl: url });
      let centreId: string;
      let departmentIds: string[];
      let itemId: string;
      try {
        centreId = await seedCatalogue(deps);
        departmentIds = await departmentsOf(deps, centreId);
        [{ id: itemId }] = (await queryRows<{ id: string }>(deps.db, sql`select id from items where centre_id = ${centreId} order by implementation_code limit 1`)) as [{ id: string }];
      } finally {
        await database.close();
      }
      const env = { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' };
      const server = await startChild('bench/servers/govhall.ts', env);
      try {
        results.push(searchResult('PostgreSQL', await measureSearch(server, searchPaths(centreId, departmentIds))));
        const guide = await compareWithBare({ govhall: server, path: `/api/v1/public/items/${itemId}`, route: '/api/v1/public/items/:id', headers: {}, env });
        results.push({
          name: 'GET public item guide (PostgreSQL) vs bare Fastify',
          measured: guide.percent,
          unit: '% of bare rps',
          limit: GUIDE_LIMIT_PERCENT,
          kind: 'min',
          note: guide.note,
        });
      } finally {
        await stopChild(server);
      }
    } finally {
      await dropDatabase(url);
    }
  });

  const dir = await mkdtemp(join(tmpdir(), 'govhall-bench-catalogue-'));
  try {
    const { database, deps } = await openBenchDatabase({ dataDir: join(dir, 'pglite') });
    let centreId: string;
    let departmentIds: string[];
    try {
      centreId = await seedCatalogue(deps);
      departmentIds = await departmentsOf(deps, centreId);
    } finally {
      await database.close();
    }
    const { DATABASE_URL: _unused, ...rest } = process.env;
    const server = await startChild('bench/servers/govhall.ts', { ...rest, GOVHALL_DATA_DIR: dir, LOG_LEVEL: 'silent' });
    try {
      results.push(searchResult('PGlite', await measureSearch(server, searchPaths(centreId, departmentIds))));
    } finally {
      await stopChild(server);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await benchCataloguePublic()) {
    console.log(`${r.name}: ${r.measured} ${r.unit} (limit ${r.limit} ${r.unit}, score ${score(r).toFixed(2)}) — ${r.note ?? ''}`);
  }
}
