/** DB36/T 2016 §8.1.2.4, §8.1.2.5: the due dates a case stores, over the shipped working-day calendar. */
import { describe, expect, it } from 'vitest';
import { SHIPPED_YEARS } from '../calendar/shipped.ts';
import { WorkingCalendar } from '../calendar/working-calendar.ts';
import { caseDueDates } from './case-clock.ts';
import type { CaseItemState, CaseState } from './case-states.ts';

const calendar = new WorkingCalendar(SHIPPED_YEARS);
const at = (text: string) => new Date(`${text.replace(' ', 'T')}+08:00`);
const endOf = (date: string) => at(`${date} 23:59:59.999`);

const item = (itemId: string, promised: number, legal: number, decision: CaseItemState['decision'] = null): CaseItemState => ({
  itemId,
  promisedLimit: { value: promised, unit: 'working_day' },
  legalLimit: { value: legal, unit: 'working_day' },
  decision,
  decidedAt: decision ? at('2025-03-05 10:00') : null,
  reasons: null,
});

const state = (o: Partial<Pick<CaseState, 'acceptedAt' | 'items' | 'stops' | 'extensions'>> = {}) => ({
  acceptedAt: at('2025-03-03 10:00'),
  items: [item('a', 5, 20)],
  stops: [],
  extensions: [],
  ...o,
});

describe('case due dates', () => {
  it('promised and legal from acceptance in working days (Mon 03-03 + 5 = Mon 03-10; + 20 = Mon 03-31)', () => {
    expect(caseDueDates(calendar, state())).toEqual({ promisedDueAt: endOf('2025-03-10'), legalDueAt: endOf('2025-03-31') });
  });

  it('none before acceptance; none while suspended (listed as suspended), recomputed when resumed', () => {
    expect(caseDueDates(calendar, state({ acceptedAt: null }))).toEqual({ promisedDueAt: null, legalDueAt: null });
    const stop = { from: at('2025-03-04 09:00'), to: null, kind: 'hearing' as const, reason: 'r', approver: 'a' };
    expect(caseDueDates(calendar, state({ stops: [stop] }))).toEqual({ promisedDueAt: null, legalDueAt: null });
    // Suspended Tue 09:00 to Thu 09:00: Tue and Wed are not counted.
    const resumed = caseDueDates(calendar, state({ stops: [{ ...stop, to: at('2025-03-06 09:00') }] }));
    expect(resumed.promisedDueAt).toEqual(endOf('2025-03-12'));
  });

  it('an extension moves both dates by its days', () => {
    const r = caseDueDates(calendar, state({ extensions: [{ days: 10, reason: 'r', approver: 'a', at: at('2025-03-05 10:00') }] }));
    expect(r).toEqual({ promisedDueAt: endOf('2025-03-24'), legalDueAt: endOf('2025-04-15') });
  });

  it('§8.2.4 a bundle is due with its earliest undecided item; decided, with its latest', () => {
    const items = [item('a', 5, 20), item('b', 3, 10)];
    expect(caseDueDates(calendar, state({ items }))).toEqual({ promisedDueAt: endOf('2025-03-06'), legalDueAt: endOf('2025-03-17') });
    const bDecided = [item('a', 5, 20), item('b', 3, 10, 'approve')];
    expect(caseDueDates(calendar, state({ items: bDecided })).promisedDueAt).toEqual(endOf('2025-03-10'));
    const all = [item('a', 5, 20, 'approve'), item('b', 3, 10, 'reject')];
    expect(caseDueDates(calendar, state({ items: all }))).toEqual({ promisedDueAt: endOf('2025-03-10'), legalDueAt: endOf('2025-03-31') });
  });

  it('counts over the national holidays (Labour Day 2025: accepted Tue 04-29: 04-30, then 05-06 … 05-09 → Fri 05-09)', () => {
    expect(caseDueDates(calendar, state({ acceptedAt: at('2025-04-29 15:00') })).promisedDueAt).toEqual(endOf('2025-05-09'));
  });
});
