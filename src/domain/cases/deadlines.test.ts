/**
 * Case deadlines (DB36/T 2016 §7.3.3.3 法定/承诺办结时限, §8.1.2.4 办理, §8.1.2.5 承诺期限内):
 * counted in the item's unit from acceptance, suspended by stops, moved by extensions,
 * with warnings and the overdue state. Worked by hand against the State Council
 * arrangements shipped in src/domain/calendar/data, then checked against a day-by-day
 * reading of the rules with a seeded random.
 */
import { describe, expect, it } from 'vitest';
import { formatDate, tryParseDate } from '../calendar/dates.ts';
import { SHIPPED_YEARS } from '../calendar/shipped.ts';
import { WorkingCalendar } from '../calendar/working-calendar.ts';
import type { TimeLimit } from '../catalogue/guide.ts';
import { randomInt, seededRandom } from '../queue/random.ts';
import type { AppError } from '../shared/errors.ts';
import {
  type ClockStop,
  deadlineState,
  dueAt,
  dueAtOrNull,
  endOfShanghaiDay,
  type Extension,
  isSuspended,
  remainingText,
  remainingWorkingDays,
  shanghaiDay,
} from './deadlines.ts';

const calendar = new WorkingCalendar(SHIPPED_YEARS);

/** An Asia/Shanghai wall-clock instant, `YYYY-MM-DD HH:MM[:SS.mmm]`. */
function at(text: string): Date {
  const d = new Date(`${text.replace(' ', 'T')}+08:00`);
  if (Number.isNaN(d.getTime())) throw new Error(`bad test instant ${text}`);
  return d;
}

/** 23:59:59.999 Asia/Shanghai of a date: when a day-counted case falls due. */
function endOf(date: string): Date {
  return at(`${date} 23:59:59.999`);
}

const wd = (value: number): TimeLimit => ({ value, unit: 'working_day' });
const cd = (value: number): TimeLimit => ({ value, unit: 'calendar_day' });
const hours = (value: number): TimeLimit => ({ value, unit: 'hour' });
const stop = (from: string, to: string | null): ClockStop => ({ from: at(from), to: to === null ? null : at(to) });
const ext = (...days: number[]): Extension[] => days.map((d) => ({ days: d }));

function due(start: string, limit: TimeLimit, stops: ClockStop[] = [], extensions: Extension[] = [], now?: string): Date {
  return dueAt(calendar, at(start), limit, stops, extensions, now === undefined ? undefined : at(now));
}

function error(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected an error');
}

describe('helpers', () => {
  it('end a Shanghai day at 23:59:59.999 and read the Shanghai day of an instant', () => {
    const day = tryParseDate('2025-03-10');
    expect(endOfShanghaiDay(day).toISOString()).toBe('2025-03-10T15:59:59.999Z');
    expect(shanghaiDay(at('2025-03-10 00:00'))).toBe(day);
    expect(shanghaiDay(at('2025-03-10 23:59:59.999'))).toBe(day);
    expect(shanghaiDay(at('2025-03-11 00:00'))).toBe(day + 1);
  });

  it('tell a suspended case by its open stop', () => {
    expect(isSuspended([])).toBe(false);
    expect(isSuspended([stop('2025-03-04 10:00', '2025-03-05 10:00')])).toBe(false);
    expect(isSuspended([stop('2025-03-04 10:00', '2025-03-05 10:00'), stop('2025-03-06 10:00', null)])).toBe(true);
  });
});

describe('working-day limits (行政许可法 §82; the acceptance day never counts, 民法典 §201)', () => {
  it('§8.1.2.5 due at the end of the N-th working day after an ordinary Monday', () => {
    expect(due('2025-03-03 09:00', wd(5))).toEqual(endOf('2025-03-10'));
    expect(due('2025-03-03 09:00', wd(1))).toEqual(endOf('2025-03-04'));
  });

  it('an acceptance on a Friday evening starts counting on the next working day', () => {
    expect(due('2025-03-07 18:30', wd(1))).toEqual(endOf('2025-03-10'));
    expect(due('2025-03-07 23:59:59.999', wd(1))).toEqual(endOf('2025-03-10'));
    // One millisecond later it is Saturday; the next working day is still Monday, so the count is the same.
    expect(due('2025-03-08 00:00', wd(1))).toEqual(endOf('2025-03-10'));
  });

  it('crosses the 2025 Spring Festival with its make-up Sunday and Saturday', () => {
    // Fri 01-24 evening: 01-26 Sun make-up 1, 01-27 2, off 01-28..02-04, 02-05 3, 02-06 4, 02-07 5.
    expect(due('2025-01-24 18:30', wd(5))).toEqual(endOf('2025-02-07'));
    // … 02-08 Sat make-up 6, 02-10..14 (11), 02-17..21 (16), 02-24..27 (20).
    expect(due('2025-01-24 18:30', wd(20))).toEqual(endOf('2025-02-27'));
  });

  it('crosses the 2026 Spring Festival (make-up Saturdays 02-14 and 02-28)', () => {
    // Fri 02-13: 02-14 Sat make-up 1, off 02-15..23, 02-24 2.
    expect(due('2026-02-13 10:00', wd(2))).toEqual(endOf('2026-02-24'));
    // 02-24..27 (5), 02-28 Sat make-up 6.
    expect(due('2026-02-13 10:00', wd(6))).toEqual(endOf('2026-02-28'));
  });

  it('crosses National Day 2025 and 2026', () => {
    // Fri 2025-09-26: 09-28 Sun make-up 1, 09-29 2, 09-30 3, off 10-01..08, 10-09 4, 10-10 5, 10-11 Sat make-up 6.
    expect(due('2025-09-26 16:00', wd(6))).toEqual(endOf('2025-10-11'));
    // Wed 2026-09-30: off 10-01..07, 10-08 1, 10-09 2, 10-10 Sat make-up 3.
    expect(due('2026-09-30 16:00', wd(3))).toEqual(endOf('2026-10-10'));
  });

  it('an acceptance on a holiday counts from the first working day back', () => {
    // 2025-10-03 is inside National Day: 10-09 1, 10-10 2, 10-11 Sat make-up 3.
    expect(due('2025-10-03 10:00', wd(3))).toEqual(endOf('2025-10-11'));
  });

  it('an acceptance on a make-up working day does not count that day', () => {
    expect(due('2025-02-08 09:00', wd(1))).toEqual(endOf('2025-02-10'));
    // Sun 2025-09-28 (make-up): 09-29 1, 09-30 2, 10-09 3.
    expect(due('2025-09-28 09:00', wd(3))).toEqual(endOf('2025-10-09'));
  });

  it('即办件: 0 working days is due at the end of the acceptance day, even a Saturday of §8.1.3.5 c', () => {
    expect(due('2025-03-07 17:50', wd(0))).toEqual(endOf('2025-03-07'));
    expect(due('2025-03-08 10:00', wd(0))).toEqual(endOf('2025-03-08'));
  });

  it("counts the centre's closed days as days off", () => {
    const centre = calendar.withClosedDays([{ date: '2025-03-05', reason: '中心搬迁' }]);
    expect(dueAt(centre, at('2025-03-03 09:00'), wd(5), [], [])).toEqual(endOf('2025-03-11'));
  });

  it('agrees with addWorkingDays for every start day of 2024–2026 (property)', () => {
    const rand = seededRandom(20250303);
    const mismatches: string[] = [];
    for (let day = tryParseDate('2024-01-01'); day <= tryParseDate('2026-09-30'); day++) {
      const n = randomInt(rand, 0, 40);
      const minute = randomInt(rand, 0, 24 * 60 - 1);
      const start = new Date(endOfShanghaiDay(day - 1).getTime() + 1 + minute * 60_000);
      const expected = endOf(calendar.addWorkingDays(formatDate(day), n));
      if (dueAt(calendar, start, wd(n), [], []).getTime() !== expected.getTime()) mismatches.push(`${formatDate(day)}+${n}`);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('calendar-day limits (民法典 §203: a last day off moves to the next working day)', () => {
  it('counts every day after the acceptance day', () => {
    expect(due('2025-03-03 09:00', cd(10))).toEqual(endOf('2025-03-13'));
    expect(due('2025-03-03 09:00', cd(1))).toEqual(endOf('2025-03-04'));
  });

  it('a last day on a weekend or a holiday ends with the next working day', () => {
    expect(due('2025-03-03 09:00', cd(5))).toEqual(endOf('2025-03-10')); // Sat 03-08 → Mon
    expect(due('2025-01-20 09:00', cd(10))).toEqual(endOf('2025-02-05')); // 01-30 Spring Festival → 02-05
    expect(due('2025-09-21 09:00', cd(12))).toEqual(endOf('2025-10-09')); // 10-03 National Day → 10-09
  });

  it('a last day on a make-up working day stays', () => {
    expect(due('2025-02-03 09:00', cd(5))).toEqual(endOf('2025-02-08'));
  });

  it('0 calendar days is the acceptance day itself, even a Saturday', () => {
    expect(due('2025-03-08 10:00', cd(0))).toEqual(endOf('2025-03-08'));
  });
});

describe('hour limits (elapsed hours from acceptance, 民法典 §201 second paragraph)', () => {
  it('run across midnight, nights and holidays included', () => {
    expect(due('2025-03-03 22:00', hours(4))).toEqual(at('2025-03-04 02:00'));
    expect(due('2025-09-30 18:00', hours(24))).toEqual(at('2025-10-01 18:00'));
    expect(due('2025-03-03 09:00:00.250', hours(2))).toEqual(at('2025-03-03 11:00:00.250'));
  });

  it('即办件: 0 hours is due at the end of the acceptance day', () => {
    expect(due('2025-03-03 10:15', hours(0))).toEqual(endOf('2025-03-03'));
    expect(due('2025-03-03 23:30', hours(0))).toEqual(endOf('2025-03-03'));
  });

  it('need no calendar: years not loaded are fine', () => {
    expect(due('2027-06-01 09:00', hours(8))).toEqual(at('2027-06-01 17:00'));
  });
});

describe('suspension (补正, hearing, expert review, 特别程序: 行政许可法 §45)', () => {
  it('a stop over National Day moves the due date by the working days it covered, not the holidays', () => {
    // Mon 2025-09-22 + 10: 09-23..26 (4), 09-28 make-up 5, 09-29 6, 09-30 7, 10-09 8, 10-10 9, 10-11 10.
    expect(due('2025-09-22 10:00', wd(10))).toEqual(endOf('2025-10-11'));
    // Suspended at the end of 09-29 .. 10-08: working days 09-29, 09-30 only → 10-13, 10-14.
    const stops = [stop('2025-09-29 15:00', '2025-10-09 10:00')];
    expect(due('2025-09-22 10:00', wd(10), stops)).toEqual(endOf('2025-10-14'));
  });

  it('a stop over the 2026 Spring Festival skips the make-up Saturday it covered', () => {
    // Mon 2026-02-09 + 5: 02-10..13 (4), 02-14 Sat make-up 5.
    expect(due('2026-02-09 09:00', wd(5))).toEqual(endOf('2026-02-14'));
    // Suspended 02-13 .. 02-23 (resumed 02-24): lost 02-13 and 02-14 → 02-24 4, 02-25 5.
    expect(due('2026-02-09 09:00', wd(5), [stop('2026-02-13 11:00', '2026-02-24 09:00')])).toEqual(endOf('2026-02-25'));
  });

  it('a stop lifted the same day costs nothing; one over a night costs that day', () => {
    expect(due('2025-03-03 09:00', wd(5), [stop('2025-03-05 10:00', '2025-03-05 16:00')])).toEqual(endOf('2025-03-10'));
    expect(due('2025-03-03 09:00', wd(5), [stop('2025-03-05 16:00', '2025-03-06 09:00')])).toEqual(endOf('2025-03-11'));
    // Resumed at midnight exactly: 03-05 was suspended at its end, 03-06 was not.
    expect(due('2025-03-03 09:00', wd(5), [stop('2025-03-05 16:00', '2025-03-06 00:00')])).toEqual(endOf('2025-03-11'));
    expect(due('2025-03-03 09:00', wd(5), [stop('2025-03-05 16:00', '2025-03-05 23:59:59.999')])).toEqual(endOf('2025-03-10'));
  });

  it('a stop over days off only costs nothing; one begun on a Friday evening costs that Friday', () => {
    expect(due('2025-03-03 09:00', wd(5), [stop('2025-03-08 10:00', '2025-03-10 08:00')])).toEqual(endOf('2025-03-10'));
    expect(due('2025-03-03 09:00', wd(5), [stop('2025-03-07 18:00', '2025-03-10 08:00')])).toEqual(endOf('2025-03-11'));
  });

  it('several stops add up', () => {
    // Tue 03-04 lost; Thu 03-06 .. Sun 03-09 lost (working 03-06, 03-07): 03-05 1, 03-10 2, 03-11 3, 03-12 4, 03-13 5.
    const stops = [stop('2025-03-04 10:00', '2025-03-05 10:00'), stop('2025-03-06 15:00', '2025-03-10 09:00')];
    expect(due('2025-03-03 09:00', wd(5), stops)).toEqual(endOf('2025-03-13'));
    // Order does not matter.
    expect(due('2025-03-03 09:00', wd(5), [...stops].reverse())).toEqual(endOf('2025-03-13'));
  });

  it('overlapping stops count once', () => {
    // 03-04, 03-05, 03-06 suspended (once, not 3 + 1): 03-07 1, 03-10 2, 03-11 3, 03-12 4, 03-13 5.
    const stops = [stop('2025-03-04 10:00', '2025-03-07 10:00'), stop('2025-03-05 09:00', '2025-03-06 12:00')];
    expect(due('2025-03-03 09:00', wd(5), stops)).toEqual(endOf('2025-03-13'));
    // A stop resumed and a new one begun the same day join up.
    const touching = [stop('2025-03-04 10:00', '2025-03-05 10:00'), stop('2025-03-05 10:00', '2025-03-07 10:00')];
    expect(due('2025-03-03 09:00', wd(5), touching)).toEqual(endOf('2025-03-13'));
  });

  it('a stop begun on the due day moves it; one begun after it changes nothing (the case stays overdue)', () => {
    // Suspended at the end of 03-10 and 03-11, resumed 03-12: 03-04..07 (4), 03-12 5.
    expect(due('2025-03-03 09:00', wd(5), [stop('2025-03-10 16:00', '2025-03-12 09:00')])).toEqual(endOf('2025-03-12'));
    expect(due('2025-03-03 09:00', wd(5), [stop('2025-03-11 10:00', '2025-03-13 09:00')])).toEqual(endOf('2025-03-10'));
  });

  it('ignores the part of a stop before acceptance', () => {
    // Suspended 03-03 (the acceptance day, never counted anyway) and 03-04.
    expect(due('2025-03-03 09:00', wd(5), [stop('2025-03-01 10:00', '2025-03-05 10:00')])).toEqual(endOf('2025-03-11'));
    expect(due('2025-03-03 09:00', wd(5), [stop('2025-02-25 10:00', '2025-03-03 08:00')])).toEqual(endOf('2025-03-10'));
  });

  it('即办件 suspended at the end of its day is due at the end of the day it resumes', () => {
    expect(due('2025-03-07 10:00', wd(0), [stop('2025-03-07 11:00', '2025-03-10 09:00')])).toEqual(endOf('2025-03-10'));
    expect(due('2025-03-07 10:00', wd(0), [stop('2025-03-07 11:00', '2025-03-07 15:00')])).toEqual(endOf('2025-03-07'));
  });

  it('calendar-day limits lose every suspended day, then move off a day off', () => {
    // 03-05, 03-06, 03-07 suspended: 03-04 1, 03-08 2 … 03-16 10 (Sunday) → Mon 03-17.
    expect(due('2025-03-03 09:00', cd(10), [stop('2025-03-05 10:00', '2025-03-08 10:00')])).toEqual(endOf('2025-03-17'));
    // Due Sat 03-08 would move to Mon 03-10, but the case is suspended from Sunday to Wednesday: due the day it resumes.
    expect(due('2025-03-03 09:00', cd(5), [stop('2025-03-09 10:00', '2025-03-12 10:00')])).toEqual(endOf('2025-03-12'));
  });

  it('hour limits lose the suspended time to the millisecond, overlaps once', () => {
    expect(due('2025-03-03 09:00', hours(8), [stop('2025-03-03 10:00', '2025-03-03 13:30')])).toEqual(at('2025-03-03 20:30'));
    const overlapping = [stop('2025-03-03 10:00', '2025-03-03 12:00'), stop('2025-03-03 11:00', '2025-03-03 13:30')];
    expect(due('2025-03-03 09:00', hours(8), overlapping)).toEqual(at('2025-03-03 20:30'));
    // A stop at the very instant the time runs out comes too late; one a millisecond earlier does not.
    expect(due('2025-03-03 09:00', hours(2), [stop('2025-03-03 11:00', '2025-03-03 12:00')])).toEqual(at('2025-03-03 11:00'));
    expect(due('2025-03-03 09:00', hours(2), [stop('2025-03-03 10:59:59.999', '2025-03-03 12:00')])).toEqual(at('2025-03-03 12:00:00.001'));
    // 即办件 in hours: the budget is the rest of the acceptance day.
    expect(due('2025-03-03 10:00', hours(0), [stop('2025-03-03 11:00', '2025-03-04 09:00')])).toEqual(at('2025-03-04 21:59:59.999'));
  });
});

describe('an open stop (the case is suspended now)', () => {
  const open = [stop('2025-03-05 10:00', null)];

  it('leaves the stored due date empty (dueAtOrNull) and needs `now` for dueAt', () => {
    expect(dueAtOrNull(calendar, at('2025-03-03 09:00'), wd(5), open, [])).toBeNull();
    expect(dueAtOrNull(calendar, at('2025-03-03 09:00'), hours(8), [stop('2025-03-03 10:00', null)], [])).toBeNull();
    expect(dueAtOrNull(calendar, at('2025-03-03 09:00'), cd(5), open, [])).toBeNull();
    expect(() => due('2025-03-03 09:00', wd(5), open)).toThrow(RangeError);
  });

  it('with `now`, is counted up to now: the due date if the case resumed now', () => {
    // Suspended at the end of 03-05 and 03-06 → 03-12; resuming on 03-07 is what the closed stop gives too.
    expect(due('2025-03-03 09:00', wd(5), open, [], '2025-03-07 11:00')).toEqual(endOf('2025-03-12'));
    expect(due('2025-03-03 09:00', wd(5), [stop('2025-03-05 10:00', '2025-03-07 11:00')])).toEqual(endOf('2025-03-12'));
    expect(due('2025-03-03 09:00', hours(8), [stop('2025-03-03 10:00', null)], [], '2025-03-03 12:00')).toEqual(at('2025-03-03 19:00'));
  });

  it('begun after the due date changes nothing: the case stays overdue', () => {
    expect(dueAtOrNull(calendar, at('2025-03-03 09:00'), wd(5), [stop('2025-03-11 10:00', null)], [])).toEqual(endOf('2025-03-10'));
    expect(dueAtOrNull(calendar, at('2025-03-03 09:00'), wd(5), [stop('2025-03-10 15:00', null)], [])).toBeNull();
  });
});

describe('extensions (延长, e.g. 行政许可法 §42)', () => {
  it('add their days in the limit’s unit', () => {
    // 20 working days from 2025-01-24 end on 02-27; 10 more: 02-28, 03-03..07, 03-10..13.
    expect(due('2025-01-24 18:30', wd(20), [], ext(10))).toEqual(endOf('2025-03-13'));
    expect(due('2025-01-24 18:30', wd(20), [], ext(5, 5))).toEqual(endOf('2025-03-13'));
    expect(due('2025-01-24 18:30', wd(20), [], ext(0))).toEqual(endOf('2025-02-27'));
    expect(due('2025-03-03 09:00', cd(10), [], ext(3))).toEqual(endOf('2025-03-17')); // 03-16 Sunday → Monday
    expect(due('2025-03-03 09:00', hours(8), [], ext(2))).toEqual(at('2025-03-03 19:00'));
    expect(due('2025-03-03 10:00', hours(0), [], ext(2))).toEqual(at('2025-03-04 01:59:59.999'));
  });

  it('and stops together', () => {
    // 5 + 2 working days from Mon 03-03, 03-05 lost: 03-04, 03-06, 03-07, 03-10, 03-11, 03-12, 03-13.
    expect(due('2025-03-03 09:00', wd(5), [stop('2025-03-05 10:00', '2025-03-06 10:00')], ext(2))).toEqual(endOf('2025-03-13'));
  });
});

describe('refusals', () => {
  it('days beyond the loaded years are CALENDAR_YEAR_NOT_LOADED, naming the year', () => {
    const e = error(() => due('2026-12-25 09:00', wd(10)));
    expect(e.code).toBe('CALENDAR_YEAR_NOT_LOADED');
    expect(e.details).toMatchObject({ year: 2027 });
    expect(error(() => due('2026-12-25 09:00', cd(10))).code).toBe('CALENDAR_YEAR_NOT_LOADED');
    expect(error(() => due('2027-01-04 09:00', wd(0))).details).toMatchObject({ year: 2027 });
    expect(error(() => due('2027-01-04 09:00', cd(0))).details).toMatchObject({ year: 2027 });
    expect(error(() => due('2023-12-29 09:00', wd(3))).details).toMatchObject({ year: 2023 });
    // A stop that pushes the due date into 2027.
    expect(error(() => due('2026-12-01 09:00', wd(10), [stop('2026-12-02 10:00', '2027-01-05 09:00')])).code).toBe('CALENDAR_YEAR_NOT_LOADED');
    // Still answered when it stays inside: 2026-12-30 + 1 = 12-31.
    expect(due('2026-12-30 09:00', wd(1))).toEqual(endOf('2026-12-31'));
  });

  it('a negative or fractional limit or extension is VALIDATION_FAILED', () => {
    for (const value of [-1, 1.5, Number.NaN]) {
      expect(error(() => due('2025-03-03 09:00', wd(value))).code, String(value)).toBe('VALIDATION_FAILED');
      expect(error(() => due('2025-03-03 09:00', wd(5), [], ext(value))).code, String(value)).toBe('VALIDATION_FAILED');
    }
  });

  it('an invalid instant is DATE_INVALID; a stop ending before it begins is a programming error', () => {
    expect(error(() => dueAt(calendar, new Date(Number.NaN), wd(5), [], [])).code).toBe('DATE_INVALID');
    expect(error(() => dueAt(calendar, at('2025-03-03 09:00'), wd(5), [{ from: new Date(Number.NaN), to: null }], [])).code).toBe('DATE_INVALID');
    expect(() => due('2025-03-03 09:00', wd(5), [stop('2025-03-05 10:00', '2025-03-04 10:00')])).toThrow(RangeError);
  });
});

describe('deadlineState: warnings and the overdue list', () => {
  const dueDate = endOf('2025-03-10'); // Monday

  it('is overdue exactly from the millisecond after the due instant', () => {
    expect(deadlineState(dueDate, new Date(dueDate.getTime() - 1), calendar, 1)).toBe('due_soon');
    expect(deadlineState(dueDate, dueDate, calendar, 1)).toBe('due_soon');
    expect(deadlineState(dueDate, new Date(dueDate.getTime() + 1), calendar, 1)).toBe('overdue');
    expect(deadlineState(dueDate, new Date(dueDate.getTime() + 1), calendar, 0)).toBe('overdue');
    const hourDue = at('2025-03-03 11:00');
    expect(deadlineState(hourDue, at('2025-03-03 10:59:59.999'), calendar, 1)).toBe('due_soon');
    expect(deadlineState(hourDue, at('2025-03-03 11:00:00.001'), calendar, 1)).toBe('overdue');
  });

  it('warns within the next N working days, today included', () => {
    // warn 3 and due Mon: Wed sees Wed, Thu, Fri, Mon (4) → on time; Thu sees Thu, Fri, Mon (3) → due soon.
    expect(deadlineState(dueDate, at('2025-03-05 23:59'), calendar, 3)).toBe('on_time');
    expect(deadlineState(dueDate, at('2025-03-06 00:00'), calendar, 3)).toBe('due_soon');
    // Warn 1: only the due day itself, and the days off right before it.
    expect(deadlineState(dueDate, at('2025-03-07 17:00'), calendar, 1)).toBe('on_time');
    expect(deadlineState(dueDate, at('2025-03-08 10:00'), calendar, 1)).toBe('due_soon');
    expect(deadlineState(dueDate, at('2025-03-10 08:00'), calendar, 1)).toBe('due_soon');
  });

  it('does not count the days off of the Spring Festival', () => {
    const springDue = endOf('2025-02-05'); // first Wednesday back
    // From Mon 01-27 the working days up to 02-05 are 01-27 and 02-05.
    expect(deadlineState(springDue, at('2025-01-27 09:00'), calendar, 2)).toBe('due_soon');
    // From Sun 01-26 (make-up) they are 01-26, 01-27, 02-05.
    expect(deadlineState(springDue, at('2025-01-26 09:00'), calendar, 2)).toBe('on_time');
  });

  it('0 never warns; a negative or fractional setting is refused', () => {
    expect(deadlineState(dueDate, at('2025-03-10 23:00'), calendar, 0)).toBe('on_time');
    for (const n of [-1, 0.5]) expect(error(() => deadlineState(dueDate, at('2025-03-10 23:00'), calendar, n)).code).toBe('VALIDATION_FAILED');
  });

  it('says overdue without the calendar, but does not guess a year for a warning', () => {
    expect(deadlineState(endOf('2026-12-31'), at('2027-01-05 09:00'), calendar, 3)).toBe('overdue');
    expect(error(() => deadlineState(endOf('2027-01-05'), at('2026-12-31 09:00'), calendar, 3)).code).toBe('CALENDAR_YEAR_NOT_LOADED');
  });
});

describe('remainingWorkingDays: 剩余 N 个工作日 / 已超期 N 个工作日', () => {
  const dueDate = endOf('2025-03-10'); // Monday

  it('counts working days after today up to the due day', () => {
    expect(remainingWorkingDays(calendar, at('2025-03-06 10:00'), dueDate)).toBe(2);
    expect(remainingWorkingDays(calendar, at('2025-03-08 10:00'), dueDate)).toBe(1);
    expect(remainingWorkingDays(calendar, at('2025-03-10 10:00'), dueDate)).toBe(0);
    expect(remainingWorkingDays(calendar, dueDate, dueDate)).toBe(0);
    expect(remainingWorkingDays(calendar, at('2025-01-27 09:00'), endOf('2025-02-05'))).toBe(1);
  });

  it('is negative exactly when overdue, a part of a working day counting as one', () => {
    expect(remainingWorkingDays(calendar, new Date(dueDate.getTime() + 1), dueDate)).toBe(-1);
    expect(remainingWorkingDays(calendar, at('2025-03-12 10:00'), dueDate)).toBe(-2);
    // Due Friday, now Saturday: no working day has passed yet, still overdue.
    expect(remainingWorkingDays(calendar, at('2025-03-08 10:00'), endOf('2025-03-07'))).toBe(-1);
    // An hour limit overdue the same day.
    expect(remainingWorkingDays(calendar, at('2025-03-03 15:00'), at('2025-03-03 14:00'))).toBe(-1);
    // Holidays do not count: due 09-30, now the first day back.
    expect(remainingWorkingDays(calendar, at('2025-10-09 10:00'), endOf('2025-09-30'))).toBe(-1);
  });

  it('reads in Chinese', () => {
    expect(remainingText(2)).toBe('剩余 2 个工作日');
    expect(remainingText(0)).toBe('今日到期');
    expect(remainingText(-3)).toBe('已超期 3 个工作日');
  });
});

/**
 * The rules read literally, day by day: a day is suspended when some stop covers its
 * last moment; counted days are working days (any day, for calendar days) after the
 * acceptance day that are not suspended; the due day is the first unsuspended day with
 * enough counted days (and a working day, for calendar days when the limit is not 0).
 */
function referenceDueDay(unit: 'working_day' | 'calendar_day', start: Date, need: number, stops: readonly ClockStop[]): number | null {
  const accept = shanghaiDay(start);
  const spans = stops.map((s) => ({ from: shanghaiDay(s.from), to: s.to === null ? Infinity : shanghaiDay(s.to), open: s.to === null }));
  const working = (d: number) => calendar.dayInfo(formatDate(d)).workingDay;
  let counted = 0;
  for (let d = accept; ; d++) {
    const covering = spans.filter((s) => s.from <= d && d < s.to);
    if (covering.some((s) => s.open)) return null;
    if (covering.length > 0) continue;
    if (d > accept && (unit === 'calendar_day' || working(d))) counted++;
    if (counted >= need && (need === 0 || working(d))) return d;
  }
}

function randomStops(rand: () => number, start: Date, open: boolean): ClockStop[] {
  const stops: ClockStop[] = [];
  const n = randomInt(rand, 0, 4);
  for (let i = 0; i < n; i++) {
    const from = start.getTime() + randomInt(rand, -2 * 1440, 30 * 1440) * 60_000;
    const to = from + randomInt(rand, 0, 10 * 1440) * 60_000;
    stops.push({ from: new Date(from), to: open && i === n - 1 ? null : new Date(to) });
  }
  return stops;
}

describe('properties (seeded random)', () => {
  const startRange = [tryParseDate('2024-01-01'), tryParseDate('2026-06-30')] as const;
  const randomStart = (rand: () => number) => new Date(endOfShanghaiDay(randomInt(rand, ...startRange) - 1).getTime() + 1 + randomInt(rand, 0, 1439) * 60_000);

  it('a stop covering k working days moves the due date by exactly k working days', () => {
    const rand = seededRandom(8124);
    for (let i = 0; i < 2000; i++) {
      const start = randomStart(rand);
      const n = randomInt(rand, 1, 30);
      const plain = shanghaiDay(dueAt(calendar, start, wd(n), [], []));
      const accept = shanghaiDay(start);
      // A stop beginning between acceptance and the end of the due day.
      const from = randomInt(rand, start.getTime(), endOfShanghaiDay(plain).getTime());
      const to = from + randomInt(rand, 0, 20 * 1440) * 60_000;
      const first = Math.max(shanghaiDay(new Date(from)), accept + 1);
      const last = shanghaiDay(new Date(to)) - 1; // suspended days: first..last
      const k = last >= first ? calendar.workingDaysBetween(formatDate(first - 1), formatDate(last)) : 0;
      const moved = dueAt(calendar, start, wd(n), [{ from: new Date(from), to: new Date(to) }], []);
      expect(moved, `${start.toISOString()} +${n}, stop ${new Date(from).toISOString()}–${new Date(to).toISOString()}`).toEqual(
        endOf(calendar.addWorkingDays(formatDate(plain), k)),
      );
    }
  });

  it('a stop begun after the due day changes nothing; an extension of e moves it by e counted days', () => {
    const rand = seededRandom(77);
    for (let i = 0; i < 1000; i++) {
      const start = randomStart(rand);
      const n = randomInt(rand, 0, 30);
      const plain = dueAt(calendar, start, wd(n), [], []);
      const later = plain.getTime() + 1 + randomInt(rand, 0, 10 * 1440) * 60_000;
      expect(dueAt(calendar, start, wd(n), [{ from: new Date(later), to: new Date(later + 3 * 86_400_000) }], [])).toEqual(plain);
      expect(dueAtOrNull(calendar, start, wd(n), [{ from: new Date(later), to: null }], [])).toEqual(plain);
      const e = randomInt(rand, 0, 10);
      expect(dueAt(calendar, start, wd(n), [], ext(e))).toEqual(endOf(calendar.addWorkingDays(formatDate(shanghaiDay(plain)), e)));
    }
  });

  it('agrees with the day-by-day reading for random stops, open ones included', () => {
    const rand = seededRandom(20260213);
    let suspended = 0;
    for (let i = 0; i < 3000; i++) {
      const unit = rand() < 0.5 ? 'working_day' : 'calendar_day';
      const start = randomStart(rand);
      const n = randomInt(rand, 0, 25);
      const stops = randomStops(rand, start, rand() < 0.2);
      const expected = referenceDueDay(unit, start, n, stops);
      if (expected === null) suspended++;
      const got = dueAtOrNull(calendar, start, { value: n, unit }, stops, []);
      const label = `${unit} ${start.toISOString()} +${n} ${JSON.stringify(stops)}`;
      expect(got === null ? null : formatDate(shanghaiDay(got)), label).toBe(expected === null ? null : formatDate(expected));
      if (got !== null) expect(got, label).toEqual(endOfShanghaiDay(shanghaiDay(got)));
    }
    // The draw exercises both answers.
    expect(suspended).toBeGreaterThan(100);
    expect(suspended).toBeLessThan(3000 - 100);
  });

  it('hour limits agree with a minute-by-minute count', () => {
    const rand = seededRandom(4242);
    for (let i = 0; i < 300; i++) {
      const start = randomStart(rand);
      const n = randomInt(rand, 1, 48);
      const stops: ClockStop[] = [];
      for (let j = randomInt(rand, 0, 3); j > 0; j--) {
        const from = start.getTime() + randomInt(rand, -120, 48 * 60) * 60_000;
        stops.push({ from: new Date(from), to: new Date(from + randomInt(rand, 0, 24 * 60) * 60_000) });
      }
      const stopped = (ms: number) => stops.some((s) => s.from.getTime() <= ms && ms < s.to!.getTime());
      let ms = start.getTime();
      for (let running = 0; running < n * 60; ms += 60_000) if (!stopped(ms)) running++;
      // The time runs out at the end of the last running minute, whatever stop follows.
      expect(dueAt(calendar, start, hours(n), stops, []), `${start.toISOString()} +${n}h ${JSON.stringify(stops)}`).toEqual(new Date(ms));
    }
  });
});
