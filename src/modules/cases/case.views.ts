/** Cases as the API shows them: summaries for lists, the detail with checklist, steps, timeline and due dates. */
import { maskApplicant, type Applicant } from '../../domain/cases/applicant.ts';
import { CASE_STATUS_LABELS, CLOCK_STATUSES, type CaseStatus } from '../../domain/cases/case-states.ts';
import { allowedDecisions, MATERIAL_STATUS_LABELS } from '../../domain/cases/checklist.ts';
import { deadlineState, remainingText, remainingWorkingDays } from '../../domain/cases/deadlines.ts';
import { isReviewOverdue, type ReviewStatus } from '../../domain/cases/refusal-review.ts';
import type { CaseSettings } from '../../domain/cases/settings.ts';
import { CASE_STAGE_LABELS, caseTimeline, stageOf, type TimelineEvent } from '../../domain/cases/timeline.ts';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.ts';
import { AppError } from '../../domain/shared/errors.ts';
import type { Queryable } from '../../platform/db/database.ts';
import * as repo from './case.repository.ts';
import type { CaseDetail, CaseSummary } from './case.schemas.ts';
import { rulesOf, storedSources, type CaseRules } from './case-sources.ts';
import { keysOf, revealApplicant, type Keys } from './personal-data.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { latestReviewOf, type ReviewRow } from './refusal-review.repository.ts';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export interface ViewContext {
  readonly now: Date;
  readonly calendar: WorkingCalendar;
  readonly settings: CaseSettings;
}

/** The due-date state of a running case (null when not on the clock, suspended, or beyond the loaded calendar). */
function dueState(row: repo.CaseRow, v: ViewContext): { state: CaseSummary['deadlineState']; text: string | null } {
  if (!row.promisedDueAt || !CLOCK_STATUSES.includes(row.status as CaseStatus)) return { state: null, text: row.status === 'suspended' ? '暂停计时' : null };
  try {
    return {
      state: deadlineState(row.promisedDueAt, v.now, v.calendar, v.settings.dueSoonWorkingDays),
      text: remainingText(remainingWorkingDays(v.calendar, v.now, row.promisedDueAt)),
    };
  } catch {
    return { state: v.now > row.promisedDueAt ? 'overdue' : 'on_time', text: null };
  }
}

export function summaryOf(row: repo.CaseRow & { counterNumber: string | null; clerkName: string | null }, v: ViewContext): CaseSummary {
  const status = row.status as CaseStatus;
  const stage = stageOf(status);
  const due = dueState(row, v);
  return {
    id: row.id,
    centreId: row.centreId,
    caseNumber: row.caseNumber,
    title: row.title,
    itemId: row.itemId,
    bundleId: row.bundleId,
    status,
    statusLabel: CASE_STATUS_LABELS[status],
    stage,
    stageLabel: CASE_STAGE_LABELS[stage],
    mode: row.mode,
    applicantName: row.applicantNameMasked,
    applicantKind: row.applicantKind,
    phoneMasked: row.phoneMasked,
    openedAt: row.openedAt.toISOString(),
    acceptedAt: iso(row.acceptedAt),
    decidedAt: iso(row.decidedAt),
    decision: row.decision,
    deliveredAt: iso(row.deliveredAt),
    archivedAt: iso(row.archivedAt),
    promisedDueAt: iso(row.promisedDueAt),
    legalDueAt: iso(row.legalDueAt),
    deadlineState: due.state,
    remainingText: due.text,
    counterId: row.counterId,
    counterNumber: row.counterNumber,
    clerkId: row.clerkId,
    clerkName: row.clerkName,
    ticketId: row.ticketId,
  };
}

/** The stages with counter numbers and staff names (those of the events, which name every counter and staff member of the stages). */
export function timelineView(events: readonly repo.EventRow[], now: Date) {
  const timelineEvents: TimelineEvent[] = events.map((e) => ({ type: e.type as TimelineEvent['type'], at: e.at, to: e.toStatus as CaseStatus, counterId: e.counterId, staffId: e.staffId, data: e.data }));
  const counterNames = new Map<string, string>();
  const staffNames = new Map<string, string>();
  for (const e of events) {
    if (e.counterId && e.counterNumber !== null) counterNames.set(e.counterId, e.counterNumber);
    if (e.staffId && e.staffName !== null) staffNames.set(e.staffId, e.staffName);
  }
  return caseTimeline(timelineEvents, now).map((s) => ({
    stage: s.stage,
    label: s.label,
    state: s.state,
    startedAt: iso(s.startedAt),
    endedAt: iso(s.endedAt),
    durationSeconds: s.durationSeconds,
    counters: s.counterIds.map((id) => counterNames.get(id) ?? '').filter((x) => x !== ''),
    staff: s.staffIds.map((id) => staffNames.get(id) ?? '').filter((x) => x !== ''),
  }));
}

function applicantView(a: Applicant, masked: boolean): CaseDetail['applicant'] {
  const v = masked ? maskApplicant(a) : { ...maskApplicant(a), ...fullFields(a) };
  return { ...v, masked };
}

function fullFields(a: Applicant) {
  return a.kind === 'person'
    ? { name: a.name, idNumber: a.idNumber, phone: a.phone, address: a.address }
    : { name: a.name, contactName: a.contactName, phone: a.phone, address: a.address };
}

/** Everything the detail of a case is made of. */
export interface DetailParts {
  readonly row: repo.NamedCaseRow;
  readonly items: readonly repo.CaseItemRow[];
  readonly steps: readonly Pick<repo.CaseStepRow, 'name' | 'itemId' | 'handler' | 'startedAt' | 'finishedAt' | 'opinion'>[];
  /** Oldest first. */
  readonly events: readonly repo.EventRow[];
  readonly review: ReviewRow | undefined;
  /** The rules of the case's versions; needed while the case is opened, accepted or processing only ({@link RULED_STATUSES}). */
  readonly rules: CaseRules | null;
}

/** Where the detail shows what the rules allow: the decisions (opened) and the steps to start (accepted, processing). */
const RULED_STATUSES: ReadonlySet<string> = new Set(['opened', 'accepted', 'processing']);

/** The whole case; personal data in full only when `reveal` (the route checks who may). */
export async function detailView(deps: AppDeps, q: Queryable, id: string, v: ViewContext, reveal: boolean): Promise<CaseDetail> {
  const [row, items, steps, events, review] = await Promise.all([repo.findCaseWithNames(q, id), repo.itemsOf(q, id), repo.stepsOf(q, id), repo.eventsOf(q, id), latestReviewOf(q, id)]);
  if (!row) throw new AppError('CASE_NOT_FOUND');
  const rules = RULED_STATUSES.has(row.status) ? rulesOf(await storedSources(deps, q, items, row.bundleId)) : null;
  return detailFrom(await keysOf(deps), { row, items, steps, events, review, rules }, v, reveal);
}

/** The detail from its parts (read, or held by the transaction that wrote them). */
export function detailFrom(keys: Keys, parts: DetailParts, v: ViewContext, reveal: boolean): CaseDetail {
  const { row, items, steps, events, review, rules } = parts;
  const applicant = revealApplicant(keys, row.applicantCipher);
  return {
    ...summaryOf(row, v),
    applicant: applicantView(applicant, !reveal),
    agentStaffId: row.agentStaffId,
    crossRegion: row.crossRegionScope ? { scope: row.crossRegionScope, decidingPlace: row.decidingPlace ?? '' } : null,
    checklist: row.checklist.map((e) => ({ name: e.name, issuingBody: e.issuingBody, required: e.required, status: e.status, statusLabel: MATERIAL_STATUS_LABELS[e.status], note: e.note, toleranceAllowed: e.toleranceAllowed })),
    allowedDecisions: row.status === 'opened' && rules ? allowedDecisions(row.checklist, rules.flags) : [],
    processSteps:
      row.status !== 'opened' && RULED_STATUSES.has(row.status) && rules
        ? rules.steps.map((st) => ({ name: st.name, itemId: st.itemId, itemName: st.itemId ? (items.find((i) => i.itemId === st.itemId)?.name ?? '') : row.title }))
        : [],
    items: items.map((i) => ({
      itemId: i.itemId,
      name: i.name,
      versionId: i.versionId,
      promisedLimit: i.promisedLimit ? { ...i.promisedLimit } : null,
      legalLimit: i.legalLimit ? { ...i.legalLimit } : null,
      decision: i.decision,
      decidedAt: iso(i.decidedAt),
      reasons: i.reasons,
    })),
    steps: steps.map((s) => ({ name: s.name, itemId: s.itemId, handler: s.handler, startedAt: s.startedAt.toISOString(), finishedAt: iso(s.finishedAt), opinion: s.opinion })),
    suspendedSeconds: row.suspendedSeconds,
    detail: row.detail,
    timeline: timelineView(events, v.now),
    events: events.map((e) => ({ type: e.type, at: e.at.toISOString(), from: e.fromStatus, to: e.toStatus, counterNumber: e.counterNumber, staffName: e.staffName, data: e.data })),
    refusalReview: review ? { id: review.id, status: review.status, dueAt: review.dueAt.toISOString(), overdue: isReviewOverdue({ status: review.status as ReviewStatus, dueAt: review.dueAt }, v.now) } : null,
  };
}
