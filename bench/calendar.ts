/**
 * Working-day arithmetic: one million `addWorkingDays` calls over the shipped
 * 2024–2026 arrangements, with varied start dates (every day of 2024 to
 * September 2026, weekends and holidays included) and n from 1 to 60.
 * Limit: well under 1 s on a 2-core machine.
 * Run alone: `node bin/run-ts.mjs bench/calendar.ts`.
 */
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { formatDate, parseDate } from '../src/domain/calendar/dates.ts';
import { SHIPPED_YEARS } from '../src/domain/calendar/shipped.ts';
import { WorkingCalendar } from '../src/domain/calendar/working-calendar.ts';
import { score, type BenchResult } from './lib.ts';

const CALLS = 1_000_000;
const LIMIT_MS = 1000;

export async function benchCalendar(): Promise<BenchResult[]> {
  const calendar = new WorkingCalendar(SHIPPED_YEARS);
  // Start dates up to 2026-09-30 so that 60 working days always stay inside 2026.
  const starts: string[] = [];
  for (let d = parseDate('2024-01-01'); d <= parseDate('2026-09-30'); d++) starts.push(formatDate(d));
  const inputs = Array.from({ length: 4096 }, (_, i) => ({ from: starts[(i * 7919) % starts.length]!, n: 1 + ((i * 31) % 60) }));

  const run = () => {
    let check = 0;
    for (let i = 0; i < CALLS; i++) {
      const input = inputs[i & 4095]!;
      check += calendar.addWorkingDays(input.from, input.n).charCodeAt(9);
    }
    return check;
  };
  run(); // warm-up: let the JIT compile the hot path before measuring
  const t0 = performance.now();
  const check = run();
  const ms = performance.now() - t0;

  return [
    {
      name: 'addWorkingDays × 1,000,000',
      measured: Math.round(ms * 10) / 10,
      unit: 'ms',
      limit: LIMIT_MS,
      kind: 'max',
      note: `${Math.round(CALLS / (ms / 1000)).toLocaleString('en')} calls/s; ${inputs.length} varied inputs, n 1–60 (checksum ${check})`,
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await benchCalendar()) {
    console.log(`${r.name}: ${r.measured} ${r.unit} (limit ${r.limit} ${r.unit}, score ${score(r).toFixed(2)}) — ${r.note ?? ''}`);
  }
}
