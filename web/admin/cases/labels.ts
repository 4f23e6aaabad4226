/** Chinese wording of the case screens: the server's label tables, and the few the server does not send. */
import { CASE_EVENT_LABELS, CASE_STATUS_LABELS, SUSPENSION_KIND_LABELS, type CaseStatus } from '../../../src/domain/cases/case-states.ts';
import { ACCEPTANCE_MODE_LABELS } from '../../../src/domain/cases/checklist.ts';
import { REVIEW_STATUS_LABELS } from '../../../src/domain/cases/refusal-review.ts';
import { CASE_STAGE_LABELS, CASE_STAGES, STAGE_STATE_LABELS, stageOf, type CaseStage } from '../../../src/domain/cases/timeline.ts';
import { TIME_LIMIT_UNITS } from '../../../src/domain/catalogue/codes.ts';

export { durationText } from '../../shared/duration.ts';
export { ACCEPTANCE_MODE_LABELS, CASE_STAGE_LABELS, CASE_STATUS_LABELS, REVIEW_STATUS_LABELS, STAGE_STATE_LABELS, SUSPENSION_KIND_LABELS };

/** The stages a case can be listed by (the 咨询 stage has no cases of its own). */
export const STAGE_OPTIONS = CASE_STAGES.filter((s): s is Exclude<CaseStage, 'consultation'> => s !== 'consultation').map((s) => ({ value: s, label: CASE_STAGE_LABELS[s] }));

/** Status options, narrowed to one stage when one is chosen. */
export function statusOptions(stage: string | undefined) {
  return (Object.keys(CASE_STATUS_LABELS) as CaseStatus[]).filter((s) => !stage || stageOf(s) === stage).map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] }));
}

export function eventLabel(type: string): string {
  return (CASE_EVENT_LABELS as Record<string, string>)[type] ?? type;
}

export function statusLabel(status: string | null | undefined): string {
  return status ? ((CASE_STATUS_LABELS as Record<string, string>)[status] ?? status) : '—';
}

export const DEADLINE_LABELS = { on_time: '正常', due_soon: '临近到期', overdue: '已超期' } as const;


/** What an event's data says, in Chinese (keys the transitions record; others are left out). */
const DATA_LABELS: Readonly<Record<string, string>> = {
  reason: '理由',
  legalBasis: '依据',
  note: '说明',
  opinion: '意见',
  name: '环节',
  handler: '办理人',
  mode: '受理方式',
  kind: '暂停原因',
  approver: '批准人',
  days: '延长',
  decision: '决定',
  reasons: '决定理由',
  place: '领取地点',
  pickerName: '领取人',
  carrier: '寄递企业',
  trackingNumber: '运单号',
  signedBy: '签收人',
  location: '存放位置',
  retentionYears: '保管年限',
  commitment: '承诺',
};

const VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  mode: ACCEPTANCE_MODE_LABELS,
  kind: SUSPENSION_KIND_LABELS,
  decision: { approve: '准予', reject: '不予', partial: '部分准予' },
};

/** `理由：…；依据：…` from an event's data. */
export function eventDataText(data: Readonly<Record<string, unknown>>): string {
  const parts: string[] = [];
  for (const [key, label] of Object.entries(DATA_LABELS)) {
    const value = data[key];
    if (value === null || value === undefined || value === '' || typeof value === 'object') continue;
    const text = VALUE_LABELS[key]?.[String(value)] ?? String(value);
    parts.push(`${label}：${key === 'retentionYears' ? `${text} 年` : key === 'days' ? `${text}（与办结时限同单位）` : text}`);
  }
  return parts.join('；');
}

/** A stored time limit (`{value, unit}`) in words: 5 个工作日. */
export function limitText(limit: unknown): string {
  if (!limit || typeof limit !== 'object') return '—';
  const { value, unit } = limit as { value?: unknown; unit?: unknown };
  if (typeof value !== 'number') return '—';
  if (value === 0) return '即办';
  const u = (TIME_LIMIT_UNITS as Record<string, string>)[String(unit)] ?? String(unit);
  return `${value} 个${u}`;
}

