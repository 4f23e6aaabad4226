/**
 * How a centre serves at a given moment, from its weekly hours (§5.1.3.1) and the
 * extended and off-peak service of DB36/T 2016 §8.1.3.5:
 *   a) early and late off-peak windows on statutory working days, for appointment items → 'extended'
 *   b) service during the lunch break on statutory working days → 'lunch'
 *   c) Saturdays that are not statutory holidays: appointment items → 'appointment-only'
 *   d) Sundays where conditions allow: appointment items → 'appointment-only'
 * A make-up working Saturday or Sunday (调休上班) is a working day and follows the
 * working-day hours; holidays and the centre's closed days are closed all day.
 * Times are Asia/Shanghai (UTC+8, no daylight saving), computed without the process time zone.
 */
import { minutesOf } from '../organisation/centre-rules.ts';
import type { ServiceHours, TimeWindow } from '../organisation/types.ts';
import { isoWeekday, shanghaiDayAndMinute, shanghaiInstant } from './dates.ts';
import type { DayInfo, ServiceMode } from './types.ts';
import type { WorkingCalendar } from './working-calendar.ts';

/** A service window of one day, minutes from midnight, `[start, end)`. */
export interface ServiceWindow {
  readonly start: number;
  readonly end: number;
  readonly mode: Exclude<ServiceMode, 'closed'>;
}

function win(w: TimeWindow | null, mode: ServiceWindow['mode'], out: ServiceWindow[]): void {
  if (!w) return;
  const start = minutesOf(w.start);
  const end = minutesOf(w.end);
  if (start < end) out.push({ start, end, mode });
}

/**
 * The service windows of a day, in order of precedence (regular hours win where
 * windows overlap), then sorted by start by the callers that need it.
 */
export function serviceWindows(hours: ServiceHours, day: DayInfo, weekday: number): ServiceWindow[] {
  const out: ServiceWindow[] = [];
  switch (day.kind) {
    case 'workday':
    case 'makeup-workday':
      win(hours.morning, 'regular', out);
      win(hours.afternoon, 'regular', out);
      // §8.1.3.5 b: the lunch break is the gap between the morning and afternoon windows.
      if (hours.lunchService) win({ start: hours.morning.end, end: hours.afternoon.start }, 'lunch', out);
      // §8.1.3.5 a: early and late off-peak windows, for appointment items.
      win(hours.early, 'extended', out);
      win(hours.late, 'extended', out);
      return out;
    case 'weekend':
      // §8.1.3.5 c (Saturday, 应) and d (Sunday, 宜): appointment items only.
      win(weekday === 6 ? hours.saturday : weekday === 7 ? hours.sunday : null, 'appointment-only', out);
      return out;
    case 'holiday':
    case 'closed':
      return out;
  }
}

/** The service mode at `instant`; CALENDAR_YEAR_NOT_LOADED when its year's arrangement is missing. */
export function serviceModeAt(hours: ServiceHours, calendar: WorkingCalendar, instant: Date): ServiceMode {
  const { epochDay, minute } = shanghaiDayAndMinute(instant);
  const windows = serviceWindows(hours, calendar.dayInfoOfEpochDay(epochDay), isoWeekday(epochDay));
  for (const w of windows) if (minute >= w.start && minute < w.end) return w.mode;
  return 'closed';
}

/**
 * When service next opens at or after `instant` (`instant` itself when open), and
 * in which mode; null when nothing opens within `withinDays` days. Reaching a year
 * whose arrangement is missing is CALENDAR_YEAR_NOT_LOADED.
 */
export function nextOpening(
  hours: ServiceHours,
  calendar: WorkingCalendar,
  instant: Date,
  withinDays = 31,
): { at: Date; mode: Exclude<ServiceMode, 'closed'> } | null {
  const { epochDay, minute } = shanghaiDayAndMinute(instant);
  for (let d = 0; d <= withinDays; d++) {
    const day = epochDay + d;
    const windows = serviceWindows(hours, calendar.dayInfoOfEpochDay(day), isoWeekday(day));
    if (d === 0) {
      const open = windows.find((w) => minute >= w.start && minute < w.end);
      if (open) return { at: instant, mode: open.mode };
    }
    const later = windows.filter((w) => d > 0 || w.start > minute).sort((a, b) => a.start - b.start)[0];
    if (later) return { at: shanghaiInstant(day, later.start), mode: later.mode };
  }
  return null;
}
