/**
 * 否定事项报备 (DB36/T 2016 §7.5.2.3): every refusal of a case files a report in the
 * refusal's transaction (case-transition.service.ts); a request turned away without a
 * case is reported here. A manager confirms or overturns each with an opinion; an
 * overturned refusal reopens its case for acceptance in the same transaction. A report
 * still pending after its review date (setting, default 3 working days) is overdue.
 */
import { randomUUID } from 'node:crypto';
import { decideReview, isReviewOverdue, reviewDueAt, REVIEW_STATUS_LABELS, type ReviewStatus } from '../../domain/cases/refusal-review.ts';
import { AppError, fieldError } from '../../domain/shared/errors.ts';
import { maskName } from '../../domain/shared/privacy.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/auth/principal.ts';
import type { Queryable } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { getCalendar } from '../calendar/calendar.service.ts';
import { requireCentre, requireOpenCentre } from '../organisation/references.ts';
import { caseActor, caseEnv } from './case-sources.ts';
import { applyInTx } from './case-transition.service.ts';
import * as repo from './refusal-review.repository.ts';
import type { ReviewCreateBody, ReviewDecisionBody, ReviewListQuery, ReviewView } from './review.schemas.ts';
import { readCaseSettings } from './settings.service.ts';
import { requireItemOfCentre, requireTicketOfCentre } from './references.ts';

export async function reviewCentre(deps: AppDeps, id: string): Promise<{ centreId: string } | undefined> {
  const row = await repo.findReview(deps.db, id);
  return row && { centreId: row.centreId };
}

type ListedRow = Awaited<ReturnType<typeof repo.listReviews>>['rows'][number];

function viewOf(x: ListedRow, now: Date): ReviewView {
  const r = x.r;
  const status = r.status as ReviewStatus;
  return {
    id: r.id,
    centreId: r.centreId,
    caseId: r.caseId,
    caseNumber: x.caseNumber,
    itemId: r.itemId,
    itemName: x.itemName,
    ticketId: r.ticketId,
    applicantName: r.applicantNameMasked,
    reason: r.reason,
    legalBasis: r.legalBasis,
    counterNumber: x.counterNumber,
    clerkName: x.clerkName,
    reportedAt: r.reportedAt.toISOString(),
    dueAt: r.dueAt.toISOString(),
    status,
    statusLabel: REVIEW_STATUS_LABELS[status],
    overdue: isReviewOverdue({ status, dueAt: r.dueAt }, now),
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    opinion: r.opinion,
    late: r.late,
  };
}

export async function listReviews(deps: AppDeps, centreId: string, query: ReviewListQuery): Promise<{ items: ReviewView[]; total: number }> {
  const now = deps.clock();
  const { rows, total } = await repo.listReviews(deps.db, centreId, { status: query.status, overdueAt: query.overdue ? now : undefined, limit: query.limit ?? 100, offset: query.offset ?? 0 });
  if (total === 0) await requireCentre(deps.db, centreId);
  return { items: rows.map((r) => viewOf(r, now)), total };
}

async function viewById(q: Queryable, centreId: string, id: string, now: Date): Promise<ReviewView> {
  const { rows } = await repo.listReviews(q, centreId, { id, limit: 1, offset: 0 });
  return viewOf(rows[0]!, now);
}

/** A request turned away at the counter without a case, reported (§7.5.2.3). */
export async function reportRefusal(deps: AppDeps, actor: Actor, userId: string, centreId: string, body: ReviewCreateBody): Promise<ReviewView> {
  const now = deps.clock();
  const reason = body.reason.trim();
  const legalBasis = body.legalBasis.trim();
  if (!reason) throw fieldError('CASE_DATA_INVALID', '/reason', '须说明驳回或不予受理的理由');
  if (!legalBasis) throw fieldError('CASE_DATA_INVALID', '/legalBasis', '须写明依据');
  await requireOpenCentre(deps.db, centreId);
  // Read before the transaction (PGlite: a query outside an open transaction waits for it).
  const calendar = await getCalendar(deps, centreId);
  const id = await deps.db.transaction(async (tx) => {
    if (body.itemId) await requireItemOfCentre(tx, centreId, body.itemId);
    if (body.ticketId) await requireTicketOfCentre(tx, centreId, body.ticketId);
    const who = await caseActor(tx, userId, centreId);
    const settings = await readCaseSettings(tx, centreId);
    const row = await repo.insertReview(tx, {
      id: randomUUID(),
      centreId,
      caseId: null,
      itemId: body.itemId ?? null,
      ticketId: body.ticketId ?? null,
      applicantNameMasked: maskName(body.applicantName.trim()),
      reason,
      legalBasis,
      clerkId: who.staffId,
      counterId: who.counterId,
      reportedBy: userId,
      reportedAt: now,
      dueAt: reviewDueAt(calendar, now, settings.refusalReviewWorkingDays),
      status: 'pending',
    });
    await writeAudit(tx, actor, now, { centreId, entity: 'refusal_review', entityId: row.id, action: 'report', after: { reason, legalBasis, itemId: row.itemId, ticketId: row.ticketId, applicantName: row.applicantNameMasked } });
    return row.id;
  });
  return viewById(deps.db, centreId, id, now);
}

/** A manager's review: confirm, or overturn (the refused case reopens). */
export async function decideRefusalReview(deps: AppDeps, actor: Actor, userId: string, id: string, body: ReviewDecisionBody): Promise<ReviewView> {
  const now = deps.clock();
  const found = await repo.findReview(deps.db, id);
  if (!found) throw new AppError('REFUSAL_REVIEW_NOT_FOUND');
  const env = await caseEnv(deps, found.centreId);
  const centreId = await deps.db.transaction(async (tx) => {
    const review = await repo.lockReview(tx, id);
    if (!review) throw new AppError('REFUSAL_REVIEW_NOT_FOUND');
    const outcome = decideReview({ status: review.status as ReviewStatus, dueAt: review.dueAt }, body.decision, body.opinion, now);
    await repo.updateReview(tx, id, { status: outcome.status, opinion: outcome.opinion, reviewedAt: outcome.reviewedAt, reviewedBy: userId, late: outcome.late });
    if (review.caseId && outcome.status === 'overturned') {
      const who = await caseActor(tx, userId, review.centreId);
      await applyInTx(deps, env, tx, actor, who, review.caseId, { type: 'reopen', opinion: outcome.opinion });
    }
    await writeAudit(tx, actor, now, {
      centreId: review.centreId,
      entity: 'refusal_review',
      entityId: id,
      action: body.decision,
      before: { status: review.status },
      after: { status: outcome.status, opinion: outcome.opinion, late: outcome.late, caseId: review.caseId },
    });
    return review.centreId;
  });
  return viewById(deps.db, centreId, id, now);
}
