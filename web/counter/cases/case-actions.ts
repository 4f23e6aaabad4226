/**
 * What the clerk may do with a case, from THE transition table of cases
 * (src/domain/cases/case-states.ts), so the buttons and the server agree; the notices a
 * case has; where the server's field errors of a transition go on the action's form.
 */
import { CASE_ACTION_LABELS, canApply, type CaseStatus } from '../../../src/domain/cases/case-states.ts';
import { ApiError } from '../../shared/api.ts';
import type { CaseAction, CaseDetail, NoticeKind } from './types.ts';

/** The actions on an open case's detail, in the order of its life (§8.1.2.4–§8.1.2.6). */
export const DETAIL_ACTIONS = [
  'resubmit',
  'start_step',
  'finish_step',
  'suspend',
  'resume',
  'extend',
  'complete_tolerance',
  'decide',
  'notify_pickup',
  'picked_up',
  'post',
  'delivered',
  'archive',
  'withdraw',
] as const satisfies readonly CaseAction[];
export type DetailAction = (typeof DETAIL_ACTIONS)[number];

export const DETAIL_ACTION_LABELS: Readonly<Record<DetailAction, string>> = {
  resubmit: CASE_ACTION_LABELS.resubmit,
  start_step: CASE_ACTION_LABELS.start_step,
  finish_step: CASE_ACTION_LABELS.finish_step,
  suspend: CASE_ACTION_LABELS.suspend,
  resume: CASE_ACTION_LABELS.resume,
  extend: CASE_ACTION_LABELS.extend,
  complete_tolerance: CASE_ACTION_LABELS.complete_tolerance,
  decide: CASE_ACTION_LABELS.decide,
  notify_pickup: CASE_ACTION_LABELS.notify_pickup,
  picked_up: '已领取（核验身份）',
  post: CASE_ACTION_LABELS.post,
  delivered: CASE_ACTION_LABELS.delivered,
  archive: CASE_ACTION_LABELS.archive,
  withdraw: CASE_ACTION_LABELS.withdraw,
};

type CaseFacts = Pick<CaseDetail, 'status' | 'mode' | 'steps' | 'detail'>;

interface ToleranceFacts {
  readonly materials?: readonly { readonly name: string; readonly completedAt: string | null }[];
  readonly deadline?: string | null;
  readonly commitment?: string;
  readonly completedAt?: string | null;
}

/** The tolerance record of a case accepted with deficiency (容缺, §8.2.7), if any. */
export function toleranceOf(detail: Pick<CaseDetail, 'detail'>): ToleranceFacts | null {
  const t = detail.detail.tolerance;
  return t && typeof t === 'object' ? (t as ToleranceFacts) : null;
}

/** Tolerated materials not yet handed in. */
export function outstandingTolerated(detail: Pick<CaseDetail, 'detail'>): string[] {
  return (toleranceOf(detail)?.materials ?? []).filter((m) => m.completedAt === null).map((m) => m.name);
}

/** The steps started and not finished. */
export function openSteps(detail: Pick<CaseDetail, 'steps'>): CaseDetail['steps'] {
  return detail.steps.filter((s) => s.finishedAt === null);
}

/** The actions the table allows now, and that make sense for this case. */
export function offeredActions(detail: CaseFacts): DetailAction[] {
  const status = detail.status as CaseStatus;
  return DETAIL_ACTIONS.filter((a) => {
    if (!canApply(status, a)) return false;
    if (a === 'finish_step') return openSteps(detail).length > 0;
    if (a === 'complete_tolerance') return detail.mode === 'tolerance' && outstandingTolerated(detail).length > 0;
    return true;
  });
}

/** Whether the case waits at the counter for its decision (材料核验中): the acceptance panel takes it on. */
export function awaitsAcceptance(detail: Pick<CaseDetail, 'status'>): boolean {
  return detail.status === 'opened';
}

export const NOTICE_LABELS: Readonly<Record<NoticeKind, string>> = {
  acceptance: '受理通知书',
  correction: '一次性告知书',
  tolerance: '容缺受理通知书',
  refusal: '不予受理通知书',
  delivery_receipt: '送达回证',
};

/**
 * The notices this case has, by the server's own rule (notice.service.ts): each once its
 * step was recorded — the acceptance notice not while the clock stands with no due date,
 * the delivery receipt once delivered or posted.
 */
export function noticesOf(detail: Pick<CaseDetail, 'status' | 'acceptedAt' | 'promisedDueAt' | 'mode' | 'deliveredAt' | 'events' | 'detail'>): NoticeKind[] {
  const out: NoticeKind[] = [];
  if (detail.events.some((e) => e.type === 'correction_requested')) out.push('correction');
  if (detail.acceptedAt) {
    if (detail.promisedDueAt || detail.status !== 'suspended') out.push('acceptance');
    if (detail.mode === 'tolerance' && detail.detail.tolerance) out.push('tolerance');
  }
  if (detail.detail.refusal) out.push('refusal');
  if (detail.deliveredAt || detail.status === 'posted') out.push('delivery_receipt');
  return out;
}

/** GET /api/v1/cases/{id}/notices/{kind}.pdf */
export function noticeUrl(caseId: string, kind: NoticeKind): string {
  return `/api/v1/cases/${encodeURIComponent(caseId)}/notices/${kind}.pdf`;
}

/** The one-time answer (一次性告知书) of a consultation, §8.1.2.2 a. */
export function consultationNoticeUrl(centreId: string, consultationId: string): string {
  return `/api/v1/centres/${encodeURIComponent(centreId)}/consultations/${encodeURIComponent(consultationId)}/notice.pdf`;
}

/**
 * The error of a transition with its field paths moved from the body's `data` to the
 * action's form (`/data/reason` → `/reason`; `/data/materials/2/note` → `/materials/2/note`),
 * then through `rename` (a form whose field has another name), so each message lands on
 * its field.
 */
export function atActionFields(error: unknown, rename: (path: string) => string = (p) => p): unknown {
  if (!(error instanceof ApiError)) return error;
  const fields = error.fields.map((f) => ({ ...f, path: rename(f.path.replace(/^(body:)?\/data(?=\/|$)/, '') || '/') }));
  return new ApiError(error.status, error.code, error.message, fields, error.details ? { ...error.details } : undefined);
}

/**
 * The data of a transition without its empty optional fields: every nullable field of an
 * action is also optional, and an absent one means the same as null.
 */
export function withoutNulls<T extends Record<string, unknown>>(data: T): T {
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== null && v !== undefined)) as T;
}
