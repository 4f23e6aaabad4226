/**
 * One simulated service day of a hall, to measure how good the wait estimate is
 * (issue 4: "accuracy measured against a simulated day and reported"; the benchmark
 * prints {@link simulateDay}'s report).
 *
 * Arrivals are Poisson with an hourly rate per queue; service times are log-normal
 * around each queue's mean; counters call with the real rules (pool.ts, priority.ts),
 * comprehensive counters from one shared pool (§7.1.6.2). Every ticket is given the
 * estimate of wait-estimate.ts when issued, computed from what the hall knows at that
 * moment (services finished so far), and is compared with the wait it then had.
 * Everything is drawn from one seeded generator: same configuration, same report.
 */
import { parseDate, shanghaiInstant } from '../calendar/dates.ts';
import { minutesOf } from '../organisation/centre-rules.ts';
import type { CounterKind } from '../organisation/types.ts';
import { formatTicketNumber } from './numbering.ts';
import { countersServing, counterView, type CounterView, type PoolCounter, type PoolQueue, type QueueCounterAssignment, type QueuePool } from './pool.ts';
import { DEFAULT_PRIORITY_SETTINGS, PRIORITY_CLASSES, pickNext, starvationBoundMinutes, type PriorityClass, type PrioritySettings, type RankedTicket } from './priority.ts';
import { exponential, logNormal, seededRandom } from './random.ts';
import { DEFAULT_ESTIMATE_SETTINGS, averageServiceMinutes, estimateWaitMinutes, peopleAhead, type EstimateSettings } from './wait-estimate.ts';

export interface SimQueue {
  readonly id: string;
  readonly prefix: string;
  readonly pool: QueuePool;
  readonly areaName: string | null;
  /** Arrivals per hour, hour by hour from the opening; the last figure holds until issuing ends. */
  readonly arrivalsPerHour: readonly number[];
  /** The true mean service time the simulation draws from. */
  readonly meanServiceMinutes: number;
  /** The average the centre configured for the queue (the estimate's fallback); null: the centre default. */
  readonly configuredServiceMinutes?: number | null;
  /** Share of tickets of each priority class; the rest are `normal`. */
  readonly priorityShare?: Partial<Record<PriorityClass, number>>;
  readonly counters?: readonly QueueCounterAssignment[];
}

export interface SimCounter {
  readonly id: string;
  readonly kind: CounterKind;
  readonly areaName: string | null;
}

export interface SimConfig {
  readonly seed: number;
  /** `YYYY-MM-DD`, Asia/Shanghai. */
  readonly day: string;
  /** `HH:MM`: counters open and issuing starts. */
  readonly opensAt: string;
  /** `HH:MM`: the last ticket is issued before this; counters serve everyone already waiting. */
  readonly issuingEndsAt: string;
  readonly queues: readonly SimQueue[];
  readonly counters: readonly SimCounter[];
  readonly priority?: PrioritySettings;
  readonly estimate?: EstimateSettings;
  /** Coefficient of variation of service times; default 0.6. */
  readonly serviceTimeCv?: number;
  /** Share of called tickets nobody answers; the counter loses `noShowMinutes` on each. */
  readonly noShowShare?: number;
  readonly noShowMinutes?: number;
}

export interface SimTicket extends RankedTicket {
  readonly estimateMinutes: number | null;
  readonly calledAt: Date | null;
  readonly counterId: string | null;
  /** Minutes from issue to call. */
  readonly waitMinutes: number | null;
}

export interface AccuracyFigures {
  readonly tickets: number;
  /** Mean |estimate − actual wait|, minutes. */
  readonly meanAbsoluteErrorMinutes: number;
  /** Share of tickets whose estimate was within ±5 minutes of the wait. */
  readonly within5MinutesShare: number;
  /** Mean (estimate − actual): positive means the estimate runs long. */
  readonly meanErrorMinutes: number;
  readonly meanWaitMinutes: number;
}

export interface SimReport {
  readonly seed: number;
  readonly tickets: number;
  readonly served: number;
  readonly noShows: number;
  readonly meanWaitMinutes: number;
  readonly p90WaitMinutes: number;
  readonly maxWaitMinutes: number;
  /** The estimate (counting the busy counters) against the actual wait, over every called ticket. */
  readonly estimate: AccuracyFigures;
  /** The same for issue 4's plain formula (people ahead only), for comparison. */
  readonly plainFormula: AccuracyFigures;
  readonly byQueue: readonly ({ readonly queueId: string } & AccuracyFigures)[];
  readonly byClass: readonly { readonly priority: PriorityClass; readonly tickets: number; readonly meanWaitMinutes: number }[];
  /** Longest a called ticket had been queued after another ticket the same counter could have taken, minutes. */
  readonly maxOvertakeMinutes: number;
  /** priority.ts's promise: `maxOvertakeMinutes` never exceeds it. */
  readonly starvationBoundMinutes: number;
  /** When the last citizen was called. */
  readonly lastCallAt: Date | null;
}

const MINUTE = 60_000;

interface MutableTicket {
  readonly id: string;
  readonly queueId: string;
  readonly number: string;
  readonly priority: PriorityClass;
  readonly issuedAt: Date;
  readonly queuedAt: Date;
  readonly reservedCounterId: null;
  estimateMinutes: number | null;
  plainEstimateMinutes: number | null;
  calledAt: Date | null;
  counterId: string | null;
}

interface CounterState {
  readonly counter: PoolCounter;
  readonly view: CounterView;
  busyUntil: number | null;
  /** The ticket being served and its service seconds, recorded in history when it finishes. */
  current: { queueId: string; seconds: number } | null;
}

function arrivalsOf(queue: SimQueue, open: number, end: number, rand: () => number, shares: readonly [PriorityClass, number][]) {
  const out: { at: number; queue: SimQueue; priority: PriorityClass }[] = [];
  const HOUR = 60 * MINUTE;
  // A piecewise-constant rate: Poisson gaps within each hour, restarted at the hour (memoryless).
  for (let h = 0; open + h * HOUR < end; h++) {
    const rate = queue.arrivalsPerHour[Math.min(h, queue.arrivalsPerHour.length - 1)] ?? 0;
    const stop = Math.min(open + (h + 1) * HOUR, end);
    if (rate <= 0) continue;
    for (let t = open + h * HOUR + exponential(rand, HOUR / rate); t < stop; t += exponential(rand, HOUR / rate)) {
      const r = rand();
      let acc = 0;
      let priority: PriorityClass = 'normal';
      for (const [c, share] of shares) {
        acc += share;
        if (r < acc) {
          priority = c;
          break;
        }
      }
      out.push({ at: Math.round(t), queue, priority });
    }
  }
  return out;
}

function accuracy(tickets: readonly MutableTicket[], plain = false): AccuracyFigures {
  const estimateOf = (t: MutableTicket) => (plain ? t.plainEstimateMinutes : t.estimateMinutes);
  const rows = tickets.filter((t) => t.calledAt !== null && estimateOf(t) !== null);
  const n = rows.length;
  let abs = 0;
  let err = 0;
  let within = 0;
  let wait = 0;
  for (const t of rows) {
    const actual = (t.calledAt!.getTime() - t.issuedAt.getTime()) / MINUTE;
    const e = estimateOf(t)! - actual;
    abs += Math.abs(e);
    err += e;
    wait += actual;
    if (Math.abs(e) <= 5) within++;
  }
  const mean = (x: number) => (n === 0 ? 0 : x / n);
  return { tickets: n, meanAbsoluteErrorMinutes: mean(abs), within5MinutesShare: mean(within), meanErrorMinutes: mean(err), meanWaitMinutes: mean(wait) };
}

/** Runs the day; see the module comment. */
export function simulateDay(config: SimConfig): SimReport {
  const rand = seededRandom(config.seed);
  const prioritySettings = config.priority ?? DEFAULT_PRIORITY_SETTINGS;
  const estimateSettings = config.estimate ?? DEFAULT_ESTIMATE_SETTINGS;
  const cv = config.serviceTimeCv ?? 0.6;
  const noShowShare = config.noShowShare ?? 0;
  const noShowMs = (config.noShowMinutes ?? 1) * MINUTE;
  const epochDay = parseDate(config.day);
  const open = shanghaiInstant(epochDay, minutesOf(config.opensAt)).getTime();
  const end = shanghaiInstant(epochDay, minutesOf(config.issuingEndsAt)).getTime();

  const queues: PoolQueue[] = config.queues.map((q) => ({ id: q.id, pool: q.pool, areaName: q.areaName, active: true, counters: q.counters ?? [] }));
  const poolCounters: PoolCounter[] = config.counters.map((c) => ({ id: c.id, kind: c.kind, areaName: c.areaName, status: 'serving', tidalQueueId: null }));
  const counters: CounterState[] = poolCounters.map((c) => ({ counter: c, view: counterView(c, queues), busyUntil: null, current: null }));
  const servingCount = new Map(queues.map((q) => [q.id, countersServing(q.id, poolCounters, queues).length]));
  const history = new Map<string, number[]>(queues.map((q) => [q.id, []]));
  const simQueue = new Map(config.queues.map((q) => [q.id, q]));

  const arrivals = config.queues
    .flatMap((q) => {
      const shares = PRIORITY_CLASSES.filter((c) => c !== 'normal').map((c) => [c, q.priorityShare?.[c] ?? 0] as [PriorityClass, number]);
      return arrivalsOf(q, open, end, rand, shares);
    })
    .sort((a, b) => a.at - b.at || (a.queue.id < b.queue.id ? -1 : 1));

  const sequences = new Map<string, number>();
  const all: MutableTicket[] = [];
  let waiting: MutableTicket[] = [];
  let noShows = 0;
  let maxOvertake = 0;
  let lastCall: number | null = null;

  const call = (state: CounterState, now: number): boolean => {
    const ticket = pickNext(waiting, new Date(now), prioritySettings, state.view);
    if (!ticket) return false;
    // The longest this ticket had been queued after one the counter could have taken.
    for (const other of waiting) {
      if (other !== ticket && state.view.queueWeights.has(other.queueId)) {
        maxOvertake = Math.max(maxOvertake, (ticket.queuedAt.getTime() - other.queuedAt.getTime()) / MINUTE);
      }
    }
    waiting = waiting.filter((t) => t !== ticket);
    ticket.calledAt = new Date(now);
    ticket.counterId = state.counter.id;
    lastCall = now;
    if (rand() < noShowShare) {
      noShows++;
      state.busyUntil = now + noShowMs;
      state.current = null;
    } else {
      const q = simQueue.get(ticket.queueId)!;
      const ms = Math.max(30_000, Math.round(logNormal(rand, q.meanServiceMinutes, cv) * MINUTE));
      state.busyUntil = now + ms;
      state.current = { queueId: ticket.queueId, seconds: ms / 1000 };
    }
    return true;
  };

  let next = 0;
  for (;;) {
    const nextArrival = next < arrivals.length ? arrivals[next]!.at : Infinity;
    let nextFree = Infinity;
    for (const c of counters) if (c.busyUntil !== null && c.busyUntil < nextFree) nextFree = c.busyUntil;
    if (nextArrival === Infinity && nextFree === Infinity) break;

    if (nextFree <= nextArrival) {
      // Counters finishing at this instant record their service and call again.
      for (const c of counters) {
        if (c.busyUntil !== nextFree) continue;
        if (c.current) history.get(c.current.queueId)!.push(c.current.seconds);
        c.current = null;
        c.busyUntil = null;
        call(c, nextFree);
      }
      continue;
    }

    const arrival = arrivals[next++]!;
    const now = new Date(arrival.at);
    const q = arrival.queue;
    const sequence = (sequences.get(q.id) ?? 0) + 1;
    sequences.set(q.id, sequence);
    const ticket: MutableTicket = {
      id: `${q.id}-${sequence}`,
      queueId: q.id,
      number: formatTicketNumber(q.prefix, sequence),
      priority: arrival.priority,
      issuedAt: now,
      queuedAt: now,
      reservedCounterId: null,
      estimateMinutes: null,
      plainEstimateMinutes: null,
      calledAt: null,
      counterId: null,
    };
    const average = averageServiceMinutes(history.get(q.id)!, estimateSettings, q.configuredServiceMinutes ?? null);
    const basis = {
      peopleAhead: peopleAhead(ticket, waiting, queues, now, prioritySettings),
      averageServiceMinutes: average.minutes,
      countersServing: servingCount.get(q.id) ?? 0,
    };
    ticket.plainEstimateMinutes = estimateWaitMinutes(basis);
    ticket.estimateMinutes = estimateWaitMinutes({ ...basis, busyCounters: counters.filter((c) => c.busyUntil !== null && c.view.queueWeights.has(q.id)).length });
    all.push(ticket);
    waiting.push(ticket);
    for (const c of counters) {
      if (c.busyUntil === null && call(c, arrival.at)) break;
    }
  }

  const waits = all
    .filter((t) => t.calledAt)
    .map((t) => (t.calledAt!.getTime() - t.issuedAt.getTime()) / MINUTE)
    .sort((a, b) => a - b);
  const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
  const boundViews = counters.map((c) => starvationBoundMinutes(prioritySettings, c.view));
  return {
    seed: config.seed,
    tickets: all.length,
    served: all.filter((t) => t.calledAt).length - noShows,
    noShows,
    meanWaitMinutes: mean(waits),
    p90WaitMinutes: waits.length === 0 ? 0 : waits[Math.min(waits.length - 1, Math.floor(waits.length * 0.9))]!,
    maxWaitMinutes: waits[waits.length - 1] ?? 0,
    estimate: accuracy(all),
    plainFormula: accuracy(all, true),
    byQueue: queues.map((q) => ({ queueId: q.id, ...accuracy(all.filter((t) => t.queueId === q.id)) })),
    byClass: PRIORITY_CLASSES.map((priority) => {
      const mine = all.filter((t) => t.priority === priority && t.calledAt);
      return { priority, tickets: mine.length, meanWaitMinutes: mean(mine.map((t) => (t.calledAt!.getTime() - t.issuedAt.getTime()) / MINUTE)) };
    }).filter((c) => c.tickets > 0),
    maxOvertakeMinutes: maxOvertake,
    starvationBoundMinutes: Math.max(...boundViews),
    lastCallAt: lastCall === null ? null : new Date(lastCall),
  };
}

/**
 * A county hall's ordinary Monday: four comprehensive queues drawn by eight pooled
 * comprehensive counters (§7.1.6.2), two professional areas (不动产, 公安) with their
 * own counters (§7.1.6.3), a morning peak, some priority tickets. `load` scales every
 * arrival rate (1: about 400 tickets, counters busy four fifths of the day). Used by
 * the tests and the benchmark.
 */
export function sampleDay(seed: number, load = 1): SimConfig {
  const morningPeak = (base: number) => [1.3, 1.5, 1.1, 0.4, 0.9, 1.1, 0.8, 0.5].map((f) => base * f * load);
  const share = { elderly: 0.08, disability: 0.01, pregnancy: 0.01, military: 0.01, green_channel: 0.01 };
  return {
    seed,
    day: '2025-03-03',
    opensAt: '09:00',
    issuingEndsAt: '16:30',
    queues: [
      { id: 'q-enterprise', prefix: 'A', pool: 'comprehensive', areaName: null, arrivalsPerHour: morningPeak(10), meanServiceMinutes: 15, configuredServiceMinutes: 12, priorityShare: share },
      { id: 'q-social', prefix: 'B', pool: 'comprehensive', areaName: null, arrivalsPerHour: morningPeak(16), meanServiceMinutes: 8, configuredServiceMinutes: 10, priorityShare: share },
      { id: 'q-livelihood', prefix: 'C', pool: 'comprehensive', areaName: null, arrivalsPerHour: morningPeak(8), meanServiceMinutes: 10, priorityShare: share },
      { id: 'q-delivery', prefix: 'D', pool: 'comprehensive', areaName: null, arrivalsPerHour: morningPeak(5), meanServiceMinutes: 4, configuredServiceMinutes: 5, priorityShare: share },
      { id: 'q-property', prefix: 'E', pool: 'professional', areaName: '不动产', arrivalsPerHour: morningPeak(7), meanServiceMinutes: 20, configuredServiceMinutes: 20, priorityShare: share },
      { id: 'q-police', prefix: 'F', pool: 'professional', areaName: '公安', arrivalsPerHour: morningPeak(9), meanServiceMinutes: 9, priorityShare: share },
    ],
    counters: [
      ...Array.from({ length: 8 }, (_, i) => ({ id: `c-comp-${i + 1}`, kind: 'comprehensive' as const, areaName: null })),
      ...Array.from({ length: 3 }, (_, i) => ({ id: `c-property-${i + 1}`, kind: 'professional' as const, areaName: '不动产' })),
      ...Array.from({ length: 2 }, (_, i) => ({ id: `c-police-${i + 1}`, kind: 'professional' as const, areaName: '公安' })),
    ],
    noShowShare: 0.03,
  };
}
