/**
 * Tidal counters (DB36/T 2016 §6.4.7 依据需要预留潮汐窗口): counters held in reserve and
 * opened for a queue when it swells.
 *
 * Each queue may set thresholds: people waiting, and the longest wait in minutes.
 * Crossing either raises ONE `tidal.alert` for managers naming a free tidal counter
 * to open. Hysteresis keeps it from flapping: the alert stays raised until the queue
 * has been calm, both figures at or below `clearRatio` × their threshold, for
 * `calmMinutes` without a break; only then is `tidal.clear` emitted (naming the tidal
 * counters open for that queue, which may now close) and can a new alert be raised.
 * A reading between the calm level and the threshold changes nothing but restarts
 * the calm period.
 *
 * Opening assigns the counter to the queue (pool.ts then lets it draw from that
 * queue only); closing returns it to the reserve.
 */
import { counterSortKey } from '../organisation/counter-rules.ts';
import type { CounterKind, CounterStatus } from '../organisation/types.ts';
import { AppError, type FieldIssue } from '../shared/errors.ts';

export interface TidalThresholds {
  readonly queueId: string;
  /** Alert when this many or more people wait; null: not watched. */
  readonly openAtWaiting: number | null;
  /** Alert when the longest wait reaches this many minutes; null: not watched. */
  readonly openAtLongestWaitMinutes: number | null;
}

export interface TidalSettings {
  /** Calm means every watched figure at or below this share of its threshold. */
  readonly clearRatio: number;
  /** Calm must last this long before the alert clears. */
  readonly calmMinutes: number;
}

export const DEFAULT_TIDAL_SETTINGS: TidalSettings = { clearRatio: 0.5, calmMinutes: 10 };

/** A queue's load at the moment of evaluation. */
export interface QueueLoad {
  readonly queueId: string;
  readonly queueName: string;
  readonly waiting: number;
  readonly longestWaitMinutes: number;
}

export interface TidalCounter {
  readonly counterId: string;
  readonly number: string;
  readonly kind: CounterKind;
  readonly status: CounterStatus;
  /** The queue it is open for; null while in reserve. */
  readonly assignedQueueId: string | null;
}

/** What is remembered per queue between evaluations (stored by the caller). */
export interface TidalQueueState {
  readonly queueId: string;
  readonly raisedAt: Date | null;
  /** Since when the queue has been calm, while raised. */
  readonly calmSince: Date | null;
}

export type TidalEvent =
  | {
      readonly type: 'tidal.alert';
      readonly queueId: string;
      readonly reason: 'waiting' | 'longest_wait';
      readonly waiting: number;
      readonly longestWaitMinutes: number;
      /** A free tidal counter to open; null when none is free. */
      readonly counterId: string | null;
      readonly message: string;
    }
  | {
      readonly type: 'tidal.clear';
      readonly queueId: string;
      /** Tidal counters open for the queue, which may now close. */
      readonly counterIds: readonly string[];
      readonly message: string;
    };

function over(load: QueueLoad, t: TidalThresholds): 'waiting' | 'longest_wait' | null {
  if (t.openAtWaiting !== null && load.waiting >= t.openAtWaiting) return 'waiting';
  if (t.openAtLongestWaitMinutes !== null && load.longestWaitMinutes >= t.openAtLongestWaitMinutes) return 'longest_wait';
  return null;
}

function calm(load: QueueLoad, t: TidalThresholds, ratio: number): boolean {
  return (
    (t.openAtWaiting === null || load.waiting <= t.openAtWaiting * ratio) &&
    (t.openAtLongestWaitMinutes === null || load.longestWaitMinutes <= t.openAtLongestWaitMinutes * ratio)
  );
}

/** Free tidal counters, in the hall's order (2 before 10). */
function reserve(counters: readonly TidalCounter[]): TidalCounter[] {
  return counters
    .filter((c) => c.kind === 'tidal' && c.assignedQueueId === null)
    .sort((a, b) => (counterSortKey(a.number) < counterSortKey(b.number) ? -1 : counterSortKey(a.number) > counterSortKey(b.number) ? 1 : 0));
}

/**
 * One evaluation at `now`: the new per-queue states (one per watched queue, in the
 * order of `thresholds`) and the events to publish. Queues without a load reading
 * keep their state. Two alerts of one evaluation never name the same counter.
 */
export function evaluateTidal(input: {
  readonly states: readonly TidalQueueState[];
  readonly loads: readonly QueueLoad[];
  readonly thresholds: readonly TidalThresholds[];
  readonly counters: readonly TidalCounter[];
  readonly now: Date;
  readonly settings: TidalSettings;
}): { readonly states: TidalQueueState[]; readonly events: TidalEvent[] } {
  const { now, settings } = input;
  const previous = new Map(input.states.map((s) => [s.queueId, s]));
  const loads = new Map(input.loads.map((l) => [l.queueId, l]));
  const free = reserve(input.counters);
  const states: TidalQueueState[] = [];
  const events: TidalEvent[] = [];
  for (const t of input.thresholds) {
    const state = previous.get(t.queueId) ?? { queueId: t.queueId, raisedAt: null, calmSince: null };
    const load = loads.get(t.queueId);
    if (!load) {
      states.push(state);
      continue;
    }
    if (state.raisedAt === null) {
      const reason = over(load, t);
      if (reason) {
        const counter = free.shift() ?? null;
        const figure = reason === 'waiting' ? `等候 ${load.waiting} 人，达到 ${t.openAtWaiting} 人` : `最长已等候 ${Math.floor(load.longestWaitMinutes)} 分钟，达到 ${t.openAtLongestWaitMinutes} 分钟`;
        events.push({
          type: 'tidal.alert',
          queueId: t.queueId,
          reason,
          waiting: load.waiting,
          longestWaitMinutes: load.longestWaitMinutes,
          counterId: counter?.counterId ?? null,
          message: `“${load.queueName}”${figure}，${counter ? `建议开放 ${counter.number} 号潮汐窗口` : '暂无空闲的潮汐窗口，请调配人员'}（DB36/T 2016 §6.4.7）`,
        });
        states.push({ queueId: t.queueId, raisedAt: now, calmSince: null });
      } else {
        states.push(state);
      }
      continue;
    }
    if (!calm(load, t, settings.clearRatio)) {
      states.push({ ...state, calmSince: null });
      continue;
    }
    const calmSince = state.calmSince ?? now;
    if (now.getTime() - calmSince.getTime() >= settings.calmMinutes * 60_000) {
      const open = input.counters.filter((c) => c.kind === 'tidal' && c.assignedQueueId === t.queueId);
      events.push({
        type: 'tidal.clear',
        queueId: t.queueId,
        counterIds: open.map((c) => c.counterId),
        message: `“${load.queueName}”排队已回落${open.length > 0 ? `，可关闭 ${open.map((c) => `${c.number} 号`).join('、')}潮汐窗口` : ''}`,
      });
      states.push({ queueId: t.queueId, raisedAt: null, calmSince: null });
    } else {
      states.push({ ...state, calmSince });
    }
  }
  return { states, events };
}

/** Opens a tidal counter for `queueId` (the manager's answer to an alert); opening it again for the same queue changes nothing. */
export function openTidalCounter(counter: TidalCounter, queueId: string): TidalCounter {
  if (counter.kind !== 'tidal') throw new AppError('COUNTER_NOT_TIDAL', { message: `${counter.number} 号窗口不是潮汐窗口`, details: { counterId: counter.counterId } });
  if (counter.assignedQueueId !== null && counter.assignedQueueId !== queueId) {
    throw new AppError('TIDAL_COUNTER_BUSY', {
      message: `${counter.number} 号潮汐窗口已开放给其他队列，请先关闭`,
      details: { counterId: counter.counterId, assignedQueueId: counter.assignedQueueId },
    });
  }
  // Its status is the clerk's: the counter calls once someone signs in and sets it serving.
  return { ...counter, assignedQueueId: queueId };
}

/** Closes a tidal counter: back to the reserve, its sign showing 未开放. Tickets it holds are the caller's to finish first. */
export function closeTidalCounter(counter: TidalCounter): TidalCounter {
  if (counter.kind !== 'tidal') throw new AppError('COUNTER_NOT_TIDAL', { message: `${counter.number} 号窗口不是潮汐窗口`, details: { counterId: counter.counterId } });
  if (counter.assignedQueueId === null) throw new AppError('TIDAL_COUNTER_NOT_OPEN', { message: `${counter.number} 号潮汐窗口未开放`, details: { counterId: counter.counterId } });
  return { ...counter, assignedQueueId: null, status: 'closed' };
}

/** A queue's thresholds: whole numbers ≥ 1, or none. */
export function checkTidalThresholds(t: Pick<TidalThresholds, 'openAtWaiting' | 'openAtLongestWaitMinutes'>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (t.openAtWaiting !== null && (!Number.isInteger(t.openAtWaiting) || t.openAtWaiting < 1)) {
    issues.push({ path: '/tidal/openAtWaiting', code: 'QUEUE_SETTINGS_INVALID', message: '潮汐预警的等候人数应为正整数，不设则留空' });
  }
  if (t.openAtLongestWaitMinutes !== null && (!Number.isInteger(t.openAtLongestWaitMinutes) || t.openAtLongestWaitMinutes < 1)) {
    issues.push({ path: '/tidal/openAtLongestWaitMinutes', code: 'QUEUE_SETTINGS_INVALID', message: '潮汐预警的最长等候分钟数应为正整数，不设则留空' });
  }
  return issues;
}
