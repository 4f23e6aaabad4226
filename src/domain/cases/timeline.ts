/**
 * The five stages of a case (DB36/T 2016 §8.1.2.1: 咨询、受理、办理、送达、资料归档), each
 * with its start, end, duration, counters and staff, derived from the event log alone,
 * so that what the counter, the manager and the applicant see is what was recorded.
 *
 * - 咨询: the consultation the case was opened from (recorded in the `opened` event), if any.
 * - 受理: from opening to acceptance, refusal or withdrawal (补正 rounds included; a
 *   refusal overturned on review reopens it).
 * - 办理: from acceptance to the decision on the last item (suspensions included).
 * - 送达: from the decision to pickup or delivery by post.
 * - 归档: from the end of the last stage reached to archiving.
 *
 * A refused or withdrawn case skips the stages it never reached.
 */
import type { CaseEventType, CaseStatus } from './case-states.ts';

export const CASE_STAGES = ['consultation', 'acceptance', 'processing', 'delivery', 'archiving'] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export const CASE_STAGE_LABELS: Readonly<Record<CaseStage, string>> = {
  consultation: '咨询',
  acceptance: '受理',
  processing: '办理',
  delivery: '送达',
  archiving: '归档',
};

/** The stage a case in `status` is in (for lists and the public progress page). */
export function stageOf(status: CaseStatus): Exclude<CaseStage, 'consultation'> {
  switch (status) {
    case 'opened':
    case 'correction':
      return 'acceptance';
    case 'accepted':
    case 'processing':
    case 'suspended':
      return 'processing';
    case 'decided':
    case 'ready_for_pickup':
    case 'posted':
      return 'delivery';
    case 'refused':
    case 'withdrawn':
    case 'delivered':
    case 'archived':
      return 'archiving';
  }
}

/** The statuses of each stage, for the list filter. */
export function statusesOfStage(stage: Exclude<CaseStage, 'consultation'>, all: readonly CaseStatus[]): CaseStatus[] {
  return all.filter((s) => stageOf(s) === stage);
}

export interface TimelineEvent {
  readonly type: CaseEventType;
  readonly at: Date;
  readonly to: CaseStatus;
  readonly counterId: string | null;
  readonly staffId: string | null;
  readonly data: Readonly<Record<string, unknown>>;
}

export type StageState = 'done' | 'current' | 'pending' | 'skipped';

export const STAGE_STATE_LABELS: Readonly<Record<StageState, string>> = { done: '已完成', current: '进行中', pending: '未开始', skipped: '未经过' };

export interface TimelineStage {
  readonly stage: CaseStage;
  readonly label: string;
  readonly state: StageState;
  readonly startedAt: Date | null;
  readonly endedAt: Date | null;
  /** Seconds from start to end (to `now` while current). */
  readonly durationSeconds: number | null;
  readonly counterIds: readonly string[];
  readonly staffIds: readonly string[];
}

interface Acc {
  startedAt: Date | null;
  endedAt: Date | null;
  skipped: boolean;
  counters: Set<string>;
  staff: Set<string>;
}

/** The consultation an `opened` event names: `{ startedAt, endedAt, counterId, staffId }`. */
interface ConsultationFacts {
  readonly startedAt?: string;
  readonly endedAt?: string | null;
  readonly counterId?: string | null;
  readonly staffId?: string | null;
}

const PROCESSING_EVENTS: readonly CaseEventType[] = ['step_started', 'step_finished', 'suspended', 'resumed', 'extended', 'tolerance_completed'];

/** The five stages from the events of one case, oldest first. */
export function caseTimeline(events: readonly TimelineEvent[], now: Date): TimelineStage[] {
  const acc = Object.fromEntries(CASE_STAGES.map((s) => [s, { startedAt: null, endedAt: null, skipped: false, counters: new Set(), staff: new Set() } as Acc])) as Record<CaseStage, Acc>;
  const touch = (stage: CaseStage, e: Pick<TimelineEvent, 'counterId' | 'staffId'>) => {
    if (e.counterId) acc[stage].counters.add(e.counterId);
    if (e.staffId) acc[stage].staff.add(e.staffId);
  };
  const start = (stage: CaseStage, at: Date) => {
    acc[stage].startedAt = at;
    acc[stage].endedAt = null;
    acc[stage].skipped = false;
  };
  const toArchiving = (e: TimelineEvent, skip: readonly CaseStage[]) => {
    for (const s of skip) if (!acc[s].startedAt) acc[s].skipped = true;
    start('archiving', e.at);
  };

  for (const e of events) {
    switch (e.type) {
      case 'opened': {
        const c = e.data.consultation as ConsultationFacts | undefined;
        if (c?.startedAt) {
          acc.consultation.startedAt = new Date(c.startedAt);
          acc.consultation.endedAt = c.endedAt ? new Date(c.endedAt) : acc.consultation.startedAt;
          touch('consultation', { counterId: c.counterId ?? null, staffId: c.staffId ?? null });
        }
        start('acceptance', e.at);
        touch('acceptance', e);
        break;
      }
      case 'correction_requested':
      case 'resubmitted':
        touch('acceptance', e);
        break;
      case 'refused':
        touch('acceptance', e);
        acc.acceptance.endedAt = e.at;
        toArchiving(e, ['processing', 'delivery']);
        break;
      case 'reopened':
        touch('acceptance', e);
        acc.acceptance.endedAt = null;
        for (const s of ['processing', 'delivery', 'archiving'] as const) Object.assign(acc[s], { startedAt: null, endedAt: null, skipped: false });
        break;
      case 'accepted':
        touch('acceptance', e);
        acc.acceptance.endedAt = e.at;
        start('processing', e.at);
        touch('processing', e);
        break;
      case 'decided':
        touch('processing', e);
        if (e.to === 'decided') {
          acc.processing.endedAt = e.at;
          start('delivery', e.at);
        }
        break;
      case 'pickup_notified':
      case 'posted':
        touch('delivery', e);
        break;
      case 'picked_up':
      case 'delivered':
        touch('delivery', e);
        acc.delivery.endedAt = e.at;
        start('archiving', e.at);
        break;
      case 'withdrawn': {
        const current = (['acceptance', 'processing', 'delivery'] as const).find((s) => acc[s].startedAt && !acc[s].endedAt);
        if (current) {
          touch(current, e);
          acc[current].endedAt = e.at;
        }
        toArchiving(e, ['processing', 'delivery']);
        break;
      }
      case 'archived':
        touch('archiving', e);
        acc.archiving.endedAt = e.at;
        break;
      default:
        if (PROCESSING_EVENTS.includes(e.type)) touch('processing', e);
    }
  }
  if (!acc.consultation.startedAt) acc.consultation.skipped = true;

  return CASE_STAGES.map((stage) => {
    const a = acc[stage];
    const state: StageState = a.skipped ? 'skipped' : !a.startedAt ? 'pending' : a.endedAt ? 'done' : 'current';
    const end = a.endedAt ?? (a.startedAt ? now : null);
    return {
      stage,
      label: CASE_STAGE_LABELS[stage],
      state,
      startedAt: a.startedAt,
      endedAt: a.endedAt,
      durationSeconds: a.startedAt && end ? Math.max(0, Math.round((end.getTime() - a.startedAt.getTime()) / 1000)) : null,
      counterIds: [...a.counters],
      staffIds: [...a.staff],
    };
  });
}
