/**
 * May a ticket be issued now? (DB36/T 2016 §5.2.2 排队取号机, §6.2 排队取号, §7.1.5 取号秩序,
 * §8.1.3.5 extended and off-peak service; issue 4 "Kiosk", "Mobile ticket").
 *
 * Checks, first refusal wins:
 * 1. the centre serves now (calendar/service-mode.ts): closed → CENTRE_CLOSED_NOW;
 *    extended and appointment-only windows (§8.1.3.5 a, c, d) serve appointments
 *    only → CENTRE_APPOINTMENT_ONLY for walk-in sources;
 * 2. the queue's issuing windows (kiosk and mobile only: a clerk issuing at the
 *    counter and an appointment check-in are bound by the centre's hours, not by the
 *    queue's windows) → QUEUE_ISSUING_CLOSED, with when issuing opens next;
 * 3. the queue's daily quota (kiosk and mobile tickets count) → QUEUE_QUOTA_SPENT;
 * 4. mobile tickets: at most N per phone and per ID number per service day →
 *    MOBILE_PHONE_LIMIT, MOBILE_ID_LIMIT.
 * A refusal says in Chinese what happened and, where it helps, when to come back.
 */
import { formatDate, isoWeekday, shanghaiDayAndMinute, shanghaiInstant } from '../calendar/dates.ts';
import { serviceModeAt, serviceWindows } from '../calendar/service-mode.ts';
import type { ServiceMode } from '../calendar/types.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { minutesOf } from '../organisation/centre-rules.ts';
import type { ServiceHours, TimeWindow } from '../organisation/types.ts';
import { AppError, type ErrorCode, type FieldIssue } from '../shared/errors.ts';
import { isValidResidentId } from '../shared/identity.ts';
import { maskIdNumber, maskPhone } from '../shared/privacy.ts';
import { serviceDayKey } from './numbering.ts';
import type { TicketSource } from './ticket-states.ts';

/** Sources a citizen or clerk issues from (a transfer is made by the state machine, not issued). */
export type IssueSource = Exclude<TicketSource, 'transfer'>;

export interface IssuingQueue {
  readonly id: string;
  readonly name: string;
  /** `HH:MM` windows of a day in which kiosk and mobile tickets are issued; empty: whenever the centre serves. */
  readonly issuingWindows: readonly TimeWindow[];
  /** Kiosk and mobile tickets per service day; null: no limit. */
  readonly dailyQuota: number | null;
}

export interface IssuingCentre {
  readonly hours: ServiceHours;
  readonly calendar: WorkingCalendar;
}

export interface IssuingLimits {
  /** Mobile tickets per phone number per service day, across the centre. */
  readonly mobilePerPhone: number;
  /** Mobile tickets per ID number per service day, across the centre. */
  readonly mobilePerIdNumber: number;
}

export const DEFAULT_ISSUING_LIMITS: IssuingLimits = { mobilePerPhone: 3, mobilePerIdNumber: 3 };

export interface IssueRequest {
  readonly source: IssueSource;
  readonly phone?: string | null;
  readonly idNumber?: string | null;
}

/** The request with phone and ID number normalised (digits only; upper-case X). */
export interface NormalisedIssueRequest {
  readonly source: IssueSource;
  readonly phone: string | null;
  readonly idNumber: string | null;
}

/** What the service counts in the database for the decision (same service day). */
export interface IssuedCounts {
  /** Tickets of this queue that count toward its quota ({@link countsTowardQuota}). */
  readonly queueToday: number;
  /** Mobile tickets already taken with this phone (0 when no phone). */
  readonly phoneToday: number;
  /** Mobile tickets already taken with this ID number (0 when none). */
  readonly idNumberToday: number;
}

export type IssueRefusal =
  | { readonly code: 'CENTRE_CLOSED_NOW'; readonly message: string; readonly nextOpenAt: Date | null }
  | { readonly code: 'CENTRE_APPOINTMENT_ONLY'; readonly message: string; readonly mode: ServiceMode; readonly nextOpenAt: Date | null }
  | { readonly code: 'QUEUE_ISSUING_CLOSED'; readonly message: string; readonly nextOpenAt: Date | null }
  | { readonly code: 'QUEUE_QUOTA_SPENT'; readonly message: string; readonly quota: number }
  | { readonly code: 'MOBILE_PHONE_LIMIT'; readonly message: string; readonly limit: number }
  | { readonly code: 'MOBILE_ID_LIMIT'; readonly message: string; readonly limit: number };

export type IssueDecision =
  | { readonly ok: true; readonly serviceDay: string; readonly mode: Exclude<ServiceMode, 'closed'> }
  | { readonly ok: false; readonly refusal: IssueRefusal };

/** Kiosk and mobile tickets use up the daily quota; a clerk's ticket and an appointment check-in do not. */
export function countsTowardQuota(source: IssueSource): boolean {
  return source === 'kiosk' || source === 'mobile';
}

/** Whether the queue's own issuing windows bind this source (see the module comment). */
function windowsApply(source: IssueSource): boolean {
  return source === 'kiosk' || source === 'mobile';
}

/** §8.1.3.5: regular and lunch-time service issue to everyone, extended and weekend windows to appointments. */
function modeAllows(mode: ServiceMode, source: IssueSource): boolean {
  switch (mode) {
    case 'regular':
    case 'lunch':
      return true;
    case 'extended':
    case 'appointment-only':
      return source === 'appointment';
    case 'closed':
      return false;
  }
}

function inWindows(windows: readonly TimeWindow[], minute: number): boolean {
  return windows.length === 0 || windows.some((w) => minute >= minutesOf(w.start) && minute < minutesOf(w.end));
}

const PHONE = /^1[3-9]\d{9}$/;

/**
 * Phone (mainland mobile number, 11 digits; spaces, dashes and a +86 prefix are
 * dropped) and ID number (GB 11643, checked) of a request; a mobile ticket needs a
 * phone, for the "your turn is near" message and the daily limit. Throws one
 * AppError listing every field at fault, with the values masked.
 */
export function normaliseIssueRequest(request: IssueRequest): NormalisedIssueRequest {
  const issues: (FieldIssue & { readonly code: ErrorCode })[] = [];
  let phone: string | null = null;
  const rawPhone = request.phone?.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '') ?? '';
  if (rawPhone) {
    if (PHONE.test(rawPhone)) phone = rawPhone;
    else issues.push({ path: '/phone', code: 'PHONE_INVALID', message: `手机号码“${maskPhone(rawPhone)}”不正确，应为 11 位手机号` });
  } else if (request.source === 'mobile') {
    issues.push({ path: '/phone', code: 'MOBILE_PHONE_REQUIRED', message: '手机取号须填写手机号码，用于到号提醒' });
  }
  let idNumber: string | null = null;
  const rawId = request.idNumber?.trim().toUpperCase() ?? '';
  if (rawId) {
    if (isValidResidentId(rawId)) idNumber = rawId;
    else issues.push({ path: '/idNumber', code: 'ID_NUMBER_INVALID', message: `身份证号码“${maskIdNumber(rawId)}”不正确（GB 11643）` });
  }
  if (issues.length > 0) {
    throw new AppError(issues[0]!.code, { message: issues.map((i) => i.message).join('；'), fields: issues });
  }
  return { source: request.source, phone, idNumber };
}

/** The first whole minute after `from` at which `allowed` holds, within `withinDays` days; null if none (or the calendar runs out). */
function nextAllowed(
  centre: IssuingCentre,
  extraWindows: readonly TimeWindow[],
  from: Date,
  allowed: (at: Date) => boolean,
  withinDays: number,
): Date | null {
  const { epochDay, minute } = shanghaiDayAndMinute(from);
  try {
    for (let d = 0; d <= withinDays; d++) {
      const day = epochDay + d;
      // Both the centre's windows and the queue's are unions of intervals: their
      // intersection starts at one of their boundaries.
      const bounds = new Set<number>();
      for (const w of serviceWindows(centre.hours, centre.calendar.dayInfoOfEpochDay(day), isoWeekday(day))) bounds.add(w.start).add(w.end);
      for (const w of extraWindows) bounds.add(minutesOf(w.start)).add(minutesOf(w.end));
      const sorted = [...bounds].filter((m) => d > 0 || m > minute).sort((a, b) => a - b);
      for (const m of sorted) {
        const at = shanghaiInstant(day, m);
        if (allowed(at)) return at;
      }
    }
  } catch (e) {
    // A year whose holiday arrangement is not loaded: say nothing rather than guess.
    if (e instanceof AppError && e.code === 'CALENDAR_YEAR_NOT_LOADED') return null;
    throw e;
  }
  return null;
}

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

/** "今天 13:30", "明天 09:00", "3月10日（星期一）09:00" — an instant for a citizen, from the point of view of `now`. */
export function describeOpening(at: Date, now: Date): string {
  const a = shanghaiDayAndMinute(at);
  const n = shanghaiDayAndMinute(now);
  const hhmm = `${String(Math.floor(a.minute / 60)).padStart(2, '0')}:${String(a.minute % 60).padStart(2, '0')}`;
  if (a.epochDay === n.epochDay) return `今天 ${hhmm}`;
  if (a.epochDay === n.epochDay + 1) return `明天 ${hhmm}`;
  const [, month, day] = formatDate(a.epochDay).split('-').map(Number);
  return `${month}月${day}日（星期${WEEKDAYS[isoWeekday(a.epochDay) - 1]}）${hhmm}`;
}

function windowsText(windows: readonly TimeWindow[]): string {
  return windows.map((w) => `${w.start}–${w.end}`).join('、');
}

const whenNext = (next: Date | null, now: Date, lead: string) => (next ? `，${lead}：${describeOpening(next, now)}` : '');

/**
 * The decision for one ticket of `queue` requested now. The request must be
 * normalised first ({@link normaliseIssueRequest}). `withinDays` bounds the search
 * for the next opening (null beyond it, or beyond the loaded calendar years).
 */
export function decideIssue(input: {
  readonly queue: IssuingQueue;
  readonly centre: IssuingCentre;
  readonly request: NormalisedIssueRequest;
  readonly counts: IssuedCounts;
  readonly limits: IssuingLimits;
  readonly now: Date;
  readonly withinDays?: number;
}): IssueDecision {
  const { queue, centre, request, counts, limits, now } = input;
  const withinDays = input.withinDays ?? 14;
  const { source } = request;
  const mode = serviceModeAt(centre.hours, centre.calendar, now);
  const queueWindows = windowsApply(source) ? queue.issuingWindows : [];
  const issuingAt = (at: Date) => modeAllows(serviceModeAt(centre.hours, centre.calendar, at), source) && inWindows(queueWindows, shanghaiDayAndMinute(at).minute);

  if (mode === 'closed' || !modeAllows(mode, source)) {
    const next = nextAllowed(centre, queueWindows, now, issuingAt, withinDays);
    if (mode === 'closed') {
      return { ok: false, refusal: { code: 'CENTRE_CLOSED_NOW', nextOpenAt: next, message: `当前不在中心服务时间${whenNext(next, now, '下次可取号时间')}` } };
    }
    return {
      ok: false,
      refusal: {
        code: 'CENTRE_APPOINTMENT_ONLY',
        mode,
        nextOpenAt: next,
        message: `当前为预约服务时段，仅办理已预约的业务（DB36/T 2016 §8.1.3.5）${whenNext(next, now, '现场取号时间')}`,
      },
    };
  }
  if (!inWindows(queueWindows, shanghaiDayAndMinute(now).minute)) {
    const next = nextAllowed(centre, queueWindows, now, issuingAt, withinDays);
    return {
      ok: false,
      refusal: { code: 'QUEUE_ISSUING_CLOSED', nextOpenAt: next, message: `“${queue.name}”的取号时间为 ${windowsText(queue.issuingWindows)}${whenNext(next, now, '下次开始取号')}` },
    };
  }
  if (countsTowardQuota(source) && queue.dailyQuota !== null && counts.queueToday >= queue.dailyQuota) {
    return {
      ok: false,
      refusal: { code: 'QUEUE_QUOTA_SPENT', quota: queue.dailyQuota, message: `今日“${queue.name}”号源已取完（每日 ${queue.dailyQuota} 个），请改日再来或网上预约` },
    };
  }
  if (source === 'mobile') {
    if (request.phone && counts.phoneToday >= limits.mobilePerPhone) {
      return { ok: false, refusal: { code: 'MOBILE_PHONE_LIMIT', limit: limits.mobilePerPhone, message: `该手机号今日已取 ${counts.phoneToday} 个号，每日最多 ${limits.mobilePerPhone} 个` } };
    }
    if (request.idNumber && counts.idNumberToday >= limits.mobilePerIdNumber) {
      return { ok: false, refusal: { code: 'MOBILE_ID_LIMIT', limit: limits.mobilePerIdNumber, message: `该身份证号今日已取 ${counts.idNumberToday} 个号，每日最多 ${limits.mobilePerIdNumber} 个` } };
    }
  }
  return { ok: true, serviceDay: serviceDayKey(now), mode };
}

/** The AppError of a refusal (code, Chinese message, and the refusal's data as details). */
export function refusalError(refusal: IssueRefusal): AppError {
  const { code, message, ...rest } = refusal;
  const details: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) details[k] = v instanceof Date ? v.toISOString() : v;
  return new AppError(code, { message, details });
}

/** {@link normaliseIssueRequest} then {@link decideIssue}; throws the refusal. */
export function assertMayIssue(input: Omit<Parameters<typeof decideIssue>[0], 'request'> & { readonly request: IssueRequest }): NormalisedIssueRequest & {
  readonly serviceDay: string;
} {
  const request = normaliseIssueRequest(input.request);
  const decision = decideIssue({ ...input, request });
  if (!decision.ok) throw refusalError(decision.refusal);
  return { ...request, serviceDay: decision.serviceDay };
}

/** A queue's issuing settings: windows `HH:MM`, start before end, in order, not overlapping; quota a positive whole number or none. */
export function checkIssuingSettings(queue: Pick<IssuingQueue, 'issuingWindows' | 'dailyQuota'>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const hhmm = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
  let lastEnd = -1;
  queue.issuingWindows.forEach((w, i) => {
    const path = `/issuingWindows/${i}`;
    if (!hhmm.test(w.start) || !hhmm.test(w.end)) {
      issues.push({ path, code: 'QUEUE_SETTINGS_INVALID', message: '取号时间应为 HH:MM' });
      return;
    }
    const start = minutesOf(w.start);
    const end = minutesOf(w.end);
    if (start >= end) issues.push({ path, code: 'QUEUE_SETTINGS_INVALID', message: '取号开始时间应早于结束时间' });
    else if (start < lastEnd) issues.push({ path, code: 'QUEUE_SETTINGS_INVALID', message: '取号时间段应按先后排列且不重叠' });
    lastEnd = Math.max(lastEnd, end);
  });
  if (queue.dailyQuota !== null && (!Number.isInteger(queue.dailyQuota) || queue.dailyQuota < 1)) {
    issues.push({ path: '/dailyQuota', code: 'QUEUE_SETTINGS_INVALID', message: '每日号源应为正整数，不限则留空' });
  }
  return issues;
}
