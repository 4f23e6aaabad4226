/**
 * What the counter offers on a case follows THE transition table of cases (DB36/T 2016
 * §8.1.2.4–§8.1.2.6, §8.2.7); the notices a case has; the server's field errors land on
 * the fields of the form that caused them; the bodies sent are those the API takes.
 */
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, canApply } from '../../../src/domain/cases/case-states.ts';
import { flags, guide, material } from '../../../src/domain/catalogue/test-fixtures.ts';
import { ApiError } from '../../shared/api.ts';
import { idNumberHint, phoneHint, usccHint } from './applicant-check.ts';
import { actionBody } from './action-body.ts';
import { atActionFields, DETAIL_ACTIONS, noticesOf, noticeUrl, offeredActions } from './case-actions.ts';
import { dateTimeText, durationText, remainingLabel } from './case-format.ts';
import { filterCases } from './case-filter.ts';
import { rulesOf } from './checklist-model.ts';
import { atPanelFields, decisionCall, openBody, rowsFromCase, type PanelValues } from './panel-values.ts';
import type { CaseDetail, CaseSummary } from './types.ts';

function detail(overrides: Partial<CaseDetail> = {}): CaseDetail {
  return {
    id: 'case-1',
    centreId: 'c',
    caseNumber: '1144023201202611250001',
    title: '食品经营许可证核发',
    itemId: 'item-1',
    bundleId: null,
    status: 'processing',
    statusLabel: '办理中',
    stage: 'processing',
    stageLabel: '办理',
    mode: 'normal',
    applicantName: '张**',
    applicantKind: 'person',
    phoneMasked: '138****5678',
    openedAt: '2026-11-25T01:00:00.000Z',
    acceptedAt: '2026-11-25T01:10:00.000Z',
    decidedAt: null,
    decision: null,
    deliveredAt: null,
    archivedAt: null,
    promisedDueAt: '2026-12-02T15:59:59.999Z',
    legalDueAt: null,
    deadlineState: 'on_time',
    remainingText: '剩余 5 个工作日',
    counterId: 'k',
    counterNumber: '5',
    clerkId: 's',
    clerkName: '李晓燕',
    ticketId: null,
    applicant: { kind: 'person', name: '张**', idType: 'resident_id', idNumber: '1101**********002X', uscc: null, contactName: null, phone: '138****5678', address: null, masked: true },
    agentStaffId: null,
    crossRegion: null,
    checklist: [],
    allowedDecisions: [],
    processSteps: [],
    items: [],
    steps: [],
    suspendedSeconds: 0,
    detail: {},
    timeline: [],
    events: [],
    refusalReview: null,
    ...overrides,
  };
}

const step = (name: string, finishedAt: string | null) => ({ name, itemId: 'item-1', handler: '李晓燕', startedAt: '2026-11-25T02:00:00.000Z', finishedAt, opinion: null });

describe('actions on a case follow the transition table (case-states.ts)', () => {
  it('offers only what the table allows from each status', () => {
    for (const status of CASE_STATUSES) {
      const offered = offeredActions(detail({ status, steps: [step('审查', null)], mode: 'tolerance', detail: { tolerance: { materials: [{ name: '经营场所照片', completedAt: null }] } } }));
      for (const a of offered) expect(canApply(status, a), `${a} from ${status}`).toBe(true);
      for (const a of DETAIL_ACTIONS.filter((x) => canApply(status, x))) expect(offered, `${a} from ${status}`).toContain(a);
    }
  });

  it('a processing case: steps, suspension, extension and the decision (§8.1.2.4); finishing a step only once one is open', () => {
    expect(offeredActions(detail({ status: 'processing' }))).toEqual(['start_step', 'suspend', 'extend', 'decide', 'withdraw']);
    expect(offeredActions(detail({ status: 'processing', steps: [step('审查', null)] }))).toContain('finish_step');
    expect(offeredActions(detail({ status: 'processing', steps: [step('审查', '2026-11-25T03:00:00.000Z')] }))).not.toContain('finish_step');
  });

  it('容缺: completion is offered while tolerated materials are outstanding (§8.2.7)', () => {
    const outstanding = { tolerance: { materials: [{ name: '经营场所照片', completedAt: null }], deadline: '2026-11-28T15:59:59.999Z' } };
    expect(offeredActions(detail({ status: 'accepted', mode: 'tolerance', detail: outstanding }))).toContain('complete_tolerance');
    const completed = { tolerance: { materials: [{ name: '经营场所照片', completedAt: '2026-11-26T02:00:00.000Z' }] } };
    expect(offeredActions(detail({ status: 'accepted', mode: 'tolerance', detail: completed }))).not.toContain('complete_tolerance');
    expect(offeredActions(detail({ status: 'accepted', mode: 'normal', detail: outstanding }))).not.toContain('complete_tolerance');
  });

  it('delivery (§8.1.2.5) and archiving (§8.1.2.6); an archived case offers nothing', () => {
    expect(offeredActions(detail({ status: 'decided' }))).toEqual(['notify_pickup', 'post']);
    expect(offeredActions(detail({ status: 'ready_for_pickup' }))).toEqual(['picked_up']);
    expect(offeredActions(detail({ status: 'posted' }))).toEqual(['delivered']);
    expect(offeredActions(detail({ status: 'delivered' }))).toEqual(['archive']);
    expect(offeredActions(detail({ status: 'archived' }))).toEqual([]);
    expect(offeredActions(detail({ status: 'correction' }))).toEqual(['resubmit', 'withdraw']);
  });
});

describe('notices', () => {
  it('each notice the case’s record supports, at its route', () => {
    expect(noticesOf(detail({ acceptedAt: null, events: [] }))).toEqual([]);
    expect(noticesOf(detail())).toEqual(['acceptance']);
    expect(noticesOf(detail({ mode: 'tolerance', detail: { tolerance: { materials: [] } } }))).toEqual(['acceptance', 'tolerance']);
    // While the clock stands with no due date the acceptance notice cannot be printed.
    expect(noticesOf(detail({ status: 'suspended', promisedDueAt: null }))).toEqual([]);
    expect(noticesOf(detail({ status: 'posted' }))).toEqual(['acceptance', 'delivery_receipt']);
    const corrected = detail({ acceptedAt: null, events: [{ type: 'correction_requested', at: '', from: 'opened', to: 'correction', counterNumber: '5', staffName: null, data: {} }] });
    expect(noticesOf(corrected)).toEqual(['correction']);
    expect(noticesOf(detail({ acceptedAt: null, mode: null, detail: { refusal: { reason: 'x', legalBasis: 'y' } } }))).toEqual(['refusal']);
    expect(noticesOf(detail({ deliveredAt: '2026-11-26T01:00:00.000Z' }))).toEqual(['acceptance', 'delivery_receipt']);
    expect(noticeUrl('case-1', 'acceptance')).toBe('/api/v1/cases/case-1/notices/acceptance.pdf');
  });
});

describe('field errors land on the form that caused them', () => {
  const error = new ApiError(422, 'CASE_DATA_INVALID', '不予受理须说明理由', [
    { path: '/data/reason', code: 'CASE_DATA_INVALID', message: '不予受理须说明理由' },
    { path: '/data/materials/1/name', code: 'CASE_MATERIALS_MISMATCH', message: '材料不在清单中' },
    { path: '/data/mode', code: 'CASE_MODE_NOT_ALLOWED', message: '该事项未实行告知承诺制' },
    { path: '/applicant/idNumber', code: 'CASE_ID_NUMBER_INVALID', message: '校验码不正确' },
  ]);

  it('a transition’s /data/… at the action’s own field', () => {
    const moved = atActionFields(error) as ApiError;
    expect(moved.fields.map((f) => f.path)).toEqual(['/reason', '/materials/1/name', '/mode', '/applicant/idNumber']);
    expect(moved.code).toBe('CASE_DATA_INVALID');
    expect(atActionFields('not an api error')).toBe('not an api error');
  });

  it('in the acceptance panel: a material at its result, the mode at the decision', () => {
    expect((atPanelFields(error) as ApiError).fields.map((f) => f.path)).toEqual(['/reason', '/materials/1/status', '/decision', '/applicant/idNumber']);
  });
});

describe('the bodies sent', () => {
  const rules = rulesOf([{ itemId: 'item-1', guide: guide({ materials: [material({ name: '居民身份证' }), material({ name: '营业执照', viaDataSharing: true, required: false })], flags: flags() }) }]);
  const values: PanelValues = {
    target: 'item',
    itemId: 'item-1',
    applicant: { kind: 'person', name: ' 张三丰 ', idType: 'resident_id', idNumber: '11010519491231002x', phone: ' 13812345678 ', address: '  ' },
    agent: false,
    agentStaffId: 'staff-9',
    materials: [{ status: 'provided' }, { status: 'shared' }],
  };

  it('opens a case from the ticket in service, the applicant trimmed, the ID upper-cased, no agent unless asked (§8.2.2)', () => {
    expect(openBody(values, rules, 'ticket-1')).toEqual({
      itemId: 'item-1',
      ticketId: 'ticket-1',
      applicant: { kind: 'person', name: '张三丰', phone: '13812345678', address: null, idType: 'resident_id', idNumber: '11010519491231002X' },
      materials: [
        { name: '居民身份证', issuingBody: '公安机关', status: 'provided' },
        { name: '营业执照', issuingBody: '公安机关', status: 'shared' },
      ],
    });
    expect(openBody({ ...values, target: 'bundle', bundleId: 'b-1', agent: true }, rules, null)).toMatchObject({ bundleId: 'b-1', agentStaffId: 'staff-9' });
    expect(openBody({ ...values, applicant: { kind: 'organisation', name: '某公司', uscc: '91360100ma35t0xk46', contactName: '王五', phone: '0791-88886666' } }, rules, null).applicant).toEqual({
      kind: 'organisation',
      name: '某公司',
      phone: '0791-88886666',
      address: null,
      uscc: '91360100MA35T0XK46',
      contactName: '王五',
    });
  });

  it('each decision takes its transition with the checklist (§8.1.2.3, §8.2.7)', () => {
    // Empty optional fields are left out, not sent as null.
    const normal = decisionCall({ ...values, decision: 'accept_normal', commitment: 'x' }, rules);
    expect(normal).toMatchObject({ action: 'accept', data: { mode: 'normal' } });
    expect(Object.keys(normal.data).sort()).toEqual(['materials', 'mode']);
    expect(decisionCall({ ...values, decision: 'accept_tolerance', commitment: ' 承诺 ', completionDeadline: dayjs('2026-11-27') }, rules)).toMatchObject({
      action: 'accept',
      data: { mode: 'tolerance', commitment: '承诺', completionDeadline: '2026-11-27' },
    });
    expect(decisionCall({ ...values, decision: 'correction', note: '' }, rules)).toEqual({ action: 'request_correction', data: { materials: expect.any(Array) } });
    expect(decisionCall({ ...values, decision: 'refuse', reason: ' 不属于本中心受理范围 ', legalBasis: ' 行政许可法第三十二条 ' }, rules)).toMatchObject({
      action: 'refuse',
      data: { reason: '不属于本中心受理范围', legalBasis: '行政许可法第三十二条' },
    });
  });

  it('a case taken on again keeps its checked materials', () => {
    const checklist = [
      { name: '居民身份证', issuingBody: '公安机关', required: true, status: 'wrong', statusLabel: '不符合要求', note: '已过期', toleranceAllowed: false },
      { name: '营业执照', issuingBody: '公安机关', required: false, status: 'shared', statusLabel: '', note: null, toleranceAllowed: false },
    ];
    expect(rowsFromCase(rules, checklist)).toEqual([{ status: 'wrong', note: '已过期' }, { status: 'shared' }]);
  });

  it('actions of the detail: pickup with the identity checked, archive with at least the default retention', () => {
    expect(actionBody('picked_up', { pickerName: ' 张三丰 ', pickerIdNumber: '11010519491231002x', identityChecked: true })).toEqual({
      action: 'picked_up',
      data: { pickerName: '张三丰', pickerIdType: 'resident_id', pickerIdNumber: '11010519491231002X', identityChecked: true, relation: 'applicant' },
    });
    expect(actionBody('archive', { location: ' 档案室 A-3 ' })).toEqual({ action: 'archive', data: { location: '档案室 A-3', retentionYears: 5, medium: 'paper' } });
    expect(actionBody('start_step', { step: 'item-1|审查', handler: '李晓燕' })).toEqual({ action: 'start_step', data: { name: '审查', handler: '李晓燕', itemId: 'item-1' } });
    expect(actionBody('start_step', { step: '|联合审查', handler: '李晓燕' }).data).toEqual({ name: '联合审查', handler: '李晓燕' });
    expect(actionBody('decide', { decision: 'reject', reasons: '  ' })).toEqual({ action: 'decide', data: { decision: 'reject' } });
  });
});

describe('the applicant’s numbers are checked as typed (a warning; the server decides)', () => {
  it('GB 11643: length, birth date and check character of the resident ID', () => {
    expect(idNumberHint('resident_id', '11010519491231002X')).toBeNull();
    expect(idNumberHint('resident_id', '110105194912310021')).toContain('校验码');
    expect(idNumberHint('resident_id', '110105194913310028')).toContain('出生日期');
    expect(idNumberHint('resident_id', '1101051949')).toContain('18 位');
    expect(idNumberHint('resident_id', '')).toBeNull();
    expect(idNumberHint('passport', 'E12345678')).toBeNull();
  });

  it('GB 32100 check character of the USCC; the phone’s shape', () => {
    expect(usccHint('91360100MA35T0XK46')).toBeNull();
    expect(usccHint('91360100MA35T0XK47')).toContain('校验码');
    expect(phoneHint('13812345678')).toBeNull();
    expect(phoneHint('0791-88886666')).toBeNull();
    expect(phoneHint('12345')).not.toBeNull();
  });
});

describe('dates, durations and due dates in the centre’s zone', () => {
  it('formats in Asia/Shanghai', () => {
    expect(dateTimeText('2026-11-25T01:30:00.000Z')).toBe('2026-11-25 09:30');
    expect(dateTimeText(null)).toBe('—');
    expect(durationText(30)).toBe('不足 1 分钟');
    expect(durationText(25 * 60)).toBe('25 分钟');
    expect(durationText(2 * 3600 + 5 * 60)).toBe('2 小时 5 分钟');
    expect(durationText(3 * 86400 + 4 * 3600)).toBe('3 天 4 小时');
  });

  it('剩余 N 个工作日 from the server; 已超期 when the calendar could not count', () => {
    expect(remainingLabel({ remainingText: '剩余 3 个工作日', deadlineState: 'on_time', promisedDueAt: 'x' })).toBe('剩余 3 个工作日');
    expect(remainingLabel({ remainingText: null, deadlineState: 'overdue', promisedDueAt: 'x' })).toBe('已超期');
    expect(remainingLabel({ remainingText: null, deadlineState: null, promisedDueAt: null })).toBeNull();
  });

  it('今日办件: the cases opened today (Shanghai day), or those not closed', () => {
    const row = (id: string, openedAt: string, status: string) => ({ ...detail(), id, openedAt, status }) as CaseSummary;
    const list = [row('a', '2026-11-24T15:59:00.000Z', 'processing'), row('b', '2026-11-24T16:01:00.000Z', 'archived'), row('c', '2026-11-25T09:00:00.000Z', 'refused')];
    const now = new Date('2026-11-25T10:00:00.000Z');
    expect(filterCases(list, 'today', now).map((r) => r.id)).toEqual(['b', 'c']);
    expect(filterCases(list, 'open', now).map((r) => r.id)).toEqual(['a']);
    expect(filterCases(list, 'all', now)).toHaveLength(3);
  });
});
