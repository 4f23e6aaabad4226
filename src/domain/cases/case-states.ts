/**
 * The life of a case (办件, DB36/T 2016 §8.1.2 窗口办理流程; §7.5.2.3, §8.2.4–§8.2.7): ONE
 * transition table, {@link CASE_TRANSITIONS}, checked in one place, {@link transition}.
 *
 * ```
 *  opened ─request_correction─▶ correction ─resubmit─▶ opened          (clock not started)
 *    ├─refuse (reason, legal basis; 否定事项报备 §7.5.2.3)─▶ refused ─reopen (review overturns)─▶ opened
 *    └─accept (normal | tolerance 容缺 | commitment 告知承诺)─▶ accepted  (clock starts)
 *  accepted ─start_step─▶ processing (审查, 决定 … each step: handler, start, end)
 *  accepted|processing ─suspend─▶ suspended ─resume─▶ (back)            (clock stopped)
 *  accepted|processing|suspended: extend (moves the due date), complete_tolerance
 *  accepted|processing ─decide (approve | reject with reasons)─▶ decided  (a bundle: when every item is decided)
 *  decided ─notify_pickup─▶ ready_for_pickup ─picked_up (identity checked)─▶ delivered
 *  decided ─post (address, carrier, tracking no.)─▶ posted ─delivered─▶ delivered
 *  opened|correction|accepted|processing|suspended ─withdraw─▶ withdrawn
 *  refused|withdrawn|delivered ─archive (location, retention ≥ 5 years §7.2.1b)─▶ archived (read-only)
 * ```
 *
 * Every move returns the new state, the event to store (time, counter, staff, data) and
 * what the service must do besides (notify the applicant, file a refusal report,
 * recompute the due dates). The functions are pure: the clock, the actor, the
 * version's materials and steps and the deadline arithmetic come in through
 * {@link CaseContext}.
 */
import type { TimeLimit } from '../catalogue/guide.ts';
import { nameKey } from '../catalogue/text.ts';
import { AppError, type ErrorCode, type FieldIssue } from '../shared/errors.ts';
import { isValidIdNumber, maskAddress, ID_TYPE_LABELS } from './applicant.ts';
import {
  assertAcceptable,
  buildChecklist,
  correctionItems,
  MATERIAL_STATUS_LABELS,
  toleratedMaterials,
  type ChecklistEntry,
  type ChecklistEntryInput,
} from './checklist.ts';
import { maskIdNumber, maskName } from '../shared/privacy.ts';

import {
  CASE_ACTION_LABELS,
  CASE_STATUS_LABELS,
  DECIDED_STATUSES,
  DEFAULT_RETENTION_YEARS,
  type ArchiveRecord,
  type CaseAction,
  type CaseActionType,
  type CaseActor,
  type CaseContext,
  type CaseEvent,
  type CaseEventType,
  type CaseExtension,
  type CaseItemState,
  type CaseNotice,
  type CaseState,
  type CaseStatus,
  type CaseStep,
  type CaseStop,
  type Decision,
  type Delivery,
  type ToleranceState,
} from './case-model.ts';

export * from './case-model.ts';

interface CaseRule {
  readonly from: readonly CaseStatus[];
  /** The status entered; `same`: stays; `back`: the status the suspension left. */
  readonly to: CaseStatus | 'same' | 'back';
  readonly event: CaseEventType;
}

/**
 * THE transition table of cases. `decide` enters `decided` once every item of the case
 * is decided (a bundle case stays `processing` until then).
 */
export const CASE_TRANSITIONS: Readonly<Record<CaseActionType, CaseRule>> = {
  request_correction: { from: ['opened'], to: 'correction', event: 'correction_requested' },
  resubmit: { from: ['correction'], to: 'opened', event: 'resubmitted' },
  refuse: { from: ['opened'], to: 'refused', event: 'refused' },
  // Only the review of the refusal report (§7.5.2.3) reopens, when it overturns the refusal.
  reopen: { from: ['refused'], to: 'opened', event: 'reopened' },
  withdraw: { from: ['opened', 'correction', 'accepted', 'processing', 'suspended'], to: 'withdrawn', event: 'withdrawn' },
  accept: { from: ['opened'], to: 'accepted', event: 'accepted' },
  start_step: { from: ['accepted', 'processing'], to: 'processing', event: 'step_started' },
  finish_step: { from: ['processing'], to: 'processing', event: 'step_finished' },
  suspend: { from: ['accepted', 'processing'], to: 'suspended', event: 'suspended' },
  resume: { from: ['suspended'], to: 'back', event: 'resumed' },
  extend: { from: ['accepted', 'processing', 'suspended'], to: 'same', event: 'extended' },
  complete_tolerance: { from: ['accepted', 'processing', 'suspended'], to: 'same', event: 'tolerance_completed' },
  decide: { from: ['accepted', 'processing'], to: 'decided', event: 'decided' },
  notify_pickup: { from: ['decided'], to: 'ready_for_pickup', event: 'pickup_notified' },
  picked_up: { from: ['ready_for_pickup'], to: 'delivered', event: 'picked_up' },
  post: { from: ['decided'], to: 'posted', event: 'posted' },
  delivered: { from: ['posted'], to: 'delivered', event: 'delivered' },
  archive: { from: ['refused', 'withdrawn', 'delivered'], to: 'archived', event: 'archived' },
};

/** Whether the table allows `action` from `status`. */
export function canApply(status: CaseStatus, action: CaseActionType): boolean {
  return CASE_TRANSITIONS[action].from.includes(status);
}

/** States no action leaves except archiving; archived is read-only. */
export function isClosedStatus(status: CaseStatus): boolean {
  return status === 'refused' || status === 'withdrawn' || status === 'delivered' || status === 'archived';
}

/**
 * The stable code refusing `action` on a case in `status`: CASE_ARCHIVED for any change
 * of an archived case, CASE_ALREADY_DECIDED for a second decision, otherwise
 * CASE_TRANSITION_NOT_ALLOWED (with the action and the status in its details).
 */
export function refusalCode(status: CaseStatus, action: CaseActionType): ErrorCode {
  if (status === 'archived') return 'CASE_ARCHIVED';
  if (action === 'decide' && DECIDED_STATUSES.includes(status)) return 'CASE_ALREADY_DECIDED';
  return 'CASE_TRANSITION_NOT_ALLOWED';
}

function refusal(state: CaseState, action: CaseActionType): AppError {
  const code = refusalCode(state.status, action);
  const message =
    code === 'CASE_ARCHIVED'
      ? `办件 ${state.caseNumber} 已归档，只能查阅，不能${CASE_ACTION_LABELS[action]}`
      : code === 'CASE_ALREADY_DECIDED'
        ? `办件 ${state.caseNumber} 已作出决定，不能再次决定`
        : `办件 ${state.caseNumber} 当前状态为“${CASE_STATUS_LABELS[state.status]}”，不能${CASE_ACTION_LABELS[action]}`;
  return new AppError(code, { message, details: { caseId: state.id, caseNumber: state.caseNumber, status: state.status, action } });
}

/** A new case, opened, and its `opened` event. */
export interface NewCase {
  readonly id: string;
  readonly caseNumber: string;
  readonly openedAt: Date;
  readonly checklist: readonly ChecklistEntry[];
  readonly items: readonly { readonly itemId: string; readonly promisedLimit: TimeLimit | null; readonly legalLimit: TimeLimit | null }[];
  /** Extra facts of the `opened` event (ticket, consultation, bundle, cross-region place …). */
  readonly data?: Readonly<Record<string, unknown>>;
}

export function openCase(input: NewCase, actor: CaseActor): { readonly state: CaseState; readonly event: CaseEvent } {
  const state: CaseState = {
    id: input.id,
    caseNumber: input.caseNumber,
    status: 'opened',
    openedAt: input.openedAt,
    checklist: input.checklist,
    mode: null,
    acceptedAt: null,
    tolerance: null,
    commitment: null,
    refusal: null,
    refusalReviewPending: false,
    withdrawal: null,
    items: input.items.map((i) => ({ ...i, decision: null, decidedAt: null, reasons: null })),
    steps: [],
    stops: [],
    suspendedFrom: null,
    extensions: [],
    decision: null,
    decidedAt: null,
    delivery: null,
    deliveredAt: null,
    archive: null,
  };
  return { state, event: eventOf('opened', input.openedAt, null, 'opened', actor, { caseNumber: input.caseNumber, ...input.data }) };
}

export interface CaseTransitionResult<T extends CaseState> {
  readonly state: T;
  readonly event: CaseEvent;
  /** The applicant is told (after the commit). */
  readonly notice: CaseNotice | null;
  /** §7.5.2.3: a refusal report (否定事项报备) to file in the same transaction. */
  readonly refusalReport: { readonly reason: string; readonly legalBasis: string } | null;
  /** The stored due dates must be recomputed (case-clock.ts). */
  readonly dueChanged: boolean;
}

function eventOf(type: CaseEventType, at: Date, from: CaseStatus | null, to: CaseStatus, actor: CaseActor, data: Record<string, unknown>): CaseEvent {
  return { type, at, from, to, userId: actor.userId, staffId: actor.staffId, counterId: actor.counterId, data };
}

type Issue = FieldIssue & { readonly code: ErrorCode };

function text(value: string | null | undefined): string | null {
  const t = value?.trim();
  return t ? t : null;
}

/** Collects faults of the action's data; throws them all at once under their `/data/…` paths. */
class DataCheck {
  readonly issues: Issue[] = [];
  need(value: string | null | undefined, field: string, message: string): string {
    const t = text(value);
    if (!t) this.issues.push({ path: `/data/${field}`, code: 'CASE_DATA_INVALID', message });
    return t ?? '';
  }
  fail(field: string, message: string, code: ErrorCode = 'CASE_DATA_INVALID'): void {
    this.issues.push({ path: `/data/${field}`, code, message });
  }
  done(): void {
    if (this.issues.length > 0) throw new AppError(this.issues[0]!.code, { message: this.issues.map((i) => i.message).join('；'), fields: this.issues });
  }
}

/** Whether any stop is still open. */
function openStop(state: CaseState): CaseStop | undefined {
  return state.stops.find((s) => s.to === null);
}

/**
 * Applies one action of {@link CASE_TRANSITIONS}. Checks, in this order: the table
 * ({@link refusalCode}); then the action's own rules (each a stable code at its
 * `/data/…` field): the checklist against the version, the acceptance mode, the step
 * names, the tolerance deadline, the bundle item of a decision. Never changes the
 * state given; a refused action returns nothing.
 */
export function transition<T extends CaseState>(state: T, action: CaseAction, ctx: CaseContext): CaseTransitionResult<T> {
  const rule = CASE_TRANSITIONS[action.type];
  if (!rule.from.includes(state.status)) throw refusal(state, action.type);
  const { now, actor } = ctx;
  const check = new DataCheck();
  const base = { notice: null, refusalReport: null, dueChanged: false } as const;
  const to = (status: CaseStatus) => status;
  const event = (next: CaseStatus, data: Record<string, unknown>) => eventOf(rule.event, now, state.status, next, actor, data);
  const result = (next: T, data: Record<string, unknown>, extra: Partial<Omit<CaseTransitionResult<T>, 'state' | 'event'>> = {}): CaseTransitionResult<T> => ({
    ...base,
    ...extra,
    state: next,
    event: event(next.status, data),
  });
  const checklistOf = (materials: readonly ChecklistEntryInput[] | null | undefined) =>
    materials ? buildChecklist(ctx.materials, materials, '/data/materials') : state.checklist;

  switch (action.type) {
    case 'request_correction': {
      const checklist = checklistOf(action.materials);
      const items = correctionItems(checklist);
      if (items.length === 0) check.fail('materials', '材料均已齐全且符合要求，无需补正', 'CASE_MATERIALS_MISMATCH');
      check.done();
      // §8.1.2.3b: one notice listing every missing or wrong item at once.
      const listed = items.map((e) => ({ name: e.name, status: e.status, statusLabel: MATERIAL_STATUS_LABELS[e.status], note: e.note }));
      return result({ ...state, status: to('correction'), checklist }, { items: listed, note: text(action.note) }, { notice: 'correction' });
    }
    case 'resubmit': {
      const checklist = checklistOf(action.materials);
      return result({ ...state, status: to('opened'), checklist }, { materials: checklist.map((e) => ({ name: e.name, status: e.status })) });
    }
    case 'refuse': {
      const checklist = checklistOf(action.materials);
      const reason = check.need(action.reason, 'reason', '不予受理须说明理由（DB36/T 2016 §7.5.2.3）');
      const legalBasis = check.need(action.legalBasis, 'legalBasis', '不予受理须写明法律依据');
      check.done();
      return result(
        { ...state, status: to('refused'), checklist, refusal: { reason, legalBasis, at: now }, refusalReviewPending: true },
        { reason, legalBasis },
        { refusalReport: { reason, legalBasis } },
      );
    }
    case 'reopen': {
      const opinion = check.need(action.opinion, 'opinion', '须写明复核意见');
      check.done();
      return result({ ...state, status: to('opened'), refusal: null, refusalReviewPending: false }, { opinion });
    }
    case 'withdraw': {
      const reason = check.need(action.reason, 'reason', '须写明撤回原因');
      check.done();
      const stops = state.stops.map((s) => (s.to === null ? { ...s, to: now } : s));
      return result({ ...state, status: to('withdrawn'), stops, suspendedFrom: null, withdrawal: { reason, at: now } }, { reason });
    }
    case 'accept':
      return accept(state, action, ctx, check, result);
    case 'start_step': {
      const handler = check.need(action.handler, 'handler', '须写明办理人');
      const step = findStep(ctx, action.name, action.itemId ?? null);
      if (!step) check.fail('name', `“${action.name}”不在该事项的办理流程中`, 'CASE_STEP_UNKNOWN');
      else if (state.steps.some((s) => s.finishedAt === null && sameStep(s, step))) check.fail('name', `办理环节“${step.name}”已开始，尚未完成`, 'CASE_STEP_ALREADY_STARTED');
      check.done();
      const started: CaseStep = { name: step!.name, itemId: step!.itemId, handler, startedAt: now, finishedAt: null, opinion: null };
      return result({ ...state, status: to('processing'), steps: [...state.steps, started] }, { name: started.name, itemId: started.itemId, handler });
    }
    case 'finish_step': {
      const index = state.steps.findIndex((s) => s.finishedAt === null && nameKey(s.name) === nameKey(action.name) && (action.itemId == null || s.itemId === action.itemId));
      if (index < 0) check.fail('name', `办理环节“${action.name}”尚未开始`, 'CASE_STEP_NOT_STARTED');
      check.done();
      const open = state.steps[index]!;
      const finished: CaseStep = { ...open, finishedAt: now, opinion: text(action.opinion) };
      const steps = state.steps.map((s, i) => (i === index ? finished : s));
      const seconds = Math.round((now.getTime() - open.startedAt.getTime()) / 1000);
      return result({ ...state, status: to('processing'), steps }, { name: open.name, itemId: open.itemId, handler: open.handler, opinion: finished.opinion, seconds });
    }
    case 'suspend': {
      const reason = check.need(action.reason, 'reason', '暂停计时须说明理由');
      const approver = check.need(action.approver, 'approver', '暂停计时须经批准，须写明批准人');
      check.done();
      const stop: CaseStop = { from: now, to: null, kind: action.kind, reason, approver };
      return result({ ...state, status: to('suspended'), suspendedFrom: state.status, stops: [...state.stops, stop] }, { kind: action.kind, reason, approver }, { dueChanged: true });
    }
    case 'resume': {
      const open = openStop(state);
      const stops = state.stops.map((s) => (s === open ? { ...s, to: now } : s));
      const back = state.suspendedFrom ?? 'processing';
      const seconds = open ? Math.round((now.getTime() - open.from.getTime()) / 1000) : 0;
      return result({ ...state, status: to(back), suspendedFrom: null, stops }, { note: text(action.note), suspendedSeconds: seconds, kind: open?.kind ?? null }, { dueChanged: true });
    }
    case 'extend': {
      const reason = check.need(action.reason, 'reason', '延长时限须说明理由');
      const approver = check.need(action.approver, 'approver', '延长时限须经批准，须写明批准人');
      if (!Number.isInteger(action.days) || action.days < 1) check.fail('days', `延长天数应为正整数，实为 ${action.days}`);
      check.done();
      const extension: CaseExtension = { days: action.days, reason, approver, at: now };
      return result({ ...state, extensions: [...state.extensions, extension] }, { days: action.days, reason, approver }, { dueChanged: true });
    }
    case 'complete_tolerance':
      return completeTolerance(state, action, ctx, check, result);
    case 'decide':
      return decide(state, action, ctx, check, result);
    case 'notify_pickup': {
      const place = check.need(action.place, 'place', '须写明领取地点（统一出件窗口）');
      check.done();
      const delivery: Delivery = { method: 'pickup', place, notifiedAt: now, pickedUpAt: null, pickerName: null, pickerIdType: null, pickerIdMasked: null, pickerRelation: null };
      return result({ ...state, status: to('ready_for_pickup'), delivery }, { place }, { notice: 'ready_for_pickup' });
    }
    case 'picked_up': {
      const name = check.need(action.pickerName, 'pickerName', '须登记领取人姓名');
      const id = action.pickerIdNumber.replace(/[\s-]/g, '').toUpperCase();
      if (!isValidIdNumber(action.pickerIdType, id)) check.fail('pickerIdNumber', `领取人${ID_TYPE_LABELS[action.pickerIdType]}号码“${maskIdNumber(id)}”不正确`, 'CASE_ID_NUMBER_INVALID');
      if (!action.identityChecked) check.fail('identityChecked', '领取前须核验领取人身份');
      check.done();
      const prior = state.delivery?.method === 'pickup' ? state.delivery : null;
      const delivery: Delivery = {
        method: 'pickup',
        place: prior?.place ?? '',
        notifiedAt: prior?.notifiedAt ?? now,
        pickedUpAt: now,
        pickerName: name,
        pickerIdType: action.pickerIdType,
        pickerIdMasked: maskIdNumber(id),
        pickerRelation: action.relation,
      };
      const waitedSeconds = prior ? Math.round((now.getTime() - prior.notifiedAt.getTime()) / 1000) : null;
      return result(
        { ...state, status: to('delivered'), delivery, deliveredAt: now },
        { pickerName: maskName(name), pickerIdType: action.pickerIdType, pickerIdMasked: maskIdNumber(id), identityChecked: true, relation: action.relation, waitedSeconds },
      );
    }
    case 'post': {
      const address = check.need(action.address, 'address', '须写明寄递地址');
      const carrier = check.need(action.carrier, 'carrier', '须写明寄递企业');
      const trackingNumber = check.need(action.trackingNumber, 'trackingNumber', '须写明运单号');
      check.done();
      const delivery: Delivery = { method: 'post', address, carrier, trackingNumber, free: action.free ?? true, postedAt: now, deliveredAt: null, signedBy: null };
      return result({ ...state, status: to('posted'), delivery }, { addressMasked: maskAddress(address), carrier, trackingNumber, free: delivery.free }, { notice: 'posted' });
    }
    case 'delivered': {
      const prior = state.delivery?.method === 'post' ? state.delivery : null;
      const at = action.at ?? now;
      if (action.at && (action.at.getTime() > now.getTime() || (prior && action.at.getTime() < prior.postedAt.getTime()))) {
        check.fail('at', '签收时间应在寄出之后、当前时间之前');
      }
      check.done();
      const delivery: Delivery = prior
        ? { ...prior, deliveredAt: at, signedBy: text(action.signedBy) }
        : { method: 'post', address: '', carrier: '', trackingNumber: '', free: true, postedAt: at, deliveredAt: at, signedBy: text(action.signedBy) };
      return result({ ...state, status: to('delivered'), delivery, deliveredAt: at }, { signedBy: text(action.signedBy) ? maskName(text(action.signedBy)!) : null, deliveredAt: at.toISOString() });
    }
    case 'archive': {
      const location = check.need(action.location, 'location', '须写明档案存放位置');
      const medium = action.medium ?? 'paper';
      const retentionYears = action.retentionYears ?? DEFAULT_RETENTION_YEARS;
      if (!Number.isInteger(retentionYears) || retentionYears < DEFAULT_RETENTION_YEARS) {
        check.fail('retentionYears', `档案保存期限不少于 ${DEFAULT_RETENTION_YEARS} 年（DB36/T 2016 §7.2.1b），实为 ${retentionYears}`);
      }
      if (state.status === 'refused' && state.refusalReviewPending) {
        throw new AppError('CASE_REVIEW_PENDING', { message: `办件 ${state.caseNumber} 的否定事项报备尚未复核（DB36/T 2016 §7.5.2.3），暂不能归档`, details: { caseId: state.id } });
      }
      check.done();
      const archive: ArchiveRecord = { location, retentionYears, medium, archivedAt: now };
      return result({ ...state, status: to('archived'), archive }, { location, retentionYears, medium });
    }
  }
}

type Result<T extends CaseState> = (next: T, data: Record<string, unknown>, extra?: Partial<Omit<CaseTransitionResult<T>, 'state' | 'event'>>) => CaseTransitionResult<T>;

function accept<T extends CaseState>(state: T, action: Extract<CaseAction, { type: 'accept' }>, ctx: CaseContext, check: DataCheck, result: Result<T>): CaseTransitionResult<T> {
  const { now } = ctx;
  const checklist = action.materials ? buildChecklist(ctx.materials, action.materials, '/data/materials') : state.checklist;
  assertAcceptable(checklist, ctx.flags, action.mode);
  let tolerance: ToleranceState | null = null;
  let commitment: string | null = null;
  if (action.mode === 'tolerance') {
    const promise = check.need(action.commitment, 'commitment', '容缺受理须记录申请人在补齐时限内补齐材料的承诺（DB36/T 2016 §8.2.7）');
    const tolerated = toleratedMaterials(checklist);
    // The earliest completion deadline of the tolerated materials, counted from acceptance.
    const ends = tolerated.map((e) => (e.tolerance?.completionDeadline ? ctx.limitEnd(now, e.tolerance.completionDeadline) : null)).filter((d): d is Date => d !== null);
    let deadline = ends.length > 0 ? new Date(Math.min(...ends.map((d) => d.getTime()))) : null;
    if (action.completionDeadline) {
      if (action.completionDeadline.getTime() <= now.getTime() || (deadline && action.completionDeadline.getTime() > deadline.getTime())) {
        check.fail('completionDeadline', deadline ? `补齐时限应在受理之后，且不晚于办事指南规定的 ${deadline.toISOString()}` : '补齐时限应在受理之后');
      } else deadline = action.completionDeadline;
    }
    if (!deadline) check.fail('completionDeadline', '容缺材料须有补齐时限（DB36/T 2016 §8.2.7）');
    check.done();
    tolerance = { materials: tolerated.map((e) => ({ key: e.key, name: e.name, completedAt: null })), deadline: deadline!, commitment: promise, completedAt: null };
  } else if (action.mode === 'commitment') {
    commitment = check.need(action.commitment, 'commitment', '告知承诺受理须记录申请人的承诺内容（DB36/T 2016 §8.2.7）');
    check.done();
  }
  const next = { ...state, status: 'accepted' as const, checklist, mode: action.mode, acceptedAt: now, tolerance, commitment };
  return result(
    next,
    {
      mode: action.mode,
      tolerated: tolerance?.materials.map((m) => m.name) ?? [],
      completionDeadline: tolerance?.deadline.toISOString() ?? null,
      commitment: tolerance?.commitment ?? commitment,
    },
    { notice: 'accepted', dueChanged: true },
  );
}

function completeTolerance<T extends CaseState>(
  state: T,
  action: Extract<CaseAction, { type: 'complete_tolerance' }>,
  ctx: CaseContext,
  check: DataCheck,
  result: Result<T>,
): CaseTransitionResult<T> {
  const tolerance = state.tolerance;
  if (state.mode !== 'tolerance' || !tolerance || tolerance.completedAt) {
    throw new AppError('CASE_TRANSITION_NOT_ALLOWED', {
      message: `办件 ${state.caseNumber} 没有待补齐的容缺材料`,
      details: { caseId: state.id, caseNumber: state.caseNumber, status: state.status, action: 'complete_tolerance' },
    });
  }
  // §8.2.7 补齐材料时限: after it, completion is refused and the case stays unchanged.
  if (ctx.now.getTime() > tolerance.deadline.getTime()) {
    throw new AppError('CASE_TOLERANCE_OVERDUE', {
      message: `容缺材料补齐时限（${tolerance.deadline.toISOString()}）已过，不能补齐（DB36/T 2016 §8.2.7）`,
      details: { caseId: state.id, deadline: tolerance.deadline.toISOString() },
    });
  }
  const outstandingKeys = tolerance.materials.filter((m) => m.completedAt === null);
  let chosen = outstandingKeys;
  if (action.materials && action.materials.length > 0) {
    chosen = [];
    action.materials.forEach((name, i) => {
      const m = outstandingKeys.find((o) => nameKey(o.name) === nameKey(name));
      if (!m) check.fail(`materials/${i}`, `“${name}”不是待补齐的容缺材料`);
      else if (!chosen.includes(m)) chosen.push(m);
    });
  }
  check.done();
  const materials = tolerance.materials.map((m) => (chosen.includes(m) ? { ...m, completedAt: ctx.now } : m));
  const all = materials.every((m) => m.completedAt !== null);
  const checklist = state.checklist.map((e) => (chosen.some((c) => c.key === e.key) ? { ...e, status: 'provided' as const } : e));
  const next = { ...state, checklist, tolerance: { ...tolerance, materials, completedAt: all ? ctx.now : null } };
  return result(next, { materials: chosen.map((m) => m.name), allCompleted: all });
}

function decide<T extends CaseState>(state: T, action: Extract<CaseAction, { type: 'decide' }>, ctx: CaseContext, check: DataCheck, result: Result<T>): CaseTransitionResult<T> {
  const { now } = ctx;
  let item: CaseItemState | undefined;
  if (action.itemId) {
    item = state.items.find((i) => i.itemId === action.itemId);
    if (!item) {
      throw new AppError('CASE_ITEM_REQUIRED', { message: '该事项不属于本办件', fields: [{ path: '/data/itemId', code: 'CASE_ITEM_REQUIRED', message: '该事项不属于本办件' }] });
    }
  } else if (state.items.length === 1) {
    item = state.items[0];
  } else {
    throw new AppError('CASE_ITEM_REQUIRED', { fields: [{ path: '/data/itemId', code: 'CASE_ITEM_REQUIRED', message: '“一件事”办件须指明对哪个事项作出决定' }] });
  }
  if (item!.decision !== null) {
    throw new AppError('CASE_ALREADY_DECIDED', { message: `办件 ${state.caseNumber} 的该事项已作出决定，不能再次决定`, details: { caseId: state.id, itemId: item!.itemId, status: state.status, action: 'decide' } });
  }
  // §8.1.2.4b: a refusal gives the reasons or what to change, passed on through the counter.
  const reasons = action.decision === 'reject' ? check.need(action.reasons, 'reasons', '不予决定须详细说明理由或改正意见（DB36/T 2016 §8.1.2.4b）') : text(action.reasons);
  check.done();
  if (action.decision === 'approve' && state.mode === 'tolerance' && state.tolerance && !state.tolerance.completedAt) {
    throw new AppError('CASE_TOLERANCE_OUTSTANDING', {
      message: `容缺材料（${state.tolerance.materials.filter((m) => !m.completedAt).map((m) => m.name).join('、')}）尚未补齐，不能作出准予决定`,
      details: { caseId: state.id },
    });
  }
  const items = state.items.map((i) => (i === item ? { ...i, decision: action.decision, decidedAt: now, reasons } : i));
  const all = items.every((i) => i.decision !== null);
  const decisions = new Set(items.map((i) => i.decision));
  const decision: CaseState['decision'] = !all ? null : decisions.size === 1 ? (items[0]!.decision as Decision) : 'partial';
  // Open steps end with the decision; a still-open stop cannot exist here (decide is not allowed while suspended).
  const steps = all ? state.steps.map((s) => (s.finishedAt === null ? { ...s, finishedAt: now } : s)) : state.steps;
  const next = { ...state, status: all ? ('decided' as const) : ('processing' as const), items, steps, decision, decidedAt: all ? now : null };
  return result(next, { itemId: item!.itemId, decision: action.decision, reasons, caseDecision: decision }, { notice: all ? 'decided' : null, dueChanged: true });
}

function sameStep(a: { name: string; itemId: string | null }, b: { name: string; itemId: string | null }): boolean {
  return nameKey(a.name) === nameKey(b.name) && a.itemId === b.itemId;
}

function findStep(ctx: CaseContext, name: string, itemId: string | null): { name: string; itemId: string | null } | undefined {
  const matches = ctx.steps.filter((s) => nameKey(s.name) === nameKey(name) && (itemId === null || s.itemId === itemId));
  return matches.find((s) => s.itemId === itemId) ?? matches[0];
}
