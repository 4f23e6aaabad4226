/**
 * Item import (issue 3 "Figures": importing a 5,000-row .xlsx under 15 s).
 *
 * A 5,000-row item workbook with the export's columns (two materials per item on the
 * 申请材料 sheet) is built once; then, on the embedded database (PGlite, the default) and
 * on PostgreSQL, a fresh centre receives it through `POST /api/v1/centres/{id}/items/import`
 * (`app.inject()`: parse, every check, the writes and their audit records). The figure is
 * the slower engine's time from request to answer; the check afterwards counts the rows.
 * Run alone: `node bin/run-ts.mjs bench/catalogue-import.ts`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/platform/db/database.ts';
import { buildItemWorkbook } from '../src/modules/catalogue/spreadsheet/export.ts';
import { FIXTURE_USCC, sampleRecord } from '../src/modules/catalogue/spreadsheet/test-fixtures.ts';
import { adminApi, benchDatabaseUrl, dropDatabase, openBenchDatabase, recreateDatabase, seedCentre, withBenchLock } from './harness.ts';
import { score, type BenchResult } from './lib.ts';

const ROWS = 5000;
const LIMIT_MS = 15_000;
const BENCH_LOCK = 2016_2024_03;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Timing {
  readonly engine: string;
  readonly ms: number;
}

async function importOnce(engine: string, target: { databaseUrl: string } | { dataDir: string }, workbook: Buffer): Promise<Timing> {
  const { database, deps } = await openBenchDatabase(target);
  try {
    const api = await adminApi(deps);
    try {
      // The implementing body of the sample records is a department of the centre.
      const { centreId } = await seedCentre(api, [{ name: '某市市场监督管理局', uscc: FIXTURE_USCC }]);
      const t0 = performance.now();
      const res = await api.app.inject({
        method: 'POST',
        url: `/api/v1/centres/${centreId}/items/import`,
        headers: { ...api.headers, 'content-type': XLSX },
        payload: workbook,
      });
      const ms = performance.now() - t0;
      const body = res.json<{ imported: number; issues: unknown[] }>();
      if (res.statusCode !== 200 || body.imported !== ROWS) throw new Error(`bench: the import answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
      const [counted] = await queryRows<{ items: number; versions: number; audits: number }>(
        deps.db,
        sql`select (select count(*)::int from items) as items, (select count(*)::int from item_versions) as versions,
                   (select count(*)::int from audit_log where entity = 'item' and action = 'import') as audits`,
      );
      if (counted?.items !== ROWS || counted.versions !== ROWS || counted.audits !== ROWS) throw new Error(`bench: after the import the database holds ${JSON.stringify(counted)}`);
      return { engine, ms };
    } finally {
      await api.close();
    }
  } finally {
    await database.close();
  }
}

export async function benchCatalogueImport(): Promise<BenchResult[]> {
  const t0 = performance.now();
  const workbook = await buildItemWorkbook(Array.from({ length: ROWS }, (_, i) => sampleRecord(i)));
  const buildMs = performance.now() - t0;

  const dataDir = await mkdtemp(join(tmpdir(), 'govhall-bench-import-'));
  const timings: Timing[] = [];
  try {
    timings.push(await importOnce('PGlite', { dataDir }, workbook));
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  const url = benchDatabaseUrl('govhall_bench_import');
  timings.push(
    await withBenchLock(url, BENCH_LOCK, async () => {
      await recreateDatabase(url);
      try {
        return await importOnce('PostgreSQL', { databaseUrl: url }, workbook);
      } finally {
        await dropDatabase(url);
      }
    }),
  );
  const slowest = timings.reduce((a, b) => (b.ms > a.ms ? b : a));
  return [
    {
      name: `import a ${ROWS.toLocaleString('en')}-row item .xlsx through the API (slower engine)`,
      measured: Math.round(slowest.ms),
      unit: 'ms',
      limit: LIMIT_MS,
      kind: 'max',
      note:
        `${(workbook.length / 1024 / 1024).toFixed(2)} MB, ${(ROWS * 2).toLocaleString('en')} material rows; ` +
        `${timings.map((t) => `${t.engine} ${Math.round(t.ms).toLocaleString('en')} ms`).join(', ')} (parse, checks, ${ROWS.toLocaleString('en')} items + versions + audit records); ` +
        `building the file took ${Math.round(buildMs).toLocaleString('en')} ms (not counted)`,
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await benchCatalogueImport()) {
    console.log(`${r.name}: ${r.measured} ${r.unit} (limit ${r.limit} ${r.unit}, score ${score(r).toFixed(2)}) — ${r.note ?? ''}`);
  }
}
