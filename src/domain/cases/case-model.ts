/**
 * What a case is made of (办件, DB36/T 2016 §8.1.2): its statuses, actions, events and
 * their Chinese labels, and the shape of its state, actions and context. The moves
 * between them are case-states.ts, which re-exports all of this.
 */
import type { TimeLimit } from '../catalogue/guide.ts';
import type { IdType } from './applicant.ts';
import type { AcceptanceMode, CaseFlags, ChecklistEntry, ChecklistEntryInput, ChecklistMaterial } from './checklist.ts';

export const CASE_STATUSES = [
  'opened',
  'correction',
  'refused',
  'withdrawn',
  'accepted',
  'processing',
  'suspended',
  'decided',
  'ready_for_pickup',
  'posted',
  'delivered',
  'archived',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  opened: '材料核验中',
  correction: '待补正',
  refused: '不予受理',
  withdrawn: '已撤回',
  accepted: '已受理',
  processing: '办理中',
  suspended: '暂停计时',
  decided: '已办结待送达',
  ready_for_pickup: '待领取',
  posted: '已寄出',
  delivered: '已送达',
  archived: '已归档',
};

/** The clock runs (§8.1.2.4): the statuses the due-date lists scan. */
export const CLOCK_STATUSES: readonly CaseStatus[] = ['accepted', 'processing', 'suspended'];
/** A decision has been made: a second one is CASE_ALREADY_DECIDED. */
export const DECIDED_STATUSES: readonly CaseStatus[] = ['decided', 'ready_for_pickup', 'posted', 'delivered'];

export const CASE_ACTIONS = [
  'request_correction',
  'resubmit',
  'refuse',
  'reopen',
  'withdraw',
  'accept',
  'start_step',
  'finish_step',
  'suspend',
  'resume',
  'extend',
  'complete_tolerance',
  'decide',
  'notify_pickup',
  'picked_up',
  'post',
  'delivered',
  'archive',
] as const;
export type CaseActionType = (typeof CASE_ACTIONS)[number];

export const CASE_ACTION_LABELS: Readonly<Record<CaseActionType, string>> = {
  request_correction: '一次性告知补正',
  resubmit: '补正后重新提交',
  refuse: '不予受理',
  reopen: '复核改正后重新受理',
  withdraw: '撤回申请',
  accept: '受理',
  start_step: '开始办理环节',
  finish_step: '完成办理环节',
  suspend: '暂停计时',
  resume: '恢复计时',
  extend: '延长办理时限',
  complete_tolerance: '补齐容缺材料',
  decide: '作出决定',
  notify_pickup: '通知领取',
  picked_up: '现场领取',
  post: '邮寄送达',
  delivered: '确认签收',
  archive: '资料归档',
};

/** §8.1.2.4: what stops the clock (行政许可法 §45: 所需时间不计算在期限内). */
export const SUSPENSION_KINDS = ['correction_after_acceptance', 'hearing', 'expert_review', 'special_procedure'] as const;
export type SuspensionKind = (typeof SUSPENSION_KINDS)[number];
export const SUSPENSION_KIND_LABELS: Readonly<Record<SuspensionKind, string>> = {
  correction_after_acceptance: '受理后补正',
  hearing: '听证',
  expert_review: '专家评审',
  special_procedure: '特别程序',
};

export const DECISIONS = ['approve', 'reject'] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_LABELS: Readonly<Record<Decision | 'partial', string>> = { approve: '准予', reject: '不予', partial: '部分准予' };

export const ARCHIVE_MEDIA = ['paper', 'electronic'] as const;
export type ArchiveMedium = (typeof ARCHIVE_MEDIA)[number];
/** §7.2.1b: paper records are kept at least 5 years. */
export const DEFAULT_RETENTION_YEARS = 5;

/** Who acts: a staff member (at a counter when signed in there), or the system. */
export interface CaseActor {
  readonly kind: 'staff' | 'system';
  readonly userId: string | null;
  readonly staffId: string | null;
  readonly counterId: string | null;
}

export interface CaseItemState {
  readonly itemId: string;
  readonly promisedLimit: TimeLimit | null;
  readonly legalLimit: TimeLimit | null;
  readonly decision: Decision | null;
  readonly decidedAt: Date | null;
  readonly reasons: string | null;
}

export interface CaseStep {
  readonly name: string;
  readonly itemId: string | null;
  readonly handler: string;
  readonly startedAt: Date;
  readonly finishedAt: Date | null;
  readonly opinion: string | null;
}

export interface CaseStop {
  readonly from: Date;
  readonly to: Date | null;
  readonly kind: SuspensionKind;
  readonly reason: string;
  readonly approver: string;
}

export interface CaseExtension {
  readonly days: number;
  readonly reason: string;
  readonly approver: string;
  readonly at: Date;
}

export interface ToleranceState {
  /** The tolerated materials and when each was completed. */
  readonly materials: readonly { readonly key: string; readonly name: string; readonly completedAt: Date | null }[];
  readonly deadline: Date;
  readonly commitment: string;
  readonly completedAt: Date | null;
}

export type Delivery =
  | {
      readonly method: 'pickup';
      readonly place: string;
      readonly notifiedAt: Date;
      readonly pickedUpAt: Date | null;
      readonly pickerName: string | null;
      readonly pickerIdType: IdType | null;
      readonly pickerIdMasked: string | null;
      readonly pickerRelation: 'applicant' | 'agent' | null;
    }
  | {
      readonly method: 'post';
      /** In full in the state; the service stores it encrypted, events and views carry it masked. */
      readonly address: string;
      readonly carrier: string;
      readonly trackingNumber: string;
      readonly free: boolean;
      readonly postedAt: Date;
      readonly deliveredAt: Date | null;
      readonly signedBy: string | null;
    };

export interface ArchiveRecord {
  readonly location: string;
  readonly retentionYears: number;
  readonly medium: ArchiveMedium;
  readonly archivedAt: Date;
}

export interface CaseState {
  readonly id: string;
  readonly caseNumber: string;
  readonly status: CaseStatus;
  readonly openedAt: Date;
  readonly checklist: readonly ChecklistEntry[];
  readonly mode: AcceptanceMode | null;
  readonly acceptedAt: Date | null;
  readonly tolerance: ToleranceState | null;
  /** 告知承诺: the applicant's commitment, as recorded. */
  readonly commitment: string | null;
  readonly refusal: { readonly reason: string; readonly legalBasis: string; readonly at: Date } | null;
  /** §7.5.2.3: the refusal report awaits a manager's review. */
  readonly refusalReviewPending: boolean;
  readonly withdrawal: { readonly reason: string; readonly at: Date } | null;
  readonly items: readonly CaseItemState[];
  readonly steps: readonly CaseStep[];
  readonly stops: readonly CaseStop[];
  /** The status a suspension returns to. */
  readonly suspendedFrom: CaseStatus | null;
  readonly extensions: readonly CaseExtension[];
  readonly decision: Decision | 'partial' | null;
  readonly decidedAt: Date | null;
  readonly delivery: Delivery | null;
  readonly deliveredAt: Date | null;
  readonly archive: ArchiveRecord | null;
}

/** The applicant is told (adapter, logged): at acceptance, correction, decision, ready for pickup, posted. */
export type CaseNotice = 'accepted' | 'correction' | 'decided' | 'ready_for_pickup' | 'posted';

export type CaseAction =
  | { readonly type: 'request_correction'; readonly materials: readonly ChecklistEntryInput[]; readonly note?: string | null }
  | { readonly type: 'resubmit'; readonly materials?: readonly ChecklistEntryInput[] | null }
  | { readonly type: 'refuse'; readonly reason: string; readonly legalBasis: string; readonly materials?: readonly ChecklistEntryInput[] | null }
  | { readonly type: 'reopen'; readonly opinion: string }
  | { readonly type: 'withdraw'; readonly reason: string }
  | {
      readonly type: 'accept';
      readonly mode: AcceptanceMode;
      readonly materials?: readonly ChecklistEntryInput[] | null;
      /** 容缺: the applicant's commitment to complete; 告知承诺: the commitment text. */
      readonly commitment?: string | null;
      /** 容缺: an earlier completion deadline than the guide's (end of that day). */
      readonly completionDeadline?: Date | null;
    }
  | { readonly type: 'start_step'; readonly name: string; readonly handler: string; readonly itemId?: string | null }
  | { readonly type: 'finish_step'; readonly name: string; readonly opinion?: string | null; readonly itemId?: string | null }
  | { readonly type: 'suspend'; readonly kind: SuspensionKind; readonly reason: string; readonly approver: string }
  | { readonly type: 'resume'; readonly note?: string | null }
  | { readonly type: 'extend'; readonly days: number; readonly reason: string; readonly approver: string }
  | { readonly type: 'complete_tolerance'; readonly materials?: readonly string[] | null }
  | { readonly type: 'decide'; readonly decision: Decision; readonly reasons?: string | null; readonly itemId?: string | null }
  | { readonly type: 'notify_pickup'; readonly place: string }
  | {
      readonly type: 'picked_up';
      readonly pickerName: string;
      readonly pickerIdType: IdType;
      readonly pickerIdNumber: string;
      readonly identityChecked: boolean;
      readonly relation: 'applicant' | 'agent';
    }
  | { readonly type: 'post'; readonly address: string; readonly carrier: string; readonly trackingNumber: string; readonly free?: boolean | null }
  | { readonly type: 'delivered'; readonly signedBy?: string | null; readonly at?: Date | null }
  | { readonly type: 'archive'; readonly location: string; readonly retentionYears?: number | null; readonly medium?: ArchiveMedium | null };

/** What the transition needs besides the state: the clock, the actor, the version's materials and steps, deadline arithmetic. */
export interface CaseContext {
  readonly now: Date;
  readonly actor: CaseActor;
  readonly materials: readonly ChecklistMaterial[];
  readonly flags: CaseFlags;
  /** The steps of the items' processes (and a bundle's steps) a case may go through. */
  readonly steps: readonly { readonly name: string; readonly itemId: string | null }[];
  /** The instant a limit counted from `start` runs out (deadlines.ts `dueAt` over the centre's calendar). */
  readonly limitEnd: (start: Date, limit: TimeLimit) => Date;
}

export const CASE_EVENT_TYPES = [
  'opened',
  'correction_requested',
  'resubmitted',
  'refused',
  'reopened',
  'withdrawn',
  'accepted',
  'step_started',
  'step_finished',
  'suspended',
  'resumed',
  'extended',
  'tolerance_completed',
  'decided',
  'pickup_notified',
  'picked_up',
  'posted',
  'delivered',
  'archived',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

/** What each recorded event says in the case's log (§8.1.2.1), on every screen that shows it. */
export const CASE_EVENT_LABELS: Readonly<Record<CaseEventType, string>> = {
  opened: '开件（材料核验）',
  correction_requested: '一次性告知补正',
  resubmitted: '补正后重新提交',
  refused: '不予受理',
  reopened: '复核纠正，重新受理',
  withdrawn: '申请人撤回',
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

/** One stored event (the timeline of §8.1.2.1): every transition with time, actor, counter and data (personal data masked). */
export interface CaseEvent {
  readonly type: CaseEventType;
  readonly at: Date;
  readonly from: CaseStatus | null;
  readonly to: CaseStatus;
  readonly userId: string | null;
  readonly staffId: string | null;
  readonly counterId: string | null;
  readonly data: Readonly<Record<string, unknown>>;
}
