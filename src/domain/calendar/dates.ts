/**
 * Calendar dates as integers. A date is written `YYYY-MM-DD` and computed as an
 * epoch day (days since 1970-01-01), so no arithmetic goes through JS `Date`, its
 * time zone or its daylight-saving rules.
 */
import { AppError, type FieldIssue } from '../shared/errors.ts';

const DASH = 45;
const ZERO = 48;

function digit(text: string, at: number): number {
  const d = text.charCodeAt(at) - ZERO;
  return d >= 0 && d <= 9 ? d : NaN;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The epoch day of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function epochDayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Year, month (1–12) and day of an epoch day. */
export function civilOf(epochDay: number): { year: number; month: number; day: number } {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * The epoch day of a `YYYY-MM-DD` string, or NaN when it is not a real date of the
 * years 1000–9999. Reads character codes: this is on the hot path of deadline sums.
 */
export function tryParseDate(text: string): number {
  if (text.length !== 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return NaN;
  const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const month = digit(text, 5) * 10 + digit(text, 6);
  const day = digit(text, 8) * 10 + digit(text, 9);
  // NaN fails every comparison below.
  if (!(year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return NaN;
  return epochDayOf(year, month, day);
}

/**
 * The epoch day of a `YYYY-MM-DD` string; throws DATE_INVALID (naming `path`, the
 * field at fault, when given) otherwise.
 */
export function parseDate(text: unknown, path?: string): number {
  const day = typeof text === 'string' ? tryParseDate(text) : NaN;
  if (Number.isNaN(day)) throw dateInvalid(text, path);
  return day;
}

export function dateInvalid(text: unknown, path?: string): AppError {
  const shown = typeof text === 'string' ? text.slice(0, 40) : String(text);
  const message = `日期“${shown}”无效，应为真实存在的日期，格式 YYYY-MM-DD`;
  const fields: FieldIssue[] = path ? [{ path, code: 'DATE_INVALID', message }] : [];
  return new AppError('DATE_INVALID', { message, fields });
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `YYYY-MM-DD` of an epoch day. */
export function formatDate(epochDay: number): string {
  const { year, month, day } = civilOf(epochDay);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** ISO weekday of an epoch day: 1 Monday … 6 Saturday, 7 Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(epochDay: number): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

export const MS_PER_DAY = 86_400_000;
/** Asia/Shanghai is UTC+8 all year (no daylight saving since 1991). */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The Asia/Shanghai epoch day and minute of the day of an instant, whatever the process time zone. */
export function shanghaiDayAndMinute(instant: Date): { epochDay: number; minute: number } {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new AppError('DATE_INVALID', { message: '时间无效' });
  const local = ms + SHANGHAI_OFFSET_MS;
  const epochDay = Math.floor(local / MS_PER_DAY);
  return { epochDay, minute: Math.floor((local - epochDay * MS_PER_DAY) / 60_000) };
}

/** The instant of a Shanghai epoch day and minute of the day. */
export function shanghaiInstant(epochDay: number, minute: number): Date {
  return new Date(epochDay * MS_PER_DAY + minute * 60_000 - SHANGHAI_OFFSET_MS);
}
