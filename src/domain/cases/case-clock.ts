/**
 * The due dates a case stores (DB36/T 2016 §8.1.2.4, §8.1.2.5): promised (承诺办结时限)
 * and legal (法定办结时限), counted from acceptance in each item's unit over the centre's
 * working-day calendar, with the clock stops (suspensions) and extensions of the case
 * (deadlines.ts holds the arithmetic).
 *
 * - A plain case: its item's due dates.
 * - A "一件事" bundle case (§8.2.4) is due when its first undecided item is: the
 *   earliest due date among the items still undecided, so the overdue list shows the
 *   bundle as soon as any of its items is late. Once every item is decided it keeps
 *   the latest due date of its items (what "decided on time" is measured against).
 * - While a stop is open the due dates are undefined (null): a suspended case is listed
 *   as suspended, not by due date, and resumption recomputes them.
 * - An extension (延长, with reason and approver) adds its days to both limits: the
 *   applicant is told the new date, and the legal limit is what the approval extends.
 */
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import type { TimeLimit } from '../catalogue/guide.ts';
import type { CaseState } from './case-states.ts';
import { dueAtOrNull, type ClockStop, type Extension } from './deadlines.ts';

export interface CaseDueDates {
  readonly promisedDueAt: Date | null;
  readonly legalDueAt: Date | null;
}

type ClockState = Pick<CaseState, 'acceptedAt' | 'items' | 'stops' | 'extensions'>;

function itemDue(calendar: WorkingCalendar, state: ClockState, limit: TimeLimit | null): Date | null {
  if (!state.acceptedAt || !limit) return null;
  const stops: ClockStop[] = state.stops.map((s) => ({ from: s.from, to: s.to }));
  const extensions: Extension[] = state.extensions.map((e) => ({ days: e.days }));
  return dueAtOrNull(calendar, state.acceptedAt, limit, stops, extensions);
}

function pick(dates: readonly (Date | null)[], which: 'min' | 'max'): Date | null {
  if (dates.length === 0 || dates.some((d) => d === null)) return null;
  const ms = (dates as Date[]).map((d) => d.getTime());
  return new Date(which === 'min' ? Math.min(...ms) : Math.max(...ms));
}

/** The due dates to store for the case now (see the rules above); null before acceptance or while suspended. */
export function caseDueDates(calendar: WorkingCalendar, state: ClockState): CaseDueDates {
  if (!state.acceptedAt) return { promisedDueAt: null, legalDueAt: null };
  const undecided = state.items.filter((i) => i.decision === null);
  const items = undecided.length > 0 ? undecided : state.items;
  const which = undecided.length > 0 ? 'min' : 'max';
  return {
    promisedDueAt: pick(items.map((i) => itemDue(calendar, state, i.promisedLimit)), which),
    legalDueAt: pick(items.map((i) => itemDue(calendar, state, i.legalLimit)), which),
  };
}
