/**
 * The notices of case handling (issue 5 "Figures": a notice PDF, p50 under 200 ms).
 * `renderNotice` as the route calls it (data check, QR code, layout, font subsetting,
 * PDF bytes) on the realistic data of the tests, one A4 page each. After one warm-up
 * render of every kind (pdfmake and the two font files load once per process), 50
 * renders of each kind in turn. Figure: the p50 of the slowest kind; the note has every
 * kind's p50 and p95 and the 1-minute load average.
 * Run alone: `node bin/run-ts.mjs bench/case-notice.ts`.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { NOTICE_KIND_IDS, type NoticeKind } from '../src/modules/cases/notices/notice-data.ts';
import { renderNotice } from '../src/modules/cases/notices/render-notice.ts';
import { NOTICE_FIXTURES } from '../src/modules/cases/notices/test-fixtures.ts';
import { percentile, score, type BenchResult } from './lib.ts';

const RENDERS = 50;
const LIMIT_MS = 200;
const OPTIONS = { publicUrl: 'https://zwfw.example.gov.cn' };

export async function benchCaseNotice(): Promise<BenchResult[]> {
  const loadBefore = loadavg()[0]!;
  let bytes = 0;
  for (const kind of NOTICE_KIND_IDS) bytes += (await renderNotice(kind, NOTICE_FIXTURES[kind], OPTIONS)).length; // warm-up

  const figures: { kind: NoticeKind; p50: number; p95: number }[] = [];
  for (const kind of NOTICE_KIND_IDS) {
    const times: number[] = [];
    for (let i = 0; i < RENDERS; i++) {
      const t0 = performance.now();
      bytes += (await renderNotice(kind, NOTICE_FIXTURES[kind], OPTIONS)).length;
      times.push(performance.now() - t0);
    }
    figures.push({ kind, p50: percentile(times, 50), p95: percentile(times, 95) });
  }
  const worst = figures.reduce((a, b) => (b.p50 > a.p50 ? b : a));
  const round = (ms: number): number => Math.round(ms * 10) / 10;
  const each = figures.map((f) => `${f.kind} ${round(f.p50)}/${round(f.p95)}`).join(', ');
  return [
    {
      name: `Notice PDF render, slowest kind (${worst.kind}), p50 of ${RENDERS}`,
      measured: round(worst.p50),
      unit: 'ms',
      limit: LIMIT_MS,
      kind: 'max',
      note: `p50/p95 ms per kind: ${each}; ${Math.round(bytes / ((RENDERS + 1) * NOTICE_KIND_IDS.length) / 1024)} KiB a PDF; 1-minute load average ${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after`,
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await benchCaseNotice()) {
    console.log(`${r.name}: ${r.measured} ${r.unit} (limit ${r.limit} ${r.unit}, score ${score(r).toFixed(2)}) — ${r.note ?? ''}`);
  }
}
