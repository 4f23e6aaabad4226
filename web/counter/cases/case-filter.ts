/** The ranges of 今日办件: opened today (the centre's day), still to be dealt with, or all. */
import { shanghaiDay } from './case-format.ts';
import type { CaseSummary } from './types.ts';

export type CaseFilter = 'today' | 'open' | 'all';

const CLOSED = new Set(['archived', 'refused', 'withdrawn']);

/** The rows a filter shows: opened today; still to be dealt with (not archived, refused or withdrawn); all. */
export function filterCases(rows: readonly CaseSummary[], filter: CaseFilter, now: Date): CaseSummary[] {
  const today = shanghaiDay(now);
  switch (filter) {
    case 'today':
      return rows.filter((r) => shanghaiDay(r.openedAt) === today);
    case 'open':
      return rows.filter((r) => !CLOSED.has(r.status));
    case 'all':
      return [...rows];
  }
}
