/**
 * Every move of a case after opening goes through the ONE transition table
 * (domain/cases/case-states.ts), under the case's row lock, against the versions the
 * case was opened under: the new columns, the due dates recomputed (accept, suspend,
 * resume, extend, decide; case-clock.ts), the items' decisions, the steps, the event,
 * the refusal report (§7.5.2.3) and the audit record are written in one transaction.
 * The applicant is notified after the commit. A refused move writes nothing.
 */
import { randomUUID } from 'node:crypto';
import { caseDueDates } from '../../domain/cases/case-clock.ts';
import { transition, type CaseAction, type CaseActor, type CaseState, type CaseTransitionResult } from '../../domain/cases/case-states.ts';
import { reviewDueAt } from '../../domain/cases/refusal-review.ts';
import { endOfShanghaiDay } from '../../domain/cases/deadlines.ts';
import { tryParseDate } from '../../domain/calendar/dates.ts';
import { AppError } from '../../domain/shared/errors.ts';
import { auditRow } from '../../platform/audit/audit.ts';
import { CHANGE_CHANNEL } from '../../platform/db/change-feed.ts';
import type { Actor } from '../../platform/auth/principal.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import * as repo from './case.repository.ts';
import type { CaseDetail, TransitionBody } from './case.schemas.ts';
import { caseEnv, contextOf, rulesOf, storedSources, type CaseEnv, type NamedCaseActor } from './case-sources.ts';
import { knownCaseScope, rememberCaseScope, type CaseScope } from './case-scope-cache.ts';
import { keptCaseActor } from './actor-cache.ts';
import { viewContext } from './case-read.service.ts';
import { detailFrom, type DetailParts } from './case.views.ts';
import { stateColumns, stateOf } from './case-state.ts';
import { sendCaseNotices, type NoticeFacts } from './notify.ts';
import { seal } from './personal-data.ts';
import { CASE_PROGRESS_TOPIC } from './public-progress-cache.ts';
import { insertReview } from './refusal-review.repository.ts';
import { readCaseSettings } from './settings.service.ts';

/**
 * The centre and department of a case, for access control of `/cases/:id`. Neither
 * ever changes once the case is opened, so they are kept per process (case-scope-cache.ts).
 */
export async function caseCentre(deps: AppDeps, id: string): Promise<CaseScope | undefined> {
  const known = knownCaseScope(deps, id);
  if (known) return known;
  const row = await repo.findCase(deps.db, id);
  if (!row) return undefined;
  return rememberCaseScope(deps, id, { centreId: row.centreId, departmentId: row.departmentId });
}

/** A JSON column as the database gives it back: the value written (as stored), else the one read. */
function storedColumn<T>(read: T, written: T | undefined): T {
  return written === undefined ? read : repo.stored(written);
}

/** The domain's action from the route's body (dates of the API as instants). */
export function domainAction(body: TransitionBody): CaseAction {
  switch (body.action) {
    case 'accept': {
      const d = body.data!;
      return {
        type: 'accept',
        mode: d.mode,
        materials: d.materials ?? null,
        commitment: d.commitment ?? null,
        // A date: the end of that day (Asia/Shanghai).
        completionDeadline: d.completionDeadline ? endOfShanghaiDay(tryParseDate(d.completionDeadline)) : null,
      };
    }
    case 'delivered':
      return { type: 'delivered', signedBy: body.data?.signedBy ?? null, at: body.data?.at ? new Date(body.data.at) : null };
    default:
      return { type: body.action, ...(body.data ?? {}) } as CaseAction;
  }
}

export interface Applied {
  readonly caseId: string;
  readonly result: CaseTransitionResult<CaseState>;
}

/**
 * Applies one action inside `tx` (the case row locked first). `actor` is who acts in the
 * event log; `auditActor` who is recorded in the audit trail. Returns, besides, every
 * part of the case's detail as the transaction leaves it, so that the answer needs no
 * second reading.
 */
export async function applyInTx(
  deps: AppDeps,
  env: CaseEnv,
  tx: Tx,
  auditActor: Actor,
  who: CaseActor | NamedCaseActor,
  caseId: string,
  action: CaseAction,
): Promise<{ applied: Applied; notice: NoticeFacts | null; parts: DetailParts }> {
  const now = deps.clock();
  const named: NamedCaseActor = 'actor' in who ? who : { actor: who, counterNumber: null, staffName: null };
  const locked = await repo.lockCaseForTransition(tx, caseId);
  if (!locked) throw new AppError('CASE_NOT_FOUND');
  const { row, items, steps, review } = locked;
  const events = 'actor' in who ? locked.events : null;
  const before = stateOf(row, items, steps, review.pending);
  const rules = rulesOf(await storedSources(deps, tx, items, row.bundleId));
  const ctx = contextOf(env, rules, named.actor, now);
  const result = transition(before, action, ctx);
  const after = result.state;

  const columns: Partial<repo.CaseInsert> = { ...stateColumns(after), updatedAt: now };
  if (result.dueChanged) Object.assign(columns, caseDueDates(env.calendar, after));
  if (action.type === 'post') columns.deliveryAddressCipher = seal(env.keys, action.address.trim());
  // The row as the update leaves it (JSON as read back).
  const defined = Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined)) as Partial<repo.CaseRow>;
  const updated: repo.CaseRow = { ...row, ...defined, checklist: storedColumn(row.checklist, defined.checklist), detail: storedColumn(row.detail, defined.detail) };

  const decisions: repo.TransitionWrites['decisions'][number][] = [];
  if (action.type === 'decide') {
    for (const item of after.items) {
      const prior = before.items.find((i) => i.itemId === item.itemId);
      if (prior?.decision !== item.decision) decisions.push({ itemId: item.itemId, values: { decision: item.decision, decidedAt: item.decidedAt, reasons: item.reasons } });
    }
  }
  // Steps: a new one appended (start), or open ones finished (finish, a final decision).
  const newSteps: repo.CaseStepInsert[] = [];
  const finishedSteps: repo.TransitionWrites['finishedSteps'][number][] = [];
  for (const [i, step] of after.steps.entries()) {
    const prior = steps[i];
    if (!prior) newSteps.push({ id: randomUUID(), caseId, itemId: step.itemId, position: i + 1, name: step.name, handler: step.handler, startedAt: step.startedAt });
    else if (!prior.finishedAt && step.finishedAt) finishedSteps.push({ id: prior.id, values: { finishedAt: step.finishedAt, opinion: step.opinion } });
  }

  let latest = review.latest;
  if (result.refusalReport) {
    const settings = await readCaseSettings(tx, row.centreId);
    latest = await insertReview(tx, {
      id: randomUUID(),
      centreId: row.centreId,
      caseId,
      itemId: row.itemId,
      ticketId: row.ticketId,
      applicantNameMasked: row.applicantNameMasked,
      reason: result.refusalReport.reason,
      legalBasis: result.refusalReport.legalBasis,
      clerkId: named.actor.staffId,
      counterId: named.actor.counterId,
      reportedBy: named.actor.userId,
      reportedAt: now,
      dueAt: reviewDueAt(env.calendar, now, settings.refusalReviewWorkingDays),
      status: 'pending',
    });
  }
  // One statement: the columns, decisions, steps, event, audit record, and the notice
  // that drops the public progress query's kept answer of this case at the commit.
  const event = await repo.writeTransition(tx, {
    caseId,
    centreId: row.centreId,
    columns,
    decisions,
    newSteps,
    finishedSteps,
    event: result.event,
    audit: auditRow(auditActor, now, {
      centreId: row.centreId,
      entity: 'case',
      entityId: caseId,
      action: action.type,
      before: { status: before.status },
      after: { status: after.status, event: result.event.type, data: result.event.data, promisedDueAt: updated.promisedDueAt, legalDueAt: updated.legalDueAt },
    }),
    notify: { channel: CHANGE_CHANNEL, payload: deps.database.changes.announce(CASE_PROGRESS_TOPIC, row.caseNumber) },
  });
  const notice: NoticeFacts | null = result.notice
    ? {
        kind: result.notice,
        caseId,
        caseNumber: row.caseNumber,
        title: row.title,
        applicantCipher: row.applicantCipher,
        phoneMasked: row.phoneMasked,
        data: result.event.data,
        promisedDueAt: updated.promisedDueAt,
      }
    : null;
  const parts: DetailParts = {
    // The counter and clerk that opened the case do not change.
    row: { ...updated, counterNumber: row.counterNumber, clerkName: row.clerkName },
    items: items.map((i) => {
      const d = decisions.find((x) => x.itemId === i.itemId);
      return d ? { ...i, ...d.values } : i;
    }),
    steps: after.steps,
    // The names of the acting counter and staff member are known only to a caller that passed them (NamedCaseActor).
    events: events ? [...events, { ...event, counterNumber: named.counterNumber, staffName: named.staffName }] : [],
    review: latest,
    rules,
  };
  return { applied: { caseId, result }, notice, parts };
}

/** Applies one action of a signed-in user (the transitions route); answers the case as the action left it. */
export async function applyAction(deps: AppDeps, actor: Actor, userId: string, caseId: string, body: TransitionBody): Promise<CaseDetail> {
  const action = domainAction(body);
  const scope = await caseCentre(deps, caseId);
  if (!scope) throw new AppError('CASE_NOT_FOUND');
  const [who, env, view] = await Promise.all([keptCaseActor(deps, userId, scope.centreId), caseEnv(deps, scope.centreId), viewContext(deps, scope.centreId)]);
  const { notice, parts } = await deps.db.transaction((tx) => applyInTx(deps, env, tx, actor, who, caseId, action));
  if (notice) await sendCaseNotices(deps, [notice]);
  return detailFrom(env.keys, parts, { ...view, now: deps.clock() }, false);
}
