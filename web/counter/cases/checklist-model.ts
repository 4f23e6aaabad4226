/**
 * The materials checklist at the counter (申请材料核验, DB36/T 2016 §8.1.2.3), built by
 * the same pure rules as the server (src/domain/cases/checklist.ts) from the item's
 * published guide, or the merged list of a "一件事" bundle (§8.2.4): a material
 * obtainable by data sharing is never asked (§8.1.2.3c); 容缺 only where the material
 * and the item allow it (§8.2.7). The decisions offered are the ones the server accepts.
 */
import {
  allowedDecisions,
  checklistSource,
  correctionItems,
  type CaseFlags,
  type ChecklistEntry,
  type ChecklistMaterial,
  type CounterDecision,
  type MaterialStatus,
} from '../../../src/domain/cases/checklist.ts';
import { TIME_LIMIT_UNITS } from '../../../src/domain/catalogue/codes.ts';
import type { ItemGuide, TimeLimit } from '../../../src/domain/catalogue/guide.ts';
import type { ChecklistEntryBody, NoticeKind } from './types.ts';

export type { CounterDecision } from '../../../src/domain/cases/checklist.ts';

/** What a case is checked against: the materials of its published guide(s) and the flags every item carries. */
export interface CaseRules {
  readonly materials: readonly ChecklistMaterial[];
  readonly flags: CaseFlags;
}

/** The published guide of each item of the case (one for an item, several for a bundle). */
export interface GuideSource {
  readonly itemId: string;
  readonly guide: Pick<ItemGuide, 'materials' | 'flags'>;
}

export function rulesOf(sources: readonly GuideSource[]): CaseRules {
  return checklistSource(sources.map((s) => ({ itemId: s.itemId, materials: s.guide.materials ?? [], flags: s.guide.flags })));
}

/** One row of the checklist form: the clerk's finding for the material at the same index. */
export interface ChecklistRow {
  readonly status: MaterialStatus;
  readonly note?: string | undefined;
}

/** Nothing checked yet: shared materials are `shared`, the rest `missing` (as the server's initial checklist). */
export function initialRows(materials: readonly ChecklistMaterial[]): ChecklistRow[] {
  return materials.map((m) => ({ status: m.viaDataSharing ? 'shared' : 'missing' }));
}

/** 全部已收: every material to hand in marked provided. */
export function allProvided(materials: readonly ChecklistMaterial[]): ChecklistRow[] {
  return materials.map((m) => ({ status: m.viaDataSharing ? 'shared' : 'provided' }));
}

/** The choices of one material at the counter: 已收 / 缺 / 不符合要求, and 容缺 where allowed. */
export function statusChoices(m: ChecklistMaterial): { value: MaterialStatus; label: string }[] {
  if (m.viaDataSharing) return [];
  const out: { value: MaterialStatus; label: string }[] = [
    { value: 'provided', label: '已收' },
    { value: 'missing', label: '缺' },
    { value: 'wrong', label: '不符合要求' },
  ];
  if (m.toleranceAllowed) out.push({ value: 'tolerated', label: '容缺' });
  return out;
}

function rowStatus(m: ChecklistMaterial, row: ChecklistRow | undefined): MaterialStatus {
  if (m.viaDataSharing) return 'shared';
  const s = row?.status ?? 'missing';
  return s === 'shared' ? 'missing' : s;
}

const noteOf = (row: ChecklistRow | undefined): string | null => row?.note?.trim() || null;

/** The checklist as the domain sees it, to ask which decisions it allows. */
export function entriesOf(materials: readonly ChecklistMaterial[], rows: readonly (ChecklistRow | undefined)[]): ChecklistEntry[] {
  return materials.map((m, i) => ({
    key: m.key,
    name: m.name,
    issuingBody: m.issuingBody,
    required: m.required,
    status: rowStatus(m, rows[i]),
    note: noteOf(rows[i]),
    tolerance: m.tolerance,
    toleranceAllowed: m.toleranceAllowed,
    itemIds: m.itemIds,
  }));
}

/** The checklist as the API takes it (`materials`), every material once, named as in the guide. */
export function materialsBody(materials: readonly ChecklistMaterial[], rows: readonly (ChecklistRow | undefined)[]): ChecklistEntryBody[] {
  return materials.map((m, i) => {
    const status = rowStatus(m, rows[i]);
    const note = status === 'shared' || status === 'provided' ? null : noteOf(rows[i]);
    // Absent rather than null: a material without an issuing body is named by its name alone.
    return { name: m.name, ...(m.issuingBody ? { issuingBody: m.issuingBody } : {}), status, ...(note ? { note } : {}) };
  });
}

/** The decisions the checklist allows (the server's own rule, §8.1.2.3, §8.2.7). */
export function decisionsOf(rules: CaseRules, rows: readonly (ChecklistRow | undefined)[]): CounterDecision[] {
  return allowedDecisions(entriesOf(rules.materials, rows), rules.flags);
}

/** What the one-time notice lists (§8.1.2.3b): every required material missing, and every one not as required. */
export function correctionList(rules: CaseRules, rows: readonly (ChecklistRow | undefined)[]): { name: string; problem: string }[] {
  return correctionItems(entriesOf(rules.materials, rows)).map((e) => ({ name: e.name, problem: e.note ?? (e.status === 'missing' ? '未提交' : '不符合要求') }));
}

/** The materials the clerk marked 容缺. */
export function toleratedList(rules: CaseRules, rows: readonly (ChecklistRow | undefined)[]): ChecklistMaterial[] {
  return rules.materials.filter((m, i) => rowStatus(m, rows[i]) === 'tolerated');
}

export interface DecisionMeta {
  readonly label: string;
  /** The transition it takes. */
  readonly action: 'accept' | 'request_correction' | 'refuse';
  readonly mode: 'normal' | 'tolerance' | 'commitment' | null;
  readonly okText: string;
  /** The notice printed for the applicant afterwards. */
  readonly notice: NoticeKind;
  readonly noticeLabel: string;
  readonly hint: string;
}

export const DECISION_ORDER: readonly CounterDecision[] = ['accept_normal', 'accept_tolerance', 'accept_commitment', 'correction', 'refuse'];

export const DECISIONS: Readonly<Record<CounterDecision, DecisionMeta>> = {
  accept_normal: {
    label: '受理',
    action: 'accept',
    mode: 'normal',
    okText: '确认受理',
    notice: 'acceptance',
    noticeLabel: '受理通知书',
    hint: '申请材料齐全、符合法定形式，当场受理，出具受理通知书（§8.1.2.3a）。',
  },
  accept_tolerance: {
    label: '容缺受理',
    action: 'accept',
    mode: 'tolerance',
    okText: '确认容缺受理',
    notice: 'tolerance',
    noticeLabel: '容缺受理通知书',
    hint: '主要材料齐全、次要材料容缺，申请人承诺在补齐时限内补齐（§8.2.7）。',
  },
  accept_commitment: {
    label: '告知承诺受理',
    action: 'accept',
    mode: 'commitment',
    okText: '确认告知承诺受理',
    notice: 'acceptance',
    noticeLabel: '受理通知书',
    hint: '实行告知承诺制的事项，申请人书面承诺符合条件的，予以受理（§8.2.7）。',
  },
  correction: {
    label: '一次性告知补正',
    action: 'request_correction',
    mode: null,
    okText: '出具一次性告知书',
    notice: 'correction',
    noticeLabel: '一次性告知书',
    hint: '材料不齐全或不符合法定形式的，一次性告知需要补正的全部内容（§8.1.2.3b）。',
  },
  refuse: {
    label: '不予受理',
    action: 'refuse',
    mode: null,
    okText: '确认不予受理',
    notice: 'refusal',
    noticeLabel: '不予受理通知书',
    hint: '不属于受理范围或不符合条件的，说明理由和依据，并报备复核（§7.5.2.3）。',
  },
};

/** "3 个工作日" */
export function limitText(limit: TimeLimit | null | undefined): string {
  if (!limit) return '—';
  if (limit.value === 0) return limit.note ?? '即办';
  return `${limit.value} 个${TIME_LIMIT_UNITS[limit.unit]}`.replace('个小时', '小时');
}

/** "受理后 3 个工作日内补齐" for a tolerated material (§8.2.7). */
export function toleranceDeadlineText(m: ChecklistMaterial): string {
  const limit = m.tolerance?.completionDeadline;
  return limit ? `受理后 ${limitText(limit)}内补齐` : '补齐时限见办事指南';
}

/** The applicant's commitment, prefilled for the clerk to read out and adjust. */
export function commitmentTemplate(decision: CounterDecision, tolerated: readonly ChecklistMaterial[]): string {
  if (decision === 'accept_tolerance') {
    const names = tolerated.map((m) => `“${m.name}”`).join('、');
    const limits = [...new Set(tolerated.map((m) => limitText(m.tolerance?.completionDeadline)))].join('、');
    return `本人承诺在受理后 ${limits}内补齐${names}；逾期未补齐的，自愿承担相应后果。`;
  }
  if (decision === 'accept_commitment') return '本人已知晓告知的全部条件和要求，承诺符合条件，所填报信息和提交材料真实有效，愿意承担不实承诺的法律责任。';
  return '';
}
