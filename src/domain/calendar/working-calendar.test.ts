/**
 * Working days for deadlines (e.g. DB36/T 2016 §7.5.3.7: a return visit within 3
 * working days), per the State Council holiday notices shipped in data/.
 */
import { describe, expect, it } from 'vitest';
import type { AppError } from '../shared/errors.ts';
import { SHIPPED_YEARS } from './shipped.ts';
import type { HolidayYear } from './types.ts';
import { WorkingCalendar } from './working-calendar.ts';

const calendar = new WorkingCalendar(SHIPPED_YEARS);

function code(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    return (e as AppError).code;
  }
}

function error(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected an error');
}

/** A day-by-day reference built from the raw data with Date.UTC, independent of the prefix sums. */
function reference(years: readonly HolidayYear[], closed: readonly string[] = []) {
  const listed = new Map(years.flatMap((y) => y.days.map((d) => [d.date, d.isOffDay] as const)));
  const loaded = new Set(years.map((y) => y.year));
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const working = (ms: number) => {
    const date = iso(ms);
    if (!loaded.has(Number(date.slice(0, 4)))) throw new Error(`not loaded ${date}`);
    if (closed.includes(date)) return false;
    const off = listed.get(date);
    if (off !== undefined) return !off;
    const wd = new Date(ms).getUTCDay();
    return wd !== 0 && wd !== 6;
  };
  const msOf = (date: string) => Date.parse(`${date}T00:00:00Z`);
  return {
    add(from: string, n: number): string {
      let ms = msOf(from);
      for (let k = 0; k < n; ) {
        ms += 86_400_000;
        if (working(ms)) k++;
      }
      return iso(ms);
    },
    between(from: string, to: string): number {
      const [a, b, sign] = from <= to ? [msOf(from), msOf(to), 1] : [msOf(to), msOf(from), -1];
      let count = 0;
      for (let ms = a + 86_400_000; ms <= b; ms += 86_400_000) if (working(ms)) count++;
      return sign * count;
    },
  };
}

describe('dayInfo', () => {
  it('tells workdays, weekends, holidays and make-up working days apart', () => {
    expect(calendar.dayInfo('2025-03-03')).toEqual({ date: '2025-03-03', workingDay: true, kind: 'workday' });
    expect(calendar.dayInfo('2025-03-08')).toEqual({ date: '2025-03-08', workingDay: false, kind: 'weekend' });
    expect(calendar.dayInfo('2025-03-09')).toEqual({ date: '2025-03-09', workingDay: false, kind: 'weekend' });
    expect(calendar.dayInfo('2025-01-29')).toEqual({ date: '2025-01-29', workingDay: false, kind: 'holiday', name: '春节' });
    // A Saturday inside a holiday block is listed, so it is a holiday, not a plain weekend.
    expect(calendar.dayInfo('2025-02-01')).toEqual({ date: '2025-02-01', workingDay: false, kind: 'holiday', name: '春节' });
    expect(calendar.dayInfo('2025-02-08')).toEqual({ date: '2025-02-08', workingDay: true, kind: 'makeup-workday', name: '春节' });
    expect(calendar.dayInfo('2026-01-04')).toEqual({ date: '2026-01-04', workingDay: true, kind: 'makeup-workday', name: '元旦' });
    // The Friday before a make-up Sunday is an ordinary workday.
    expect(calendar.dayInfo('2025-09-26')).toEqual({ date: '2025-09-26', workingDay: true, kind: 'workday' });
  });

  it('answers only loaded years, naming the missing one', () => {
    const e = error(() => calendar.dayInfo('2027-01-04'));
    expect(e.code).toBe('CALENDAR_YEAR_NOT_LOADED');
    expect(e.message).toContain('2027 年');
    expect(e.message).toContain('2024、2025、2026');
    expect(e.details).toEqual({ year: 2027, loadedYears: [2024, 2025, 2026] });
    expect(error(() => calendar.dayInfo('2023-12-29')).details).toMatchObject({ year: 2023 });
    expect(calendar.isLoaded(2025)).toBe(true);
    expect(calendar.isLoaded(2027)).toBe(false);
    expect(calendar.years).toEqual([2024, 2025, 2026]);
  });

  it('refuses bad dates with DATE_INVALID', () => {
    for (const bad of ['2025-02-29', '2025-13-01', '2025-1-1', '', 'tomorrow']) expect(code(() => calendar.dayInfo(bad)), bad).toBe('DATE_INVALID');
    expect(calendar.dayInfo('2024-02-29').kind).toBe('workday'); // a Thursday of a leap year
  });
});

describe('addWorkingDays', () => {
  it('crosses the Spring Festival', () => {
    // 2025-01-24 Fri → 01-26 Sun (make-up) 1, 01-27 Mon 2, off 01-28..02-04, 02-05 3, 02-06 4, 02-07 5.
    expect(calendar.addWorkingDays('2025-01-24', 5)).toBe('2025-02-07');
    // 2024-02-08 Thu → 02-09 Fri 1, off 02-10..02-17, 02-18 Sun (make-up) 2, 02-19 Mon 3.
    expect(calendar.addWorkingDays('2024-02-08', 3)).toBe('2024-02-19');
    // 20 working days from 2026-02-06 Fri: 02-09..13 (5), 02-14 Sat make-up (6), off 02-15..23,
    // 02-24..27 (10), 02-28 Sat make-up (11), 03-02..06 (16), 03-09..12 (20).
    expect(calendar.addWorkingDays('2026-02-06', 20)).toBe('2026-03-12');
  });

  it('crosses National Day', () => {
    // 2024-09-27 Fri → 09-29 Sun (make-up) 1, 09-30 Mon 2, off 10-01..10-07, 10-08 Tue 3.
    expect(calendar.addWorkingDays('2024-09-27', 3)).toBe('2024-10-08');
    // 20 from 2025-09-26 Fri: 09-28 Sun make-up 1, 09-29 2, 09-30 3, off 10-01..10-08, 10-09 4,
    // 10-10 5, 10-11 Sat make-up 6, 10-13..17 (11), 10-20..24 (16), 10-27..30 (20).
    expect(calendar.addWorkingDays('2025-09-26', 20)).toBe('2025-10-30');
    // §7.5.3.7: a complaint closed on 2026-09-30 gets its return visit by 10-10: 10-08 1, 10-09 2, 10-10 Sat make-up 3.
    expect(calendar.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
  });

  it('never counts the start day, whatever it is', () => {
    expect(calendar.addWorkingDays('2025-03-07', 1)).toBe('2025-03-10'); // Fri → Mon
    expect(calendar.addWorkingDays('2025-03-08', 1)).toBe('2025-03-10'); // Sat → Mon
    expect(calendar.addWorkingDays('2025-10-03', 1)).toBe('2025-10-09'); // holiday → first day back
    expect(calendar.addWorkingDays('2025-09-28', 1)).toBe('2025-09-29'); // make-up Sunday → Mon
    expect(calendar.addWorkingDays('2025-03-03', 5)).toBe('2025-03-10'); // an ordinary week
  });

  it('returns the start date itself for 0 working days', () => {
    expect(calendar.addWorkingDays('2025-03-09', 0)).toBe('2025-03-09');
    expect(calendar.addWorkingDays('2025-10-01', 0)).toBe('2025-10-01');
  });

  it('crosses into the next loaded year', () => {
    expect(calendar.addWorkingDays('2024-12-31', 1)).toBe('2025-01-02');
    // 2026-01-01..03 off, 01-04 Sunday is a make-up working day.
    expect(calendar.addWorkingDays('2025-12-31', 1)).toBe('2026-01-04');
  });

  it('stops at the last loaded year instead of guessing', () => {
    expect(calendar.addWorkingDays('2026-12-30', 1)).toBe('2026-12-31');
    const e = error(() => calendar.addWorkingDays('2026-12-30', 2));
    expect(e.code).toBe('CALENDAR_YEAR_NOT_LOADED');
    expect(e.details).toMatchObject({ year: 2027 });
    expect(e.message).toContain('2027 年');
    expect(code(() => calendar.addWorkingDays('2026-12-31', 1))).toBe('CALENDAR_YEAR_NOT_LOADED');
    expect(code(() => calendar.addWorkingDays('2024-01-02', 1_000))).toBe('CALENDAR_YEAR_NOT_LOADED');
    expect(code(() => calendar.addWorkingDays('2023-12-29', 1))).toBe('CALENDAR_YEAR_NOT_LOADED');
  });

  it('refuses a negative or fractional count and a bad date', () => {
    for (const n of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(code(() => calendar.addWorkingDays('2025-03-03', n)), String(n)).toBe('VALIDATION_FAILED');
    expect(code(() => calendar.addWorkingDays('2025-02-30', 1))).toBe('DATE_INVALID');
  });

  it('agrees with a day-by-day count for every start day of 2024–2026 and n up to 60', () => {
    const ref = reference(SHIPPED_YEARS);
    const mismatches: string[] = [];
    let checked = 0;
    for (let ms = Date.UTC(2024, 0, 1); ms <= Date.UTC(2026, 8, 30); ms += 86_400_000) {
      const from = new Date(ms).toISOString().slice(0, 10);
      for (const n of [1, 2, 3, 5, 7, 10, 15, 20, 30, 60]) {
        checked++;
        if (calendar.addWorkingDays(from, n) !== ref.add(from, n)) mismatches.push(`${from}+${n}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBe(10_040);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after from, up to and including to', () => {
    expect(calendar.workingDaysBetween('2025-03-03', '2025-03-03')).toBe(0);
    expect(calendar.workingDaysBetween('2025-03-07', '2025-03-10')).toBe(1);
    expect(calendar.workingDaysBetween('2025-03-07', '2025-03-09')).toBe(0);
    expect(calendar.workingDaysBetween('2025-01-24', '2025-02-07')).toBe(5);
    expect(calendar.workingDaysBetween('2024-09-27', '2024-10-08')).toBe(3);
    expect(calendar.workingDaysBetween('2025-10-01', '2025-10-08')).toBe(0);
    expect(calendar.workingDaysBetween('2024-12-31', '2026-01-04')).toBe(249); // all of 2025 (248) + 2026-01-04
  });

  it('is negative when to is before from', () => {
    expect(calendar.workingDaysBetween('2025-02-07', '2025-01-24')).toBe(-5);
    expect(calendar.workingDaysBetween('2025-03-10', '2025-03-07')).toBe(-1);
  });

  it('inverts addWorkingDays and matches a day-by-day count', () => {
    const ref = reference(SHIPPED_YEARS);
    const pairs = [
      ['2024-01-01', '2024-03-01'],
      ['2024-09-13', '2024-10-14'],
      ['2025-12-20', '2026-03-01'],
      ['2026-10-11', '2026-09-19'],
      ['2024-02-04', '2026-12-31'],
    ] as const;
    for (const [a, b] of pairs) expect(calendar.workingDaysBetween(a, b), `${a}→${b}`).toBe(ref.between(a, b));
    for (let n = 0; n <= 60; n++) expect(calendar.workingDaysBetween('2025-09-26', calendar.addWorkingDays('2025-09-26', n))).toBe(n);
  });

  it('refuses dates of years not loaded, and bad dates', () => {
    expect(error(() => calendar.workingDaysBetween('2026-12-01', '2027-01-10')).details).toMatchObject({ year: 2027 });
    expect(error(() => calendar.workingDaysBetween('2023-12-01', '2024-01-10')).details).toMatchObject({ year: 2023 });
    expect(code(() => calendar.workingDaysBetween('2025-03-01', '2025-3-10'))).toBe('DATE_INVALID');
  });
});

describe('years not loaded in the middle', () => {
  const gap = new WorkingCalendar(SHIPPED_YEARS.filter((y) => y.year !== 2025));

  it('never jumps over a missing year', () => {
    expect(gap.addWorkingDays('2024-12-30', 1)).toBe('2024-12-31');
    expect(error(() => gap.addWorkingDays('2024-12-30', 2)).details).toMatchObject({ year: 2025 });
    expect(error(() => gap.workingDaysBetween('2024-06-03', '2026-06-01')).details).toMatchObject({ year: 2025 });
    expect(error(() => gap.workingDaysBetween('2026-06-01', '2024-06-03')).details).toMatchObject({ year: 2025 });
    expect(code(() => gap.dayInfo('2025-06-03'))).toBe('CALENDAR_YEAR_NOT_LOADED');
    expect(gap.addWorkingDays('2026-01-01', 1)).toBe('2026-01-04');
  });

  it('answers nothing when no year is loaded', () => {
    const empty = new WorkingCalendar([]);
    const e = error(() => empty.dayInfo('2025-03-03'));
    expect(e.code).toBe('CALENDAR_YEAR_NOT_LOADED');
    expect(e.message).toContain('尚未导入任何年度');
    expect(code(() => empty.addWorkingDays('2025-03-03', 1))).toBe('CALENDAR_YEAR_NOT_LOADED');
  });
});

describe("a centre's closed days", () => {
  const closed = [
    { date: '2025-03-04', reason: '中心搬迁' },
    { date: '2025-03-08', reason: '设备检修' },
    { date: '2027-05-06', reason: '尚未导入年度的闭厅日' },
  ];
  const centre = calendar.withClosedDays(closed);

  it('are not working days, and say why', () => {
    expect(centre.dayInfo('2025-03-04')).toEqual({ date: '2025-03-04', workingDay: false, kind: 'closed', name: '中心搬迁' });
    // A closed Saturday also cancels its §8.1.3.5 c appointment service.
    expect(centre.dayInfo('2025-03-08')).toEqual({ date: '2025-03-08', workingDay: false, kind: 'closed', name: '设备检修' });
    expect(calendar.dayInfo('2025-03-04').kind).toBe('workday');
  });

  it("move that centre's deadlines only", () => {
    expect(calendar.addWorkingDays('2025-03-03', 1)).toBe('2025-03-04');
    expect(centre.addWorkingDays('2025-03-03', 1)).toBe('2025-03-05');
    expect(centre.addWorkingDays('2025-03-03', 5)).toBe('2025-03-11');
    expect(centre.workingDaysBetween('2025-03-03', '2025-03-10')).toBe(4);
    expect(calendar.workingDaysBetween('2025-03-03', '2025-03-10')).toBe(5);
    const ref = reference(SHIPPED_YEARS, ['2025-03-04', '2025-03-08']);
    for (let n = 1; n <= 40; n++) expect(centre.addWorkingDays('2025-02-20', n)).toBe(ref.add('2025-02-20', n));
  });

  it('keep days of years not yet loaded for later', () => {
    const y2027: HolidayYear = { year: 2027, days: [{ name: '元旦', date: '2027-01-01', isOffDay: true }] };
    const later = new WorkingCalendar([...SHIPPED_YEARS, y2027], closed);
    expect(later.dayInfo('2027-05-06')).toMatchObject({ kind: 'closed', name: '尚未导入年度的闭厅日' });
    expect(later.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
  });

  it('refuse a bad closed date', () => {
    expect(code(() => calendar.withClosedDays([{ date: '2025-02-30', reason: 'x' }]))).toBe('DATE_INVALID');
  });
});

describe('building a calendar', () => {
  it('refuses a year given twice and invalid data', () => {
    expect(code(() => new WorkingCalendar([...SHIPPED_YEARS, SHIPPED_YEARS[0]!]))).toBe('CALENDAR_DATA_INVALID');
    const bad: HolidayYear = { year: 2027, days: [{ name: '元旦', date: '2026-01-01', isOffDay: true }] };
    expect(code(() => new WorkingCalendar([bad]))).toBe('CALENDAR_DATA_INVALID');
  });
});
