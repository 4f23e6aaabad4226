/**
 * Wording shared by the notices: dates as official documents write them
 * (2025年3月3日), the masked ID number, how the applicant is addressed.
 */
import { civilOf, shanghaiDayAndMinute, tryParseDate } from '../../../domain/calendar/dates.ts';
import { maskIdNumber } from '../../../domain/shared/privacy.ts';
import type { Instant, LocalDate, NoticeData } from './notice-data.ts';

/** `2025-03-03` → `2025年3月3日` (checked before: never NaN here). */
export function chineseDate(date: LocalDate): string {
  const { year, month, day } = civilOf(tryParseDate(date));
  return `${year}年${month}月${day}日`;
}

/** An instant in Asia/Shanghai time: `2025年3月3日 14时05分`. */
export function chineseDateTime(instant: Instant): string {
  const { epochDay, minute } = shanghaiDayAndMinute(new Date(instant));
  const { year, month, day } = civilOf(epochDay);
  const mm = String(minute % 60).padStart(2, '0');
  return `${year}年${month}月${day}日 ${Math.floor(minute / 60)}时${mm}分`;
}

/** The blank a hand fills in when the time is not known at printing. */
export const BLANK_DATE = '　　　　年　　月　　日';
export const BLANK_DATE_TIME = '　　　　年　　月　　日　　时　　分';

/**
 * The ID number as printed: masked, whatever the caller passed. A value with no `*`
 * is taken for a full number and masked here, so a notice never carries one.
 */
export function shownId(value: string | null | undefined): string {
  const v = value?.trim();
  if (!v) return '—';
  return v.includes('*') ? v : maskIdNumber(v);
}

export function idLabel(applicant: NoticeData['applicant']): string {
  return applicant.kind === 'organisation' ? '统一社会信用代码' : '身份证件号码';
}

/** How the body addresses the applicant: 你 / 你单位. */
export function you(applicant: NoticeData['applicant']): string {
  return applicant.kind === 'organisation' ? '你单位' : '你';
}

/** A clause written into a sentence: trimmed, without its own closing full stop. */
export function clause(text: string): string {
  return text.trim().replace(/[。；;.]+$/u, '');
}

export function counterText(counter: string | null | undefined): string {
  const c = counter?.trim();
  if (!c) return '—';
  return /窗口$/.test(c) ? c : `${c}号窗口`;
}
