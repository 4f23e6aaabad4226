/**
 * The figures a hall shows, from one picture of it (issue 4 "Wait estimate"; DB36/T 2016
 * §5.2.2 显示屏, §7.1.5 等候秩序): a ticket's people ahead and estimated wait, each
 * queue's waiting count, longest wait and the estimate for a ticket taken now, and which
 * tickets have come near enough to be told (issue 4 "your turn is near").
 *
 * Nothing new is decided here: the rules are pool.ts (who serves a queue), priority.ts
 * (the order) and wait-estimate.ts (the formula); this file applies them the same way
 * for the ticket slip, the status page, the displays and the notification, so that the
 * kiosk and the hall never disagree.
 */
import { countersServing, type PoolCounter, type PoolQueue } from './pool.ts';
import type { PrioritySettings, RankedTicket } from './priority.ts';
import { averageServiceMinutes, describeWait, estimateWaitMinutes, peopleAhead, type EstimateSettings } from './wait-estimate.ts';

export interface HallQueue extends PoolQueue {
  /** The average service time the centre configured for the queue (the estimate's fallback); null: the centre default. */
  readonly serviceMinutes: number | null;
}

/** The hall at one moment, as read from the database. */
export interface Hall {
  readonly queues: readonly HallQueue[];
  readonly counters: readonly PoolCounter[];
  /** Every waiting ticket of the centre's service day. */
  readonly waiting: readonly RankedTicket[];
  /** Counters holding a called or serving ticket. */
  readonly busyCounterIds: ReadonlySet<string>;
  /** Each queue's recent service times in seconds, oldest first. */
  readonly serviceSeconds: ReadonlyMap<string, readonly number[]>;
}

export interface HallSettings {
  readonly priority: PrioritySettings;
  readonly estimate: EstimateSettings;
}

export interface WaitFigures {
  readonly peopleAhead: number;
  /** null: no counter serves the queue now. */
  readonly minutes: number | null;
  /** As printed: 约 15 分钟, 即将叫号 … */
  readonly text: string;
}

const MINUTE_MS = 60_000;

/**
 * The wait of `ticket` (waiting, or about to be issued): people ahead of it in its pool
 * (wait-estimate.ts `peopleAhead`) × the queue's rolling average service time ÷ the
 * serving counters that take the queue, counting the busy ones (wait-estimate.ts).
 */
export function waitFigures(ticket: RankedTicket, hall: Hall, now: Date, settings: HallSettings): WaitFigures {
  return waitFiguresWith(ticket, peopleAhead(ticket, hall.waiting, hall.queues, now, settings.priority), hall, settings);
}

/**
 * {@link waitFigures} when the people ahead are already counted (the issuing statement
 * counts them in the database, priority.ts `aheadBounds`): the same estimate from the
 * rest of the hall, whose `waiting` is not looked at.
 */
export function waitFiguresWith(
  ticket: Pick<RankedTicket, 'queueId' | 'reservedCounterId'>,
  ahead: number,
  hall: Omit<Hall, 'waiting'>,
  settings: Pick<HallSettings, 'estimate'>,
): WaitFigures {
  const queue = hall.queues.find((q) => q.id === ticket.queueId);
  const serving = ticket.reservedCounterId !== null
    ? hall.counters.filter((c) => c.id === ticket.reservedCounterId && c.status === 'serving').map((c) => c.id)
    : countersServing(ticket.queueId, hall.counters, hall.queues);
  const average = averageServiceMinutes(hall.serviceSeconds.get(ticket.queueId) ?? [], settings.estimate, queue?.serviceMinutes ?? null);
  const minutes = estimateWaitMinutes({
    peopleAhead: ahead,
    averageServiceMinutes: average.minutes,
    countersServing: serving.length,
    busyCounters: serving.filter((id) => hall.busyCounterIds.has(id)).length,
  });
  return { peopleAhead: ahead, minutes, text: describeWait(minutes) };
}

export interface QueueFigures {
  readonly queueId: string;
  readonly waiting: number;
  /** Minutes the longest-waiting ticket of the queue has queued (0 when none waits). */
  readonly longestWaitMinutes: number;
  /** The wait of an ordinary ticket taken now; null when no counter serves the queue. */
  readonly estimateMinutes: number | null;
  readonly estimateText: string;
}

/** Per active queue, in the order of `hall.queues`: what the hall display and the kiosk show. */
export function queueFigures(hall: Hall, now: Date, settings: HallSettings): QueueFigures[] {
  return hall.queues
    .filter((q) => q.active)
    .map((q) => {
      const mine = hall.waiting.filter((t) => t.queueId === q.id);
      const oldest = mine.reduce((min, t) => Math.min(min, t.queuedAt.getTime()), Infinity);
      // A ticket taken now: ordinary, issued this instant, after everyone already waiting.
      const probe: RankedTicket = { id: '\uffff', queueId: q.id, number: '', priority: 'normal', issuedAt: now, queuedAt: now, reservedCounterId: null };
      const figures = waitFigures(probe, hall, now, settings);
      return {
        queueId: q.id,
        waiting: mine.length,
        longestWaitMinutes: mine.length === 0 ? 0 : Math.max(0, (now.getTime() - oldest) / MINUTE_MS),
        estimateMinutes: figures.minutes,
        estimateText: figures.text,
      };
    });
}

/** The place of a waiting ticket in its line: 1 is next. */
export function placeOf(peopleAheadCount: number): number {
  return peopleAheadCount + 1;
}

/** Issue 4: a waiting ticket is "near" when its place is at most the configured `nearPlace`. */
export function isNear(peopleAheadCount: number, nearPlace: number): boolean {
  return placeOf(peopleAheadCount) <= nearPlace;
}

/**
 * The waiting tickets among `candidates` (ids) that are near now: those to tell "your
 * turn is near" (the caller tells each one once).
 */
export function nearTickets(hall: Hall, candidates: ReadonlySet<string>, nearPlace: number, now: Date, settings: HallSettings): string[] {
  return hall.waiting
    .filter((t) => candidates.has(t.id))
    .filter((t) => isNear(peopleAhead(t, hall.waiting, hall.queues, now, settings.priority), nearPlace))
    .map((t) => t.id);
}
