/**
 * Item import (issue 3 "Figures"): build a 5,000-row item workbook with the export's
 * columns (two materials per item on the 申请材料 sheet), then parse and check every
 * cell of it. Limit: importing a 5,000-row .xlsx under 15 s; the measured figure is
 * build + parse (the parse alone, what an upload costs before the database, is noted).
 * Run alone: `node bin/run-ts.mjs bench/catalogue-import.ts`.
 */
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { buildItemWorkbook } from '../src/modules/catalogue/spreadsheet/export.ts';
import { parseItemWorkbook } from '../src/modules/catalogue/spreadsheet/import.ts';
import { sampleRecord } from '../src/modules/catalogue/spreadsheet/test-fixtures.ts';
import { score, type BenchResult } from './lib.ts';

const ROWS = 5000;
const LIMIT_MS = 15_000;

export async function benchCatalogueImport(): Promise<BenchResult[]> {
  const records = Array.from({ length: ROWS }, (_, i) => sampleRecord(i));
  const t0 = performance.now();
  const buffer = await buildItemWorkbook(records);
  const t1 = performance.now();
  const { items, issues } = await parseItemWorkbook(buffer);
  const t2 = performance.now();
  if (items.length !== ROWS || issues.length > 0) {
    throw new Error(`parsed ${items.length} of ${ROWS} items with ${issues.length} issues; the benchmark file should be clean`);
  }
  const parseMs = t2 - t1;
  const buildMs = t1 - t0;
  return [
    {
      name: `build + parse and check a ${ROWS.toLocaleString('en')}-row item .xlsx (no database writes yet)`,
      measured: Math.round(buildMs + parseMs),
      unit: 'ms',
      limit: LIMIT_MS,
      kind: 'max',
      note: `${(buffer.length / 1024 / 1024).toFixed(2)} MB, ${(ROWS * 2).toLocaleString('en')} material rows; build ${Math.round(buildMs)} ms, parse ${Math.round(parseMs)} ms`,
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await benchCatalogueImport()) {
    console.log(`${r.name}: ${r.measured} ${r.unit} (limit ${r.limit} ${r.unit}, score ${score(r).toFixed(2)}) — ${r.note ?? ''}`);
  }
}
