/**
 * The estimated wait printed on the ticket and shown on the status page (issue 4
 * "Wait estimate"; DB36/T 2016 §7.1.5 等候秩序):
 *
 *     wait ≈ rolling average service time of the queue × people ahead ÷ counters serving it
 *
 * The rolling average is the mean of the queue's last `sampleSize` service times
 * (start to finish), each capped at `maxSampleMinutes` so that one ticket left open
 * over lunch does not spoil the morning, and shrunk toward the queue's configured
 * average (or the centre default) by `priorWeight` pseudo-samples: with no history
 * the estimate is the configured figure, after a few services it is mostly the
 * measured one. How good it is, is measured by simulate-day.ts.
 */
import { poolKey, type PoolQueue } from './pool.ts';
import { rankAhead, type PrioritySettings, type RankedTicket } from './priority.ts';

export interface EstimateSettings {
  /** Service times averaged (the most recent ones). */
  readonly sampleSize: number;
  /** Pseudo-samples of the fallback mixed into the average. */
  readonly priorWeight: number;
  /** The centre's default average service time, for a queue without its own figure. */
  readonly fallbackServiceMinutes: number;
  /** One service time counts at most this much. */
  readonly maxSampleMinutes: number;
}

export const DEFAULT_ESTIMATE_SETTINGS: EstimateSettings = {
  sampleSize: 20,
  priorWeight: 2,
  fallbackServiceMinutes: 10,
  maxSampleMinutes: 120,
};

export interface ServiceAverage {
  readonly minutes: number;
  /** Service times used. */
  readonly samples: number;
  /** `fallback`: no history yet; `history`: measured, shrunk toward the fallback. */
  readonly basis: 'fallback' | 'history';
}

/**
 * The rolling average service time of a queue, in minutes. `recentSeconds` are the
 * queue's service times, oldest first (only the last `sampleSize` count);
 * `queueFallbackMinutes` is the queue's configured average, if any.
 */
export function averageServiceMinutes(
  recentSeconds: readonly number[],
  settings: EstimateSettings,
  queueFallbackMinutes: number | null = null,
): ServiceAverage {
  const fallback = queueFallbackMinutes ?? settings.fallbackServiceMinutes;
  const used = recentSeconds.slice(Math.max(0, recentSeconds.length - settings.sampleSize)).filter((s) => Number.isFinite(s) && s >= 0);
  if (used.length === 0) return { minutes: fallback, samples: 0, basis: 'fallback' };
  const sum = used.reduce((acc, s) => acc + Math.min(s / 60, settings.maxSampleMinutes), 0);
  return { minutes: (sum + settings.priorWeight * fallback) / (used.length + settings.priorWeight), samples: used.length, basis: 'history' };
}

/**
 * Minutes until the ticket is called: average × people ahead ÷ counters serving the
 * queue (issue 4's formula); null when no counter serves it (nobody can say).
 *
 * When `busyCounters` is given, the citizens already at the counters are counted too:
 * the ticket waits for the people ahead and then for a counter to come free, so its
 * place is people ahead + 1 − idle counters (never below 0), which removes the
 * formula's systematic shortfall (simulate-day.ts measures both).
 */
export function estimateWaitMinutes(input: {
  readonly peopleAhead: number;
  readonly averageServiceMinutes: number;
  readonly countersServing: number;
  readonly busyCounters?: number;
}): number | null {
  const { peopleAhead, averageServiceMinutes, countersServing } = input;
  if (countersServing <= 0) return null;
  const place = input.busyCounters === undefined ? peopleAhead : Math.max(0, peopleAhead + 1 - Math.max(0, countersServing - input.busyCounters));
  return (averageServiceMinutes * place) / countersServing;
}

/** "约 15 分钟", "即将叫号", "暂无窗口服务，无法估计" — the estimate as printed; rounded up to 5 minutes beyond half an hour. */
export function describeWait(minutes: number | null): string {
  if (minutes === null) return '暂无窗口服务，无法估计';
  if (minutes < 1) return '即将叫号';
  const m = minutes <= 30 ? Math.ceil(minutes) : Math.ceil(minutes / 5) * 5;
  return m < 60 ? `约 ${m} 分钟` : `约 ${Math.floor(m / 60)} 小时${m % 60 ? ` ${m % 60} 分钟` : ''}`;
}

/**
 * People ahead of `ticket`: the waiting tickets of its pool (pool.ts `poolKey`: all
 * comprehensive queues together, one professional area, or the queue alone) that rank
 * before it in the neutral order of priority.ts. Tickets reserved to a counter count
 * only for tickets reserved to the same counter. An approximation where counters
 * name queues of other pools explicitly; good enough for a printed estimate.
 */
export function peopleAhead(
  ticket: RankedTicket,
  waiting: readonly RankedTicket[],
  queues: readonly Pick<PoolQueue, 'id' | 'pool' | 'areaName'>[],
  now: Date,
  settings: PrioritySettings,
): number {
  const keyOf = new Map(queues.map((q) => [q.id, poolKey(q)]));
  const mine = keyOf.get(ticket.queueId) ?? `queue:${ticket.queueId}`;
  const competing = waiting.filter((t) =>
    ticket.reservedCounterId !== null ? t.reservedCounterId === ticket.reservedCounterId : t.reservedCounterId === null && (keyOf.get(t.queueId) ?? `queue:${t.queueId}`) === mine,
  );
  return rankAhead(ticket, competing, now, settings);
}
