/**
 * Which waiting tickets a counter may take.
 *
 * - DB36/T 2016 §7.1.6.2 推行综合窗口服务“抢单”模式: every comprehensive counter draws
 *   from ONE shared pool, the waiting tickets of all comprehensive queues, and "call
 *   next" at any of them takes the best ticket of that pool (priority.ts).
 * - §7.1.6.3: a professional-area counter draws from the queues of its area (公安,
 *   税务, 不动产 …).
 * - §6.4.7: a tidal counter draws from the queue it was opened for (tidal.ts).
 * - Special (§7.1.6.4) and extended-hours (§8.1.3.5) counters draw only from the
 *   queues that name them.
 * - A queue may also name any counter explicitly, with a weight: the counter's
 *   preference for that queue, in priority points (one point = one minute of waiting
 *   at the default ageing rate), added to the tickets' effective priority at that
 *   counter only. Weight 10 means "at this counter, a ticket of this queue goes as if
 *   it had waited 10 minutes longer".
 * - §5.1.5.1: only a counter that is serving calls; a paused, away or closed one
 *   cannot (its sign shows 暂停服务 and where the clerk went).
 */
import type { CounterKind, CounterStatus } from '../organisation/types.ts';
import { COUNTER_STATUS_LABELS } from '../organisation/types.ts';
import { AppError, type FieldIssue } from '../shared/errors.ts';

/** The pool a queue belongs to: §7.1.6.2 comprehensive, §7.1.6.3 a professional area, or its own (special). */
export const QUEUE_POOLS = ['comprehensive', 'professional', 'special'] as const;
export type QueuePool = (typeof QUEUE_POOLS)[number];

export const QUEUE_POOL_LABELS: Readonly<Record<QueuePool, string>> = {
  comprehensive: '综合窗口（抢单）',
  professional: '专业区域窗口',
  special: '指定窗口',
};

/** A counter named by a queue, with its preference weight (points). */
export interface QueueCounterAssignment {
  readonly counterId: string;
  readonly weight: number;
}

export interface PoolQueue {
  readonly id: string;
  readonly pool: QueuePool;
  /** The professional area (§7.1.6.3) of a `professional` queue. */
  readonly areaName: string | null;
  readonly active: boolean;
  readonly counters: readonly QueueCounterAssignment[];
}

export interface PoolCounter {
  readonly id: string;
  readonly kind: CounterKind;
  readonly areaName: string | null;
  readonly status: CounterStatus;
  /** The queue a tidal counter is open for (tidal.ts), else null. */
  readonly tidalQueueId: string | null;
}

/** What one counter may take: the queues it draws from with its weight for each. */
export interface CounterView {
  readonly counterId: string;
  readonly queueWeights: ReadonlyMap<string, number>;
}

/** The fields of a ticket the pool looks at. */
export interface PooledTicket {
  readonly queueId: string;
  readonly reservedCounterId: string | null;
}

/** Weights are points in [-WEIGHT_LIMIT, WEIGHT_LIMIT]: a day's worth of minutes either way. */
export const QUEUE_WEIGHT_LIMIT = 600;

function sameArea(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a.trim() !== '' && a.trim() === b.trim();
}

/** Whether a queue draws `counter` in by its pool, without naming it. */
function inPool(counter: PoolCounter, queue: PoolQueue): boolean {
  switch (counter.kind) {
    case 'comprehensive':
      return queue.pool === 'comprehensive';
    case 'professional':
      return queue.pool === 'professional' && sameArea(counter.areaName, queue.areaName);
    case 'tidal':
      return counter.tidalQueueId === queue.id;
    case 'special':
    case 'extended':
      return false;
  }
}

/**
 * The queues `counter` draws from and its weight for each (0 unless the queue names
 * it). Inactive queues are left out. The view does not depend on the counter's
 * status: a paused counter's workstation still lists what waits for it.
 */
export function counterView(counter: PoolCounter, queues: readonly PoolQueue[]): CounterView {
  const weights = new Map<string, number>();
  for (const queue of queues) {
    if (!queue.active) continue;
    const named = queue.counters.find((c) => c.counterId === counter.id);
    if (named) weights.set(queue.id, named.weight);
    else if (inPool(counter, queue)) weights.set(queue.id, 0);
  }
  return { counterId: counter.id, queueWeights: weights };
}

/**
 * Whether the counter of `view` may take `ticket`: a ticket reserved for a counter
 * (a transfer to that counter) only there, whatever its queue; any other ticket
 * where its queue is in the view.
 */
export function mayTake(view: CounterView, ticket: PooledTicket): boolean {
  if (ticket.reservedCounterId !== null) return ticket.reservedCounterId === view.counterId;
  return view.queueWeights.has(ticket.queueId);
}

/** The counter's weight for a ticket it may take (0 for a ticket reserved to it from a queue it does not serve). */
export function weightFor(view: CounterView, ticket: PooledTicket): number {
  return view.queueWeights.get(ticket.queueId) ?? 0;
}

/** TICKET_NOT_IN_POOL when the counter calls, out of order, a ticket it may not take. */
export function assertMayTake(view: CounterView, ticket: PooledTicket & { readonly number?: string }): void {
  if (mayTake(view, ticket)) return;
  throw new AppError('TICKET_NOT_IN_POOL', {
    message: ticket.reservedCounterId !== null ? `${ticket.number ?? '该'}号已指定由其他窗口办理` : `${ticket.number ?? '该'}号不在本窗口的叫号范围内`,
    details: { counterId: view.counterId, queueId: ticket.queueId, reservedCounterId: ticket.reservedCounterId },
  });
}

/** §5.1.5.1: COUNTER_CANNOT_CALL unless the counter is serving; the message names its status. */
export function assertCanCall(counter: Pick<PoolCounter, 'id' | 'status'>): void {
  if (counter.status === 'serving') return;
  const hint: Record<Exclude<CounterStatus, 'serving'>, string> = {
    paused: '请先恢复服务',
    away: '请返回后恢复服务',
    closed: '请先开放窗口',
  };
  throw new AppError('COUNTER_CANNOT_CALL', {
    message: `窗口当前为“${COUNTER_STATUS_LABELS[counter.status]}”，不能叫号，${hint[counter.status]}（DB36/T 2016 §5.1.5.1）`,
    details: { counterId: counter.id, status: counter.status },
  });
}

/** The serving counters that may take tickets of `queueId` (the divisor of the wait estimate). */
export function countersServing(queueId: string, counters: readonly PoolCounter[], queues: readonly PoolQueue[]): string[] {
  return counters.filter((c) => c.status === 'serving' && counterView(c, queues).queueWeights.has(queueId)).map((c) => c.id);
}

/**
 * A key shared by the queues whose tickets compete for the same counters: all
 * comprehensive queues are one pool, a professional area is one, a special queue is
 * its own. People ahead of a ticket are counted within its pool (wait-estimate.ts).
 */
export function poolKey(queue: Pick<PoolQueue, 'id' | 'pool' | 'areaName'>): string {
  switch (queue.pool) {
    case 'comprehensive':
      return 'comprehensive';
    case 'professional':
      return `area:${queue.areaName?.trim() ?? ''}`;
    case 'special':
      return `queue:${queue.id}`;
  }
}

/**
 * A queue's pool settings: a professional queue names its area, weights are finite
 * and within ±{@link QUEUE_WEIGHT_LIMIT}, and no counter is named twice.
 */
export function checkQueuePool(queue: Pick<PoolQueue, 'pool' | 'areaName' | 'counters'>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (queue.pool === 'professional' && !queue.areaName?.trim()) {
    issues.push({ path: '/areaName', code: 'QUEUE_SETTINGS_INVALID', message: '专业区域队列须填写所属专业区名称（DB36/T 2016 §7.1.6.3）' });
  }
  const seen = new Set<string>();
  queue.counters.forEach((c, i) => {
    if (!Number.isFinite(c.weight) || Math.abs(c.weight) > QUEUE_WEIGHT_LIMIT) {
      issues.push({ path: `/counters/${i}/weight`, code: 'QUEUE_SETTINGS_INVALID', message: `窗口权重应在 −${QUEUE_WEIGHT_LIMIT} 到 ${QUEUE_WEIGHT_LIMIT} 之间` });
    }
    if (seen.has(c.counterId)) issues.push({ path: `/counters/${i}/counterId`, code: 'QUEUE_SETTINGS_INVALID', message: '同一窗口重复指定' });
    seen.add(c.counterId);
  });
  return issues;
}
