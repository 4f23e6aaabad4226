/**
 * Shared shape of benchmark results. Every figure is compared against the limit the
 * issue names, in the same run, as a score: score >= 1 passes.
 *   - kind 'max' (e.g. "under 1 s"):      score = limit / measured
 *   - kind 'min' (e.g. "at least 40 %"):  score = measured / limit
 */
export interface BenchResult {
  /** What was measured, e.g. "addWorkingDays × 1,000,000". */
  readonly name: string;
  readonly measured: number;
  readonly unit: string;
  readonly limit: number;
  readonly kind: 'max' | 'min';
  /** Supporting figures (e.g. both throughputs of a ratio). */
  readonly note?: string;
}

export function score(r: BenchResult): number {
  return r.kind === 'max' ? r.limit / r.measured : r.measured / r.limit;
}

export function passes(r: BenchResult): boolean {
  return score(r) >= 1;
}

/** p-th percentile (0–100) of a list of numbers. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}
