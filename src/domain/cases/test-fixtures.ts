/** Cases in every status, a version's materials and a context, for the domain tests of case handling. */
import { material } from '../catalogue/test-fixtures.ts';
import type { Material, TimeLimit } from '../catalogue/guide.ts';
import { checklistSource, buildChecklist, type ChecklistEntryInput } from './checklist.ts';
import { openCase, type CaseActor, type CaseContext, type CaseState, type CaseStatus } from './case-states.ts';

export const at = (hhmm: string, day = '2025-03-03') => new Date(`${day}T${hhmm}:00+08:00`);

export const clerk: CaseActor = { kind: 'staff', userId: 'u-clerk', staffId: 's-clerk', counterId: 'c-5' };
export const manager: CaseActor = { kind: 'staff', userId: 'u-manager', staffId: null, counterId: null };

/** 食品经营许可: ID card, application form, site photos (容缺 within 5 working days), licence by data sharing, an optional power of attorney. */
export const MATERIALS: readonly Material[] = [
  material({ name: '居民身份证' }),
  material({ name: '食品经营许可申请书', issuingBody: null, copies: 0 }),
  material({ name: '经营场所照片', issuingBody: null, tolerance: { conditions: '场所装修未完成', completionDeadline: { value: 5, unit: 'working_day' } } }),
  material({ name: '营业执照', issuingBody: '市场监督管理局', viaDataSharing: true, required: false, originals: 0, copies: 0 }),
  material({ name: '授权委托书', issuingBody: null, required: false }),
];

export const SOURCE = checklistSource([{ itemId: 'item-1', materials: MATERIALS, flags: { toleranceAcceptance: true, notifyCommit: true } }]);

/** Every required material provided (the shared one left out: it is never asked). */
export const COMPLETE: readonly ChecklistEntryInput[] = [
  { name: '居民身份证', status: 'provided' },
  { name: '食品经营许可申请书', status: 'provided' },
  { name: '经营场所照片', status: 'provided' },
  { name: '授权委托书', status: 'missing' },
];

/** The site photos tolerated (容缺). */
export const TOLERATED: readonly ChecklistEntryInput[] = COMPLETE.map((e) => (e.name === '经营场所照片' ? { ...e, status: 'tolerated' as const } : e));

/** The application form missing and the ID card copy wrong. */
export const INCOMPLETE: readonly ChecklistEntryInput[] = [
  { name: '居民身份证', status: 'wrong', note: '复印件不清晰' },
  { name: '食品经营许可申请书', status: 'missing' },
  { name: '经营场所照片', status: 'provided' },
  { name: '授权委托书', status: 'missing' },
];

/** Limits counted in plain days, so that the state machine's tests need no calendar (case-clock.test.ts uses the real one). */
export const plainLimitEnd = (start: Date, limit: TimeLimit): Date => new Date(start.getTime() + limit.value * 86_400_000);

export function context(now: Date, actor: CaseActor = clerk): CaseContext {
  return {
    now,
    actor,
    materials: SOURCE.materials,
    flags: SOURCE.flags,
    steps: ['申请', '受理', '审查', '决定', '送达'].map((name) => ({ name, itemId: 'item-1' })),
    limitEnd: plainLimitEnd,
  };
}

export function fresh(): CaseState {
  return openCase(
    {
      id: 'case-1',
      caseNumber: '11440232MB2D06811W4000117051000202503030001',
      openedAt: at('09:00'),
      checklist: buildChecklist(SOURCE.materials, COMPLETE),
      items: [{ itemId: 'item-1', promisedLimit: { value: 5, unit: 'working_day' }, legalLimit: { value: 20, unit: 'working_day' } }],
    },
    clerk,
  ).state;
}

/**
 * A case in `status`, built by hand (not through `transition`, so that the table test
 * does not rest on what it tests). Cases on the clock are accepted under 容缺 with the
 * site photos outstanding until 03-10, so that `complete_tolerance` applies; `processing`
 * has the step 审查 open; `suspended` came from `processing`.
 */
export function caseIn(status: CaseStatus): CaseState {
  const base = fresh();
  const accepted: CaseState = {
    ...base,
    checklist: buildChecklist(SOURCE.materials, TOLERATED),
    mode: 'tolerance',
    acceptedAt: at('09:30'),
    tolerance: { materials: [{ key: SOURCE.materials[2]!.key, name: '经营场所照片', completedAt: null }], deadline: at('23:59', '2025-03-10'), commitment: '五个工作日内补齐', completedAt: null },
  };
  const processing: CaseState = { ...accepted, status: 'processing', steps: [{ name: '审查', itemId: 'item-1', handler: '王审查', startedAt: at('09:40'), finishedAt: null, opinion: null }] };
  const decided: CaseState = {
    ...processing,
    status: 'decided',
    tolerance: { ...accepted.tolerance!, materials: accepted.tolerance!.materials.map((m) => ({ ...m, completedAt: at('09:50') })), completedAt: at('09:50') },
    items: base.items.map((i) => ({ ...i, decision: 'approve', decidedAt: at('10:00'), reasons: null })),
    decision: 'approve',
    decidedAt: at('10:00'),
  };
  const pickup = { method: 'pickup', place: '统一出件窗口', notifiedAt: at('10:05'), pickedUpAt: null, pickerName: null, pickerIdType: null, pickerIdMasked: null, pickerRelation: null } as const;
  const post = { method: 'post', address: '江西省南昌市新建区长征路 1 号', carrier: '中国邮政 EMS', trackingNumber: 'EMS1234567890', free: true, postedAt: at('10:05'), deliveredAt: null, signedBy: null } as const;
  switch (status) {
    case 'opened':
      return base;
    case 'correction':
      return { ...base, status, checklist: buildChecklist(SOURCE.materials, INCOMPLETE) };
    case 'refused':
      return { ...base, status, refusal: { reason: '不属于本机关职权范围', legalBasis: '《行政许可法》第三十二条', at: at('09:20') }, refusalReviewPending: false };
    case 'withdrawn':
      return { ...base, status, withdrawal: { reason: '申请人撤回', at: at('09:20') } };
    case 'accepted':
      return { ...accepted, status };
    case 'processing':
      return processing;
    case 'suspended':
      return { ...processing, status, suspendedFrom: 'processing', stops: [{ from: at('09:45'), to: null, kind: 'hearing', reason: '依申请听证', approver: '张局长' }] };
    case 'decided':
      return decided;
    case 'ready_for_pickup':
      return { ...decided, status, delivery: pickup };
    case 'posted':
      return { ...decided, status, delivery: post };
    case 'delivered':
      return { ...decided, status, delivery: { ...pickup, pickedUpAt: at('10:30') }, deliveredAt: at('10:30') };
    case 'archived':
      return { ...decided, status, delivery: { ...pickup, pickedUpAt: at('10:30') }, deliveredAt: at('10:30'), archive: { location: 'A-01-03', retentionYears: 5, medium: 'paper', archivedAt: at('11:00') } };
  }
}
