/**
 * 否定事项报备 (DB36/T 2016 §7.5.2.3): when a clerk refuses or turns away an application,
 * the refusal is reported and filed, and the centre's management reviews the report.
 * A report is `pending` until a manager confirms the refusal or overturns it, each with
 * an opinion; a pending report past its review date (a number of working days after
 * filing, setting `refusalReviewWorkingDays`) is overdue.
 */
import { formatDate, shanghaiDayAndMinute, tryParseDate } from '../calendar/dates.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { AppError } from '../shared/errors.ts';
import { endOfShanghaiDay } from './deadlines.ts';

export const REVIEW_STATUSES = ['pending', 'confirmed', 'overturned'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const REVIEW_STATUS_LABELS: Readonly<Record<ReviewStatus, string>> = { pending: '待复核', confirmed: '维持', overturned: '纠正' };

export const REVIEW_DECISIONS = ['confirm', 'overturn'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** The end of the `workingDays`-th working day after the filing day: the review is due by then. */
export function reviewDueAt(calendar: WorkingCalendar, filedAt: Date, workingDays: number): Date {
  const day = formatDate(shanghaiDayAndMinute(filedAt).epochDay);
  return endOfShanghaiDay(tryParseDate(calendar.addWorkingDays(day, workingDays)));
}

export function isReviewOverdue(review: { readonly status: ReviewStatus; readonly dueAt: Date }, now: Date): boolean {
  return review.status === 'pending' && now.getTime() > review.dueAt.getTime();
}

export interface ReviewOutcome {
  readonly status: Exclude<ReviewStatus, 'pending'>;
  readonly opinion: string;
  readonly reviewedAt: Date;
  /** Whether the review came after its due date (kept for the supervision statistics). */
  readonly late: boolean;
}

/** A manager's decision on a pending report; REFUSAL_REVIEW_ALREADY_DECIDED for a second one, CASE_DATA_INVALID without an opinion. */
export function decideReview(review: { readonly status: ReviewStatus; readonly dueAt: Date }, decision: ReviewDecision, opinion: string, now: Date): ReviewOutcome {
  if (review.status !== 'pending') throw new AppError('REFUSAL_REVIEW_ALREADY_DECIDED', { details: { status: review.status } });
  const text = opinion.trim();
  if (!text) throw new AppError('CASE_DATA_INVALID', { message: '复核须写明意见', fields: [{ path: '/opinion', code: 'CASE_DATA_INVALID', message: '复核须写明意见' }] });
  return { status: decision === 'confirm' ? 'confirmed' : 'overturned', opinion: text, reviewedAt: now, late: isReviewOverdue(review, now) };
}
