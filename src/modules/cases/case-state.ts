/**
 * The domain state of a case (domain/cases/case-states.ts) to and from its rows: the
 * queryable parts are columns (status, mode, dates, due dates, tolerance deadline), the
 * items and steps rows of their own, the rest one JSON value (`detail`) with instants
 * as ISO strings. A posting address is kept encrypted beside it; the detail holds it masked.
 */
import { maskAddress } from '../../domain/cases/applicant.ts';
import type { ArchiveRecord, CaseExtension, CaseState, CaseStatus, CaseStop, Delivery, ToleranceState } from '../../domain/cases/case-states.ts';
import type { AcceptanceMode } from '../../domain/cases/checklist.ts';
import type { CaseInsert, CaseItemRow, CaseRow, CaseStepRow } from './case.repository.ts';

type Json = Record<string, unknown>;

const d = (v: unknown): Date | null => (typeof v === 'string' ? new Date(v) : null);
const iso = (v: Date | null | undefined): string | null => (v ? v.toISOString() : null);

/** The detail JSON of a state (what has no column). */
export function detailOf(s: CaseState): Json {
  return {
    tolerance: s.tolerance && {
      materials: s.tolerance.materials.map((m) => ({ key: m.key, name: m.name, completedAt: iso(m.completedAt) })),
      deadline: iso(s.tolerance.deadline),
      commitment: s.tolerance.commitment,
      completedAt: iso(s.tolerance.completedAt),
    },
    commitment: s.commitment,
    refusal: s.refusal && { reason: s.refusal.reason, legalBasis: s.refusal.legalBasis, at: iso(s.refusal.at) },
    withdrawal: s.withdrawal && { reason: s.withdrawal.reason, at: iso(s.withdrawal.at) },
    stops: s.stops.map((x) => ({ from: iso(x.from), to: iso(x.to), kind: x.kind, reason: x.reason, approver: x.approver })),
    suspendedFrom: s.suspendedFrom,
    extensions: s.extensions.map((e) => ({ days: e.days, reason: e.reason, approver: e.approver, at: iso(e.at) })),
    delivery: deliveryJson(s.delivery),
    archive: s.archive && { ...s.archive, archivedAt: iso(s.archive.archivedAt) },
  };
}

function deliveryJson(x: Delivery | null): Json | null {
  if (!x) return null;
  if (x.method === 'pickup') return { ...x, notifiedAt: iso(x.notifiedAt), pickedUpAt: iso(x.pickedUpAt) };
  const masked = x.address.includes('*') ? x.address : maskAddress(x.address);
  return { ...x, address: masked, postedAt: iso(x.postedAt), deliveredAt: iso(x.deliveredAt) };
}

function deliveryOf(j: Json | null | undefined): Delivery | null {
  if (!j) return null;
  if (j.method === 'pickup') return { ...(j as unknown as Delivery & { method: 'pickup' }), notifiedAt: d(j.notifiedAt)!, pickedUpAt: d(j.pickedUpAt) };
  return { ...(j as unknown as Delivery & { method: 'post' }), postedAt: d(j.postedAt)!, deliveredAt: d(j.deliveredAt) };
}

/** The domain state of a case (with its row's id and centre) from its rows; `reviewPending`: a refusal report awaits review (refusal_reviews is the source). */
export function stateOf(row: CaseRow, items: readonly CaseItemRow[], steps: readonly CaseStepRow[], reviewPending: boolean): CaseState & { readonly centreId: string } {
  const j = row.detail;
  const tol = j.tolerance as Json | null | undefined;
  const tolerance: ToleranceState | null = tol
    ? {
        materials: (tol.materials as Json[]).map((m) => ({ key: String(m.key), name: String(m.name), completedAt: d(m.completedAt) })),
        deadline: d(tol.deadline)!,
        commitment: String(tol.commitment),
        completedAt: d(tol.completedAt),
      }
    : null;
  const refusal = j.refusal as Json | null | undefined;
  const withdrawal = j.withdrawal as Json | null | undefined;
  const archive = j.archive as Json | null | undefined;
  return {
    id: row.id,
    centreId: row.centreId,
    caseNumber: row.caseNumber,
    status: row.status as CaseStatus,
    openedAt: row.openedAt,
    checklist: row.checklist,
    mode: row.mode as AcceptanceMode | null,
    acceptedAt: row.acceptedAt,
    tolerance,
    commitment: (j.commitment as string | null | undefined) ?? null,
    refusal: refusal ? { reason: String(refusal.reason), legalBasis: String(refusal.legalBasis), at: d(refusal.at)! } : null,
    refusalReviewPending: reviewPending,
    withdrawal: withdrawal ? { reason: String(withdrawal.reason), at: d(withdrawal.at)! } : null,
    items: items.map((i) => ({ itemId: i.itemId, promisedLimit: i.promisedLimit, legalLimit: i.legalLimit, decision: i.decision as 'approve' | 'reject' | null, decidedAt: i.decidedAt, reasons: i.reasons })),
    steps: steps.map((s) => ({ name: s.name, itemId: s.itemId, handler: s.handler, startedAt: s.startedAt, finishedAt: s.finishedAt, opinion: s.opinion })),
    stops: ((j.stops as Json[] | undefined) ?? []).map((x) => ({ ...(x as unknown as CaseStop), from: d(x.from)!, to: d(x.to) })),
    suspendedFrom: (j.suspendedFrom as CaseStatus | null | undefined) ?? null,
    extensions: ((j.extensions as Json[] | undefined) ?? []).map((e) => ({ ...(e as unknown as CaseExtension), at: d(e.at)! })),
    decision: row.decision as CaseState['decision'],
    decidedAt: row.decidedAt,
    delivery: deliveryOf(j.delivery as Json | null | undefined),
    deliveredAt: row.deliveredAt,
    archive: archive ? { ...(archive as unknown as ArchiveRecord), archivedAt: d(archive.archivedAt)! } : null,
  };
}

/** The columns a state writes back (due dates are the service's, from case-clock.ts). */
export function stateColumns(s: CaseState): Partial<CaseInsert> {
  const suspendedMs = s.stops.reduce((sum, x) => sum + (x.to ? x.to.getTime() - x.from.getTime() : 0), 0);
  return {
    status: s.status,
    mode: s.mode,
    checklist: [...s.checklist],
    detail: detailOf(s),
    acceptedAt: s.acceptedAt,
    decidedAt: s.decidedAt,
    decision: s.decision,
    deliveredAt: s.deliveredAt,
    archivedAt: s.archive?.archivedAt ?? null,
    suspendedSeconds: Math.round(suspendedMs / 1000),
    toleranceDeadline: s.tolerance?.deadline ?? null,
    toleranceCompletedAt: s.tolerance?.completedAt ?? null,
  };
}
