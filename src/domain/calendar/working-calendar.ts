/**
 * Working days (法定工作日) for deadlines counted in working days, e.g. the return
 * visit within 3 working days of DB36/T 2016 §7.5.3.7, and for the service hours of
 * §8.1.3.5 (which apply on statutory working days).
 *
 * A working day is a listed make-up working day (调休上班), or a Monday to Friday
 * not listed as a day off, and in either case not one of the centre's own closed
 * days. Only years whose arrangement is loaded are answered: anything else is
 * CALENDAR_YEAR_NOT_LOADED, never a guess from weekdays.
 *
 * Everything is precomputed per day (kind, prefix sums of working days, the index
 * of the k-th working day), so each question is a parse and a few array reads.
 */
import { AppError } from '../shared/errors.ts';
import { civilOf, dateInvalid, epochDayOf, formatDate, isoWeekday, tryParseDate } from './dates.ts';
import { validateHolidayYear } from './holiday-data.ts';
import type { ClosedDay, DayInfo, DayKind, HolidayYear } from './types.ts';

const KINDS: readonly DayKind[] = ['workday', 'weekend', 'holiday', 'makeup-workday', 'closed'];
const WORKDAY = 0;
const WEEKEND = 1;
const HOLIDAY = 2;
const MAKEUP = 3;
const CLOSED = 4;
/** A day of a year inside the loaded span whose arrangement is missing. */
const NOT_LOADED = 255;

export class WorkingCalendar {
  /** The loaded years, ascending. */
  readonly years: readonly number[];
  /** The arrangements and closed days it was built from (to derive a centre's calendar). */
  readonly arrangements: readonly HolidayYear[];
  readonly closedDays: readonly ClosedDay[];

  private readonly firstYear: number;
  private readonly firstDay: number;
  private readonly dayCount: number;
  private readonly kinds: Uint8Array;
  private readonly names = new Map<number, string>();
  /** prefix[i]: working days among days 0..i of the span. */
  private readonly prefix: Int32Array;
  /** nth[k]: the index of the k-th working day of the span (k from 1). */
  private readonly nth: Int32Array;
  /** Per year of the span: the day index of the last day of its run of consecutive loaded years, or -1. */
  private readonly runEnd: Int32Array;
  private readonly yearOfDay: Uint16Array;
  private readonly dates: string[];

  /**
   * @param arrangements one per year, checked with {@link validateHolidayYear}.
   * @param closedDays the centre's own closed days; days outside the loaded years
   *   are kept for later and have no effect until their year is loaded.
   */
  constructor(arrangements: readonly HolidayYear[], closedDays: readonly ClosedDay[] = []) {
    const byYear = new Map<number, HolidayYear>();
    for (const a of arrangements) {
      if (byYear.has(a.year)) throw new AppError('CALENDAR_DATA_INVALID', { message: `${a.year} 年的节假日安排重复` });
      byYear.set(a.year, validateHolidayYear(a, a.year));
    }
    this.years = [...byYear.keys()].sort((a, b) => a - b);
    this.arrangements = this.years.map((y) => byYear.get(y)!);
    this.closedDays = closedDays;

    this.firstYear = this.years[0] ?? 0;
    const lastYear = this.years[this.years.length - 1] ?? -1;
    this.firstDay = epochDayOf(this.firstYear, 1, 1);
    this.dayCount = this.years.length === 0 ? 0 : epochDayOf(lastYear + 1, 1, 1) - this.firstDay;
    const spanYears = lastYear - this.firstYear + 1;

    this.kinds = new Uint8Array(this.dayCount);
    this.yearOfDay = new Uint16Array(this.dayCount);
    this.dates = new Array<string>(this.dayCount);
    for (let i = 0; i < this.dayCount; i++) {
      const day = this.firstDay + i;
      const year = civilOf(day).year;
      this.yearOfDay[i] = year - this.firstYear;
      this.dates[i] = formatDate(day);
      this.kinds[i] = !byYear.has(year) ? NOT_LOADED : isoWeekday(day) >= 6 ? WEEKEND : WORKDAY;
    }
    for (const a of this.arrangements) {
      for (const d of a.days) {
        const i = tryParseDate(d.date) - this.firstDay;
        this.kinds[i] = d.isOffDay ? HOLIDAY : MAKEUP;
        this.names.set(i, d.name);
      }
    }
    for (const c of closedDays) {
      const day = tryParseDate(c.date);
      if (Number.isNaN(day)) throw dateInvalid(c.date);
      const i = day - this.firstDay;
      if (i < 0 || i >= this.dayCount || this.kinds[i] === NOT_LOADED) continue;
      // DB36/T 2016 §8.1.3.5 c–d: a closed day also cancels weekend appointment service, so it wins over every kind.
      this.kinds[i] = CLOSED;
      this.names.set(i, c.reason);
    }

    this.prefix = new Int32Array(this.dayCount);
    let count = 0;
    for (let i = 0; i < this.dayCount; i++) {
      const k = this.kinds[i];
      if (k === WORKDAY || k === MAKEUP) count++;
      this.prefix[i] = count;
    }
    this.nth = new Int32Array(count + 1);
    for (let i = 0, k = 0; i < this.dayCount; i++) if (this.prefix[i]! > k) this.nth[++k] = i;

    this.runEnd = new Int32Array(Math.max(spanYears, 0)).fill(-1);
    let end = -1;
    for (let y = lastYear; y >= this.firstYear; y--) {
      if (!byYear.has(y)) end = -1;
      else {
        if (end === -1) end = epochDayOf(y + 1, 1, 1) - this.firstDay - 1;
        this.runEnd[y - this.firstYear] = end;
      }
    }
  }

  /** A calendar of the same years with a centre's own closed days. */
  withClosedDays(closedDays: readonly ClosedDay[]): WorkingCalendar {
    return new WorkingCalendar(this.arrangements, closedDays);
  }

  isLoaded(year: number): boolean {
    const y = year - this.firstYear;
    return y >= 0 && y < this.runEnd.length && this.runEnd[y] !== -1;
  }

  /** The kind of a date: national arrangement first, then the centre's closed days. */
  dayInfo(date: string): DayInfo {
    return this.infoAt(this.indexOf(date));
  }

  /** {@link dayInfo} by epoch day (days since 1970-01-01). */
  dayInfoOfEpochDay(epochDay: number): DayInfo {
    return this.infoAt(this.indexOfDay(epochDay));
  }

  isWorkingDay(date: string): boolean {
    const k = this.kinds[this.indexOf(date)];
    return k === WORKDAY || k === MAKEUP;
  }

  /**
   * The `n`-th working day after `from`; `from` itself never counts, whatever it is.
   * `n = 0` returns `from` unchanged (zero working days later is the same day, which
   * need not be a working day). `n` must be a non-negative integer. A result past the
   * last loaded year (or across a year not loaded) is CALENDAR_YEAR_NOT_LOADED.
   */
  addWorkingDays(from: string, n: number): string {
    const i = this.indexOf(from);
    if (!(Number.isInteger(n) && n >= 0)) {
      throw new AppError('VALIDATION_FAILED', { message: `工作日数应为非负整数，收到 ${String(n)}` });
    }
    if (n === 0) return this.dates[i]!;
    const target = this.prefix[i]! + n;
    const end = this.runEnd[this.yearOfDay[i]!]!;
    if (target > this.prefix[end]!) throw this.notLoaded(this.firstYear + this.yearOfDay[end]! + 1);
    return this.dates[this.nth[target]!]!;
  }

  /**
   * Working days `d` with `from < d <= to`. Antisymmetric: when `to` is before
   * `from` the answer is minus the working days after `to` up to and including
   * `from`; the same date gives 0. So `workingDaysBetween(a, addWorkingDays(a, n)) === n`.
   */
  workingDaysBetween(from: string, to: string): number {
    const a = this.indexOf(from);
    const b = this.indexOf(to);
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const end = this.runEnd[this.yearOfDay[lo]!]!;
    if (hi > end) throw this.notLoaded(this.firstYear + this.yearOfDay[end]! + 1);
    return this.prefix[b]! - this.prefix[a]!;
  }

  private infoAt(i: number): DayInfo {
    const kind = KINDS[this.kinds[i]!]!;
    const name = this.names.get(i);
    const workingDay = kind === 'workday' || kind === 'makeup-workday';
    return name === undefined ? { date: this.dates[i]!, workingDay, kind } : { date: this.dates[i]!, workingDay, kind, name };
  }

  /** The span index of a date whose year is loaded; DATE_INVALID or CALENDAR_YEAR_NOT_LOADED otherwise. */
  private indexOf(date: string): number {
    const day = typeof date === 'string' ? tryParseDate(date) : NaN;
    if (Number.isNaN(day)) throw dateInvalid(date);
    return this.indexOfDay(day);
  }

  private indexOfDay(day: number): number {
    const i = day - this.firstDay;
    if (i >= 0 && i < this.dayCount && this.kinds[i] !== NOT_LOADED) return i;
    throw this.notLoaded(civilOf(day).year);
  }

  private notLoaded(year: number): AppError {
    const loaded = this.years.length > 0 ? `已导入的年度：${this.years.join('、')}` : '尚未导入任何年度';
    return new AppError('CALENDAR_YEAR_NOT_LOADED', {
      message: `${year} 年的节假日安排尚未导入，无法计算工作日（${loaded}）。请系统管理员导入国务院办公厅公布的 ${year} 年节假日安排。`,
      details: { year, loadedYears: [...this.years] },
    });
  }
}
