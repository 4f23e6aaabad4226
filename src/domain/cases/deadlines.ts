/**
 * Case deadlines: the promised (承诺办结时限) and legal (法定办结时限) due dates of a
 * case, DB36/T 2016 §7.3.3.3 (both are guide elements), §8.1.2.4 (办理) and §8.1.2.5
 * (results delivered 在承诺期限内), published per §8.1.3.2 b; warnings before the due
 * date and the overdue list.
 *
 * Semantics (one rule per unit of {@link TimeLimit}, all in Asia/Shanghai):
 *
 * - `working_day`, N: the acceptance day never counts, whatever the hour or the kind of
 *   day (民法典 §201: 开始的当日不计入; 行政许可法 §82: periods in working days, statutory
 *   holidays excluded), so counting starts with the first working day after it. The
 *   case is due at the END of the N-th counted working day, 24:00 (民法典 §203: the last
 *   day ends at 24:00). We do not use the centre's closing time, which §203 also allows:
 *   extended and staggered hours (§8.1.3.5) make it vary, and 24:00 is never earlier.
 * - `calendar_day`, N: the same, counting every day; and when the N-th day is not a
 *   working day the period ends with the next working day (民法典 §203; 民事诉讼法 §85:
 *   期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期).
 * - `hour`, N: N elapsed hours from the instant of acceptance (民法典 §201 second
 *   paragraph), nights and holidays included.
 * - N = 0 in any unit (即办件, handled on the spot): due at the end of the acceptance day.
 * - Extensions (延长, e.g. 行政许可法 §42: ten more days with approval) add their days
 *   (hours) to N: the due date moves by that many counted days (hours; for a 0-hour
 *   limit, counted on from the end of the acceptance day).
 *
 * Suspension (补正 after acceptance, hearing, expert review and the other 特别程序 of
 * 行政许可法 §45: 所需时间不计算在期限内) stops the clock:
 *
 * - Day units: a day is suspended when the case was still suspended at its last moment
 *   (23:59:59.999), i.e. the days from the day a stop begins up to, not including, the
 *   day it ends. A suspended day is never counted and is never the due day. So a stop
 *   begun and lifted on the same day costs nothing (a suspension of minutes gains no
 *   day), the day of resumption counts in full, and each night spent suspended before a
 *   working day (calendar day) moves the due date by one working day (calendar day).
 * - Hour units: the suspended time is not counted, to the millisecond.
 * - Stops overlap harmlessly (suspended time is counted once); the part of a stop
 *   before acceptance is ignored (the clock had not started); a stop begun after the
 *   due date has passed changes nothing (the case stays overdue).
 * - An open stop (`to: null`) that begins on or before the due date leaves the due date
 *   undefined: the case is listed as suspended, not by due date. {@link dueAtOrNull}
 *   answers null then (what a stored due-date column holds while suspended, to be
 *   recomputed on resumption). {@link dueAt} needs `now` then and answers the
 *   provisional due date "if the case resumed now" (for display).
 *
 * Days whose year the calendar has not loaded throw its CALENDAR_YEAR_NOT_LOADED; hour
 * limits need no calendar. Pass the centre's calendar (its closed days are not working
 * days).
 */
import { formatDate, MS_PER_DAY, SHANGHAI_OFFSET_MS, shanghaiDayAndMinute, shanghaiInstant, tryParseDate } from '../calendar/dates.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import type { TimeLimit } from '../catalogue/guide.ts';
import { AppError } from '../shared/errors.ts';

/** A suspension of the clock; `to` null = still suspended. */
export interface ClockStop {
  readonly from: Date;
  readonly to: Date | null;
}

/** An extension of the limit, in the limit's unit (working days for `working_day`, …). */
export interface Extension {
  readonly days: number;
}

export type DeadlineState = 'on_time' | 'due_soon' | 'overdue';

const MS_PER_HOUR = 3_600_000;

/** The Asia/Shanghai epoch day of an instant (DATE_INVALID for an invalid Date). */
export function shanghaiDay(instant: Date): number {
  return shanghaiDayAndMinute(instant).epochDay;
}

/** The last millisecond (23:59:59.999 Asia/Shanghai) of an epoch day. */
export function endOfShanghaiDay(epochDay: number): Date {
  return new Date(shanghaiInstant(epochDay + 1, 0).getTime() - 1);
}

/** Whether some stop is still open (the case is suspended now). */
export function isSuspended(stops: readonly ClockStop[]): boolean {
  return stops.some((s) => s.to === null);
}

/**
 * The due instant of a case accepted at `start`, per the rules at the top of this file.
 * An open stop begun on or before the due date needs `now` (it is counted up to `now`:
 * the due date if the case resumed now); without `now` that is a RangeError — use
 * {@link dueAtOrNull} to store a due date.
 */
export function dueAt(
  calendar: WorkingCalendar,
  start: Date,
  limit: TimeLimit,
  stops: readonly ClockStop[],
  extensions: readonly Extension[],
  now?: Date,
): Date {
  const due = compute(calendar, start, limit, stops, extensions, now);
  if (due === null) throw new RangeError('the case is suspended (open clock stop): pass `now` or use dueAtOrNull');
  return due;
}

/** {@link dueAt}, or null while an open stop leaves the due date undefined (the case is suspended). */
export function dueAtOrNull(
  calendar: WorkingCalendar,
  start: Date,
  limit: TimeLimit,
  stops: readonly ClockStop[],
  extensions: readonly Extension[],
): Date | null {
  return compute(calendar, start, limit, stops, extensions, undefined);
}

/**
 * overdue when `now` is after `due` (no calendar needed); due_soon when the due day is
 * among the next `warnWorkingDays` working days counting today if it is one (1 = due
 * today or before the next working day); on_time otherwise. 0 never warns.
 */
export function deadlineState(due: Date, now: Date, calendar: WorkingCalendar, warnWorkingDays: number): DeadlineState {
  if (!(Number.isInteger(warnWorkingDays) && warnWorkingDays >= 0)) {
    throw validation(`预警工作日数应为非负整数，收到 ${String(warnWorkingDays)}`);
  }
  if (now.getTime() > due.getTime()) return 'overdue';
  if (warnWorkingDays === 0) return 'on_time';
  const today = shanghaiDay(now);
  const todayDate = formatDate(today);
  // Working days d with today <= d <= due day.
  const within = calendar.workingDaysBetween(todayDate, formatDate(shanghaiDay(due))) + (calendar.isWorkingDay(todayDate) ? 1 : 0);
  return within <= warnWorkingDays ? 'due_soon' : 'on_time';
}

/**
 * For display (剩余 N 个工作日 / 已超期 N 个工作日). Not overdue: the working days after
 * today up to and including the due day (0 = due today, or before the next working
 * day). Overdue: minus the working days after the due day up to and including today,
 * but at least 1 (a part of a working day counts as one), so the answer is negative
 * exactly when `now` is after `due`.
 */
export function remainingWorkingDays(calendar: WorkingCalendar, now: Date, due: Date): number {
  const n = calendar.workingDaysBetween(formatDate(shanghaiDay(now)), formatDate(shanghaiDay(due)));
  return now.getTime() > due.getTime() ? Math.min(n, -1) : n;
}

/** The Chinese wording of {@link remainingWorkingDays}. */
export function remainingText(remaining: number): string {
  if (remaining < 0) return `已超期 ${-remaining} 个工作日`;
  return remaining === 0 ? '今日到期' : `剩余 ${remaining} 个工作日`;
}

function validation(message: string): AppError {
  return new AppError('VALIDATION_FAILED', { message });
}

function compute(
  calendar: WorkingCalendar,
  start: Date,
  limit: TimeLimit,
  stops: readonly ClockStop[],
  extensions: readonly Extension[],
  now: Date | undefined,
): Date | null {
  if (!(Number.isInteger(limit.value) && limit.value >= 0)) throw validation(`办结时限应为非负整数，收到 ${String(limit.value)}`);
  let extra = 0;
  for (const e of extensions) {
    if (!(Number.isInteger(e.days) && e.days >= 0)) throw validation(`延长时限应为非负整数，收到 ${String(e.days)}`);
    extra += e.days;
  }
  const startMs = start.getTime();
  const acceptDay = shanghaiDay(start);
  const spans: Span[] = [];
  for (const s of stops) {
    const from = s.from.getTime();
    const to = s.to === null ? (now === undefined ? Infinity : now.getTime()) : s.to.getTime();
    if (Number.isNaN(from) || Number.isNaN(to)) throw new AppError('DATE_INVALID', { message: '时间无效' });
    if (s.to !== null && to < from) throw new RangeError(`a clock stop ends (${s.to.toISOString()}) before it begins (${s.from.toISOString()})`);
    spans.push({ from, to });
  }
  switch (limit.unit) {
    case 'hour': {
      const budget = (limit.value === 0 ? endOfShanghaiDay(acceptDay).getTime() - startMs : limit.value * MS_PER_HOUR) + extra * MS_PER_HOUR;
      const at = runOut(startMs, budget, merge(spans, startMs));
      return at === null ? null : new Date(at);
    }
    case 'working_day':
    case 'calendar_day': {
      const days = spans.map(({ from, to }) => ({ from: dayOf(from), to: to === Infinity ? Infinity : dayOf(to) }));
      const day = dueDay(calendar, limit.unit, acceptDay, limit.value + extra, merge(days, acceptDay));
      return day === null ? null : endOfShanghaiDay(day);
    }
  }
}

/** Half-open `[from, to)`: instants (ms) or, for day units, the suspended days. */
interface Span {
  from: number;
  to: number;
}

function dayOf(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / MS_PER_DAY);
}

/** Clipped to `[floor, …)`, empty ones dropped, sorted, overlapping and touching ones joined. */
function merge(spans: readonly Span[], floor: number): Span[] {
  const sorted = spans
    .map((s) => ({ from: Math.max(s.from, floor), to: s.to }))
    .filter((s) => s.to > s.from)
    .sort((a, b) => a.from - b.from);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
    else out.push({ ...s });
  }
  return out;
}

/** The instant the running (not stopped) time since `start` reaches `budget` ms; null if an open stop comes first. */
function runOut(start: number, budget: number, stops: readonly Span[]): number | null {
  let at = start;
  let left = budget;
  for (const s of stops) {
    if (s.from - at >= left) break;
    left -= s.from - at;
    if (s.to === Infinity) return null;
    at = s.to;
  }
  return at + left;
}

/**
 * The due day: the first day on or after the acceptance day that is not suspended and
 * has at least `need` counted days after the acceptance day up to and including it (a
 * working day too, for `calendar_day` when `need` ≥ 1). The free (unsuspended) runs of
 * days between stops are searched in order; null when an open stop comes first.
 */
function dueDay(calendar: WorkingCalendar, unit: 'working_day' | 'calendar_day', accept: number, need: number, stops: readonly Span[]): number | null {
  // Checks that the acceptance day's year is loaded, for every unit and every `need`.
  calendar.dayInfoOfEpochDay(accept);
  let lo = accept;
  let counted = 0;
  for (let i = 0; ; i++) {
    const stop = stops[i];
    const hi = stop ? stop.from - 1 : Infinity;
    if (hi >= lo) {
      // Counted days of the free run [lo, hi] are those after `base`.
      const base = lo === accept ? accept : lo - 1;
      const left = need - counted;
      let day: number;
      if (unit === 'working_day') {
        day = left <= 0 ? lo : tryParseDate(calendar.addWorkingDays(formatDate(base), left));
      } else {
        day = left <= 0 ? lo : base + left;
        if (need > 0 && day <= hi && !calendar.dayInfoOfEpochDay(day).workingDay) day = tryParseDate(calendar.addWorkingDays(formatDate(day), 1));
      }
      if (day <= hi) {
        calendar.dayInfoOfEpochDay(day); // CALENDAR_YEAR_NOT_LOADED for a day the calendar cannot vouch for
        return day;
      }
      counted += unit === 'working_day' ? calendar.workingDaysBetween(formatDate(base), formatDate(hi)) : hi - base;
    }
    // The last free run is unbounded, so the loop returns above unless an open stop ends the search.
    if (!stop || stop.to === Infinity) return null;
    lo = stop.to;
  }
}
