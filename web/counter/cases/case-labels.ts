/** Colours and Chinese labels of cases at the counter (statuses from src/domain/cases/case-states.ts). */
import type { CaseEventType, CaseStatus } from '../../../src/domain/cases/case-states.ts';
import type { StageState } from '../../../src/domain/cases/timeline.ts';

export const STATUS_COLOURS: Readonly<Record<CaseStatus, string>> = {
  opened: 'blue',
  correction: 'orange',
  refused: 'red',
  withdrawn: 'default',
  accepted: 'cyan',
  processing: 'geekblue',
  suspended: 'gold',
  decided: 'purple',
  ready_for_pickup: 'magenta',
  posted: 'magenta',
  delivered: 'green',
  archived: 'default',
};

export const STAGE_STATE_LABELS: Readonly<Record<StageState, string>> = {
  done: '已完成',
  current: '进行中',
  pending: '未开始',
  skipped: '未经过',
};

/** What each recorded event says in the case's log (§8.1.2.1). */
export const CASE_EVENT_LABELS: Readonly<Record<CaseEventType, string>> = {
  opened: '开件（材料核验）',
  correction_requested: '一次性告知补正',
  resubmitted: '补正后重新提交',
  refused: '不予受理',
  reopened: '复核改正，重新受理',
  withdrawn: '撤回申请',
  accepted: '受理',
  step_started: '开始办理环节',
  step_finished: '完成办理环节',
  suspended: '暂停计时',
  resumed: '恢复计时',
  extended: '延长办理时限',
  tolerance_completed: '补齐容缺材料',
  decided: '作出决定',
  pickup_notified: '通知领取',
  picked_up: '现场领取',
  posted: '邮寄送达',
  delivered: '确认签收',
  archived: '资料归档',
};

/** A label of these tables for a value the API sends as a plain string; the value itself when unknown. */
export function labelOf<K extends string>(table: Readonly<Record<K, string>>, key: string): string {
  return Object.hasOwn(table, key) ? table[key as K] : key;
}
