/** DB36/T 2016 §8.1.2, §7.5.2.3, §8.2.7: the one transition table of cases, every status × every action. */
import { describe, expect, it } from 'vitest';
import { ERRORS } from '../shared/errors.ts';
import {
  CASE_ACTIONS,
  CASE_STATUSES,
  CASE_TRANSITIONS,
  canApply,
  refusalCode,
  transition,
  type CaseAction,
  type CaseActionType,
  type CaseState,
  type CaseStatus,
} from './case-states.ts';
import { INCOMPLETE, TOLERATED, at, caseIn, clerk, context, fresh, manager } from './test-fixtures.ts';
import { caught } from '../shared/caught.ts';

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

/** Valid data for each action (on the fixture of caseIn). */
function actionOf(type: CaseActionType): CaseAction {
  switch (type) {
    case 'request_correction':
      return { type, materials: INCOMPLETE };
    case 'resubmit':
      return { type };
    case 'refuse':
      return { type, reason: '申请事项不属于本机关职权范围', legalBasis: '《中华人民共和国行政许可法》第三十二条第一款第（二）项' };
    case 'reopen':
      return { type, opinion: '复核认为应予受理' };
    case 'withdraw':
      return { type, reason: '申请人书面撤回' };
    case 'accept':
      return { type, mode: 'normal' };
    case 'start_step':
      return { type, name: '决定', handler: '李科长' };
    case 'finish_step':
      return { type, name: '审查', opinion: '符合条件' };
    case 'suspend':
      return { type, kind: 'expert_review', reason: '需专家评审', approver: '张局长' };
    case 'resume':
      return { type, note: '评审完毕' };
    case 'extend':
      return { type, days: 10, reason: '情况复杂', approver: '张局长' };
    case 'complete_tolerance':
      return { type };
    case 'decide':
      return { type, decision: 'reject', reasons: '经营场所不符合要求' };
    case 'notify_pickup':
      return { type, place: '一楼统一出件窗口' };
    case 'picked_up':
      return { type, pickerName: '张三', pickerIdType: 'resident_id', pickerIdNumber: '11010519491231002X', identityChecked: true, relation: 'applicant' };
    case 'post':
      return { type, address: '江西省南昌市新建区长征路 1 号', carrier: '中国邮政 EMS', trackingNumber: 'EMS1234567890' };
    case 'delivered':
      return { type, signedBy: '张三' };
    case 'archive':
      return { type, location: '档案室 A-01-03' };
  }
}

const NA = 'CASE_TRANSITION_NOT_ALLOWED';
const row = (allowed: Partial<Record<CaseActionType, CaseStatus | string>>, otherwise: string = NA) =>
  Object.fromEntries(CASE_ACTIONS.map((a) => [a, allowed[a] ?? otherwise])) as Record<CaseActionType, string>;

/** The whole table written out by hand: for every status and action, the status entered or the stable code of the refusal. */
const EXPECTED: Record<CaseStatus, Record<CaseActionType, string>> = {
  opened: row({ request_correction: 'correction', refuse: 'refused', withdraw: 'withdrawn', accept: 'accepted' }),
  correction: row({ resubmit: 'opened', withdraw: 'withdrawn' }),
  refused: row({ reopen: 'opened', archive: 'archived' }),
  withdrawn: row({ archive: 'archived' }),
  accepted: row({ withdraw: 'withdrawn', start_step: 'processing', suspend: 'suspended', extend: 'accepted', complete_tolerance: 'accepted', decide: 'decided' }),
  processing: row({
    withdraw: 'withdrawn',
    start_step: 'processing',
    finish_step: 'processing',
    suspend: 'suspended',
    extend: 'processing',
    complete_tolerance: 'processing',
    decide: 'decided',
  }),
  suspended: row({ withdraw: 'withdrawn', resume: 'processing', extend: 'suspended', complete_tolerance: 'suspended' }),
  decided: row({ notify_pickup: 'ready_for_pickup', post: 'posted', decide: 'CASE_ALREADY_DECIDED' }),
  ready_for_pickup: row({ picked_up: 'delivered', decide: 'CASE_ALREADY_DECIDED' }),
  posted: row({ delivered: 'delivered', decide: 'CASE_ALREADY_DECIDED' }),
  delivered: row({ archive: 'archived', decide: 'CASE_ALREADY_DECIDED' }),
  archived: row({}, 'CASE_ARCHIVED'),
};

describe('the transition table, every (status, action) pair', () => {
  const pairs = CASE_STATUSES.flatMap((s) => CASE_ACTIONS.map((a) => [s, a] as const));

  it('covers 12 statuses × 18 actions', () => {
    expect(pairs).toHaveLength(216);
  });

  it.each(pairs)('%s + %s', (status, action) => {
    const expected = EXPECTED[status][action];
    const state = deepFreeze(caseIn(status));
    const snapshot = structuredClone(state);
    const allowed = (CASE_STATUSES as readonly string[]).includes(expected);
    expect(canApply(status, action)).toBe(allowed);
    const now = at('10:40');
    if (allowed) {
      const r = transition(state, actionOf(action), context(now));
      expect(r.state.status).toBe(expected);
      expect(r.event).toMatchObject({ from: status, to: expected, at: now, userId: 'u-clerk', staffId: 's-clerk', counterId: 'c-5' });
      expect(r.event.type).toBe(CASE_TRANSITIONS[action].event);
    } else {
      const err = caught(() => transition(state, actionOf(action), context(now)));
      expect(err.code).toBe(expected);
      expect(refusalCode(status, action)).toBe(expected);
      expect(err.details).toMatchObject({ status, action, caseNumber: state.caseNumber });
      expect(err.message).toContain(state.caseNumber);
    }
    // A refused or applied move never changes the case given.
    expect(state).toEqual(snapshot);
  });

  it('uses codes of the one error table: state conflicts 409, a second decision 409, archived read-only 409', () => {
    const codes = new Set(Object.values(EXPECTED).flatMap((r) => Object.values(r)).filter((v) => !(CASE_STATUSES as readonly string[]).includes(v)));
    expect([...codes].sort()).toEqual(['CASE_ALREADY_DECIDED', 'CASE_ARCHIVED', 'CASE_TRANSITION_NOT_ALLOWED']);
    for (const code of codes) expect(ERRORS).toHaveProperty(code);
    for (const code of codes) expect(ERRORS[code as keyof typeof ERRORS].kind).toBe('conflict');
  });

  it('the clock statuses are exactly the ones extend applies to; only archive leaves a closed status', () => {
    expect(CASE_TRANSITIONS.extend.from).toEqual(['accepted', 'processing', 'suspended']);
    for (const closed of ['refused', 'withdrawn', 'delivered'] as const) {
      expect(CASE_ACTIONS.filter((a) => canApply(closed, a) && a !== 'reopen')).toEqual(['archive']);
    }
    expect(CASE_ACTIONS.filter((a) => canApply('archived', a))).toEqual([]);
  });
});

describe('acceptance at the counter (§8.1.2.3)', () => {
  it('§8.1.2.3b correction: one notice listing every missing or wrong material at once, clock not started', () => {
    const r = transition(fresh(), { type: 'request_correction', materials: INCOMPLETE }, context(at('09:10')));
    expect(r.state.status).toBe('correction');
    expect(r.state.acceptedAt).toBeNull();
    expect(r.notice).toBe('correction');
    expect(r.dueChanged).toBe(false);
    expect(r.event.data.items).toEqual([
      { name: '居民身份证', status: 'wrong', statusLabel: '不符合要求', note: '复印件不清晰' },
      { name: '食品经营许可申请书', status: 'missing', statusLabel: '缺少', note: null },
    ]);
    // Resubmitted with the materials now complete, then accepted.
    const back = transition(r.state, { type: 'resubmit', materials: TOLERATED.map((e) => ({ ...e, status: e.name === '授权委托书' ? 'missing' : 'provided' })) }, context(at('10:00')));
    expect(back.state.status).toBe('opened');
    expect(transition(back.state, { type: 'accept', mode: 'normal' }, context(at('10:05'))).state.status).toBe('accepted');
  });

  it('correction with nothing missing is refused (CASE_MATERIALS_MISMATCH), the case unchanged', () => {
    const err = caught(() => transition(fresh(), { type: 'request_correction', materials: TOLERATED.map((e) => ({ ...e, status: e.name === '授权委托书' ? 'missing' : 'provided' })) }, context(at('09:10'))));
    expect(err.code).toBe('CASE_MATERIALS_MISMATCH');
    expect(err.fields[0]?.path).toBe('/data/materials');
  });

  it('accept: the clock starts, the applicant is told, due dates are to be computed', () => {
    const r = transition(fresh(), { type: 'accept', mode: 'normal' }, context(at('09:30')));
    expect(r.state).toMatchObject({ status: 'accepted', mode: 'normal', acceptedAt: at('09:30'), tolerance: null, commitment: null });
    expect(r.notice).toBe('accepted');
    expect(r.dueChanged).toBe(true);
  });

  it('accept with materials missing: CASE_MATERIALS_INCOMPLETE naming each one', () => {
    const err = caught(() => transition(fresh(), { type: 'accept', mode: 'normal', materials: INCOMPLETE }, context(at('09:30'))));
    expect(err.code).toBe('CASE_MATERIALS_INCOMPLETE');
    expect(err.fields.map((f) => f.path)).toEqual(['/data/materials/0', '/data/materials/1']);
  });

  it('§8.2.7 容缺: which materials, the completion deadline (the guide’s, or an earlier one), the applicant’s commitment', () => {
    const r = transition(fresh(), { type: 'accept', mode: 'tolerance', materials: TOLERATED, commitment: '承诺 5 个工作日内补齐场所照片' }, context(at('09:30')));
    expect(r.state.mode).toBe('tolerance');
    expect(r.state.tolerance).toMatchObject({ materials: [{ name: '经营场所照片', completedAt: null }], commitment: '承诺 5 个工作日内补齐场所照片', completedAt: null });
    // plainLimitEnd: 5 days after acceptance.
    expect(r.state.tolerance!.deadline).toEqual(new Date(at('09:30').getTime() + 5 * 86_400_000));
    expect(r.event.data).toMatchObject({ mode: 'tolerance', tolerated: ['经营场所照片'] });

    const earlier = at('18:00', '2025-03-05');
    const chosen = transition(fresh(), { type: 'accept', mode: 'tolerance', materials: TOLERATED, commitment: '承诺', completionDeadline: earlier }, context(at('09:30')));
    expect(chosen.state.tolerance!.deadline).toEqual(earlier);
    const late = caught(() => transition(fresh(), { type: 'accept', mode: 'tolerance', materials: TOLERATED, commitment: '承诺', completionDeadline: at('18:00', '2025-03-20') }, context(at('09:30'))));
    expect(late.code).toBe('CASE_DATA_INVALID');
    expect(late.fields[0]?.path).toBe('/data/completionDeadline');
    const noPromise = caught(() => transition(fresh(), { type: 'accept', mode: 'tolerance', materials: TOLERATED, commitment: '  ' }, context(at('09:30'))));
    expect(noPromise.fields[0]?.path).toBe('/data/commitment');
  });

  it('容缺 needs the item flag; 告知承诺 needs its flag and records the commitment', () => {
    const noFlags = { ...context(at('09:30')), flags: { toleranceAcceptance: false, notifyCommit: false } };
    expect(caught(() => transition(fresh(), { type: 'accept', mode: 'tolerance', materials: TOLERATED, commitment: '承诺' }, noFlags)).code).toBe('CASE_TOLERANCE_NOT_ALLOWED');
    expect(caught(() => transition(fresh(), { type: 'accept', mode: 'commitment', commitment: '本人承诺符合条件' }, noFlags)).code).toBe('CASE_MODE_NOT_ALLOWED');
    const r = transition(fresh(), { type: 'accept', mode: 'commitment', commitment: ' 本人承诺符合条件 ' }, context(at('09:30')));
    expect(r.state).toMatchObject({ mode: 'commitment', commitment: '本人承诺符合条件' });
  });

  it('§7.5.2.3 refusal: reason and legal basis required; files a refusal report; archiving waits for its review', () => {
    const r = transition(fresh(), { type: 'refuse', reason: ' 不属于本机关职权 ', legalBasis: '《行政许可法》第三十二条' }, context(at('09:20')));
    expect(r.state).toMatchObject({ status: 'refused', refusalReviewPending: true, refusal: { reason: '不属于本机关职权' } });
    expect(r.refusalReport).toEqual({ reason: '不属于本机关职权', legalBasis: '《行政许可法》第三十二条' });
    const err = caught(() => transition(r.state, { type: 'archive', location: 'A-1' }, context(at('10:00'))));
    expect(err.code).toBe('CASE_REVIEW_PENDING');
    const missing = caught(() => transition(fresh(), { type: 'refuse', reason: '', legalBasis: ' ' }, context(at('09:20'))));
    expect(missing.code).toBe('CASE_DATA_INVALID');
    expect(missing.fields.map((f) => f.path)).toEqual(['/data/reason', '/data/legalBasis']);
    // Overturned on review: back to acceptance.
    const reopened = transition(r.state, { type: 'reopen', opinion: '应予受理' }, context(at('11:00'), manager));
    expect(reopened.state).toMatchObject({ status: 'opened', refusal: null, refusalReviewPending: false });
  });
});

describe('processing (§8.1.2.4): steps, suspension, extension, tolerance, decision', () => {
  it('steps of the item’s process, each with handler, start and end; unknown or doubled steps refused', () => {
    const accepted = caseIn('accepted');
    const started = transition(accepted, { type: 'start_step', name: '审查', handler: '王审查' }, context(at('10:00'))).state;
    expect(started.status).toBe('processing');
    expect(started.steps).toEqual([{ name: '审查', itemId: 'item-1', handler: '王审查', startedAt: at('10:00'), finishedAt: null, opinion: null }]);
    expect(caught(() => transition(started, { type: 'start_step', name: '审查', handler: '王审查' }, context(at('10:01')))).code).toBe('CASE_STEP_ALREADY_STARTED');
    expect(caught(() => transition(started, { type: 'start_step', name: '现场勘验', handler: '王审查' }, context(at('10:01')))).code).toBe('CASE_STEP_UNKNOWN');
    expect(caught(() => transition(started, { type: 'finish_step', name: '决定' }, context(at('10:01')))).code).toBe('CASE_STEP_NOT_STARTED');
    const done = transition(started, { type: 'finish_step', name: '审查', opinion: '材料齐全' }, context(at('11:30')));
    expect(done.state.steps[0]).toMatchObject({ finishedAt: at('11:30'), opinion: '材料齐全' });
    expect(done.event.data).toMatchObject({ name: '审查', handler: '王审查', seconds: 90 * 60 });
  });

  it('suspend stops the clock with kind, reason and approver; resume returns to where it was', () => {
    const s = transition(caseIn('accepted'), { type: 'suspend', kind: 'hearing', reason: '依申请举行听证', approver: '张局长' }, context(at('10:00')));
    expect(s.state).toMatchObject({ status: 'suspended', suspendedFrom: 'accepted', stops: [{ from: at('10:00'), to: null, kind: 'hearing', approver: '张局长' }] });
    expect(s.dueChanged).toBe(true);
    const r = transition(s.state, { type: 'resume' }, context(at('16:00')));
    expect(r.state).toMatchObject({ status: 'accepted', suspendedFrom: null, stops: [{ from: at('10:00'), to: at('16:00') }] });
    expect(r.event.data).toMatchObject({ suspendedSeconds: 6 * 3600, kind: 'hearing' });
    const bad = caught(() => transition(caseIn('accepted'), { type: 'suspend', kind: 'hearing', reason: ' ', approver: '' }, context(at('10:00'))));
    expect(bad.fields.map((f) => f.path)).toEqual(['/data/reason', '/data/approver']);
  });

  it('extend adds days with reason and approver; zero or negative days refused', () => {
    const r = transition(caseIn('processing'), { type: 'extend', days: 10, reason: '情况复杂', approver: '张局长' }, context(at('10:00')));
    expect(r.state.extensions).toEqual([{ days: 10, reason: '情况复杂', approver: '张局长', at: at('10:00') }]);
    expect(r.dueChanged).toBe(true);
    expect(caught(() => transition(caseIn('processing'), { type: 'extend', days: 0, reason: 'x', approver: 'y' }, context(at('10:00')))).fields[0]?.path).toBe('/data/days');
  });

  it('§8.2.7 completing tolerated materials in time; after the deadline CASE_TOLERANCE_OVERDUE, unchanged', () => {
    const state = deepFreeze(caseIn('processing'));
    const r = transition(state, { type: 'complete_tolerance', materials: ['经营场所照片'] }, context(at('15:00', '2025-03-10')));
    expect(r.state.tolerance).toMatchObject({ completedAt: at('15:00', '2025-03-10'), materials: [{ name: '经营场所照片', completedAt: at('15:00', '2025-03-10') }] });
    expect(r.state.checklist.find((e) => e.name === '经营场所照片')?.status).toBe('provided');
    const late = caught(() => transition(state, { type: 'complete_tolerance' }, context(at('00:00', '2025-03-11'))));
    expect(late.code).toBe('CASE_TOLERANCE_OVERDUE');
    expect(caught(() => transition(state, { type: 'complete_tolerance', materials: ['居民身份证'] }, context(at('10:00')))).fields[0]?.path).toBe('/data/materials/0');
    // Nothing left to complete afterwards.
    expect(caught(() => transition(r.state, { type: 'complete_tolerance' }, context(at('15:01', '2025-03-10')))).code).toBe('CASE_TRANSITION_NOT_ALLOWED');
  });

  it('approval waits for the tolerated materials (CASE_TOLERANCE_OUTSTANDING); a rejection gives reasons (§8.1.2.4b)', () => {
    expect(caught(() => transition(caseIn('processing'), { type: 'decide', decision: 'approve' }, context(at('10:00')))).code).toBe('CASE_TOLERANCE_OUTSTANDING');
    const noReason = caught(() => transition(caseIn('processing'), { type: 'decide', decision: 'reject', reasons: ' ' }, context(at('10:00'))));
    expect(noReason.fields[0]?.path).toBe('/data/reasons');
    const normal = transition(fresh(), { type: 'accept', mode: 'normal' }, context(at('09:30'))).state;
    const r = transition(normal, { type: 'decide', decision: 'approve' }, context(at('10:00')));
    expect(r.state).toMatchObject({ status: 'decided', decision: 'approve', decidedAt: at('10:00'), items: [{ decision: 'approve', decidedAt: at('10:00') }] });
    expect(r.notice).toBe('decided');
    const second = caught(() => transition(r.state, { type: 'decide', decision: 'reject', reasons: '改判' }, context(at('10:05'))));
    expect(second.code).toBe('CASE_ALREADY_DECIDED');
  });

  it('§8.2.4 a bundle case decides item by item and is decided when the last item is; each item once', () => {
    const bundle: CaseState = {
      ...transition(fresh(), { type: 'accept', mode: 'normal' }, context(at('09:30'))).state,
      items: ['item-1', 'item-2'].map((itemId) => ({ itemId, promisedLimit: { value: 5, unit: 'working_day' }, legalLimit: { value: 20, unit: 'working_day' }, decision: null, decidedAt: null, reasons: null })),
    };
    expect(caught(() => transition(bundle, { type: 'decide', decision: 'approve' }, context(at('10:00')))).code).toBe('CASE_ITEM_REQUIRED');
    expect(caught(() => transition(bundle, { type: 'decide', decision: 'approve', itemId: 'item-9' }, context(at('10:00')))).fields[0]?.path).toBe('/data/itemId');
    const first = transition(bundle, { type: 'decide', decision: 'approve', itemId: 'item-2' }, context(at('10:00')));
    expect(first.state).toMatchObject({ status: 'processing', decision: null });
    expect(first.notice).toBeNull();
    expect(first.dueChanged).toBe(true);
    expect(caught(() => transition(first.state, { type: 'decide', decision: 'approve', itemId: 'item-2' }, context(at('10:01')))).code).toBe('CASE_ALREADY_DECIDED');
    const last = transition(first.state, { type: 'decide', decision: 'reject', reasons: '不符合条件', itemId: 'item-1' }, context(at('11:00')));
    expect(last.state).toMatchObject({ status: 'decided', decision: 'partial', decidedAt: at('11:00') });
    expect(last.notice).toBe('decided');
  });
});

describe('delivery (§8.1.2.5) and archive (§8.1.2.6, §7.2.1b)', () => {
  it('pickup: the notice, then the identity check recorded (masked) with the time', () => {
    const notified = transition(caseIn('decided'), { type: 'notify_pickup', place: '一楼统一出件窗口' }, context(at('10:10')));
    expect(notified.notice).toBe('ready_for_pickup');
    const r = transition(notified.state, { type: 'picked_up', pickerName: '张三丰', pickerIdType: 'resident_id', pickerIdNumber: '11010519491231002X', identityChecked: true, relation: 'applicant' }, context(at('14:10')));
    expect(r.state).toMatchObject({ status: 'delivered', deliveredAt: at('14:10'), delivery: { method: 'pickup', place: '一楼统一出件窗口', pickerIdMasked: '1101**********002X' } });
    expect(r.event.data).toEqual({ pickerName: '张**', pickerIdType: 'resident_id', pickerIdMasked: '1101**********002X', identityChecked: true, relation: 'applicant', waitedSeconds: 4 * 3600 });
    expect(JSON.stringify(r.event)).not.toContain('11010519491231002X');
    const unchecked = caught(() => transition(notified.state, { type: 'picked_up', pickerName: '张三', pickerIdType: 'resident_id', pickerIdNumber: '110105194912310021', identityChecked: false, relation: 'agent' }, context(at('14:10'))));
    expect(unchecked.code).toBe('CASE_ID_NUMBER_INVALID');
    expect(unchecked.fields.map((f) => f.path)).toEqual(['/data/pickerIdNumber', '/data/identityChecked']);
  });

  it('post: address (masked in the event), carrier and tracking number; then delivered, timed', () => {
    const posted = transition(caseIn('decided'), actionOf('post'), context(at('10:10')));
    expect(posted.notice).toBe('posted');
    expect(posted.event.data).toEqual({ addressMasked: '江西省南昌市****', carrier: '中国邮政 EMS', trackingNumber: 'EMS1234567890', free: true });
    const d = transition(posted.state, { type: 'delivered', signedBy: '张三', at: at('09:00', '2025-03-04') }, context(at('10:00', '2025-03-04')));
    expect(d.state).toMatchObject({ status: 'delivered', deliveredAt: at('09:00', '2025-03-04') });
    expect(caught(() => transition(posted.state, { type: 'delivered', at: at('09:00', '2025-03-05') }, context(at('10:00', '2025-03-04')))).fields[0]?.path).toBe('/data/at');
  });

  it('archive: location and retention (default 5 years, never fewer for paper); then read-only', () => {
    const r = transition(caseIn('delivered'), { type: 'archive', location: '档案室 A-01-03' }, context(at('16:00')));
    expect(r.state.archive).toEqual({ location: '档案室 A-01-03', retentionYears: 5, medium: 'paper', archivedAt: at('16:00') });
    expect(caught(() => transition(caseIn('delivered'), { type: 'archive', location: 'A', retentionYears: 3 }, context(at('16:00')))).fields[0]?.path).toBe('/data/retentionYears');
    for (const action of CASE_ACTIONS) expect(caught(() => transition(r.state, actionOf(action), context(at('16:30')))).code).toBe('CASE_ARCHIVED');
  });

  it('withdrawal closes an open stop', () => {
    const r = transition(caseIn('suspended'), { type: 'withdraw', reason: '申请人撤回' }, context(at('12:00')));
    expect(r.state.stops[0]?.to).toEqual(at('12:00'));
    expect(r.state.withdrawal).toEqual({ reason: '申请人撤回', at: at('12:00') });
  });

  it('keeps the caller’s extra fields (the service’s row type) and records the actor', () => {
    const row = { ...fresh(), centreId: 'centre-1' };
    const r = transition(row, { type: 'accept', mode: 'normal' }, context(at('09:30'), clerk));
    expect(r.state.centreId).toBe('centre-1');
    expect(r.event).toMatchObject({ userId: 'u-clerk', staffId: 's-clerk', counterId: 'c-5' });
  });
});
