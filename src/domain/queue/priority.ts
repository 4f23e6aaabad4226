/**
 * Who is called next (DB36/T 2016 §7.1.5 取号、等候秩序; §5.2.2.1 适老化: a fitting way to
 * call the elderly; §7.1.6.2 抢单 across the comprehensive pool).
 *
 * THE rule is {@link effectivePriority}:
 *
 *     effective priority = class weight + counter's queue weight + ageing × minutes waited
 *
 * in points, where one point is worth one minute of waiting at the default ageing
 * rate of 1 point per minute. Because every ticket ages at the same rate, a class
 * weight of 30 simply places the ticket as if it had arrived 30 minutes earlier, and
 * the order of two tickets never changes while they wait. Hence the fairness bound
 * ({@link starvationBoundMinutes}): a ticket is never overtaken by one that arrived
 * more than (largest weight − smallest weight) ÷ ageing minutes after it, so only a
 * bounded number of later arrivals can pass anyone and nobody starves.
 *
 * Ties (equal effective priority) go to the earlier issue time, then the lower
 * number, then the id: the order is total and the same in every process.
 */
import { civilOf, shanghaiDayAndMinute } from '../calendar/dates.ts';
import { residentIdBirthDate } from '../shared/identity.ts';
import { compareTicketNumbers } from './numbering.ts';
import { mayTake, weightFor, type CounterView } from './pool.ts';

export const PRIORITY_CLASSES = ['normal', 'appointment', 'elderly', 'disability', 'pregnancy', 'military', 'green_channel'] as const;
export type PriorityClass = (typeof PRIORITY_CLASSES)[number];

export const PRIORITY_CLASS_LABELS: Readonly<Record<PriorityClass, string>> = {
  normal: '普通',
  appointment: '预约（按时到达）',
  elderly: '老年人',
  disability: '残疾人',
  pregnancy: '孕妇',
  military: '军人',
  green_channel: '绿色通道',
};

/** When two classes apply with equal weight, the first of this list is kept (so a 0-weight class still shows in statistics). */
const CLASS_PRECEDENCE: readonly PriorityClass[] = ['green_channel', 'appointment', 'military', 'disability', 'pregnancy', 'elderly', 'normal'];

export interface PrioritySettings {
  /** Points per class; `normal` is the baseline (usually 0). */
  readonly weights: Readonly<Record<PriorityClass, number>>;
  /** Points gained per minute of waiting; > 0, else a low class could wait for ever. */
  readonly ageingPerMinute: number;
  /** §5.2.2.1: from this age (周岁) a citizen counts as elderly. */
  readonly elderlyAge: number;
  /** An appointment checked in up to this many minutes after its slot start still counts as on time. */
  readonly appointmentLateMinutes: number;
}

/**
 * Defaults: green channel first (a full hour's head start), then appointments on
 * time, service members (《军人地位和权益保障法》 优先), disability and pregnancy, then
 * the elderly (60+, 《老年人权益保障法》). Fairness bound: 60 minutes.
 */
export const DEFAULT_PRIORITY_SETTINGS: PrioritySettings = {
  weights: { normal: 0, appointment: 30, elderly: 20, disability: 30, pregnancy: 30, military: 30, green_channel: 60 },
  ageingPerMinute: 1,
  elderlyAge: 60,
  appointmentLateMinutes: 15,
};

/** The fields of a ticket that decide its place. */
export interface RankedTicket {
  readonly id: string;
  readonly queueId: string;
  readonly number: string;
  readonly priority: PriorityClass;
  readonly issuedAt: Date;
  readonly queuedAt: Date;
  readonly reservedCounterId: string | null;
}

const MINUTE_MS = 60_000;

/**
 * THE priority rule: class weight + `queueWeight` (the calling counter's preference
 * for the ticket's queue, pool.ts) + ageing × minutes since `queuedAt`. The higher,
 * the sooner. Minutes may be negative for an appointment checked in before its slot
 * (it queues from the slot start, {@link classifyTicket}).
 */
export function effectivePriority(
  ticket: Pick<RankedTicket, 'priority' | 'queuedAt'>,
  now: Date,
  settings: PrioritySettings,
  queueWeight = 0,
): number {
  const waitedMinutes = (now.getTime() - ticket.queuedAt.getTime()) / MINUTE_MS;
  return settings.weights[ticket.priority] + queueWeight + settings.ageingPerMinute * waitedMinutes;
}

/** Ties: earlier issue, then lower number, then id. */
function tieBreak(a: RankedTicket, b: RankedTicket): number {
  return a.issuedAt.getTime() - b.issuedAt.getTime() || compareTicketNumbers(a.number, b.number) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

interface Scored<T> {
  readonly ticket: T;
  readonly score: number;
}

function byScore<T extends RankedTicket>(a: Scored<T>, b: Scored<T>): number {
  return b.score - a.score || tieBreak(a.ticket, b.ticket);
}

/**
 * The waiting tickets the counter of `counter` may take (pool.ts `mayTake`), best
 * first: the workstation's waiting list.
 */
export function orderForCounter<T extends RankedTicket>(waiting: readonly T[], now: Date, settings: PrioritySettings, counter: CounterView): T[] {
  return waiting
    .filter((t) => mayTake(counter, t))
    .map((t) => ({ ticket: t, score: effectivePriority(t, now, settings, weightFor(counter, t)) }))
    .sort(byScore)
    .map((s) => s.ticket);
}

/**
 * The ticket "call next" at `counter` takes: the highest effective priority among
 * the tickets it may take, ties by issue time then number; null when none waits.
 * `waiting` must hold waiting tickets only.
 */
export function pickNext<T extends RankedTicket>(waiting: readonly T[], now: Date, settings: PrioritySettings, counter: CounterView): T | null {
  let best: Scored<T> | null = null;
  for (const ticket of waiting) {
    if (!mayTake(counter, ticket)) continue;
    const scored = { ticket, score: effectivePriority(ticket, now, settings, weightFor(counter, ticket)) };
    if (best === null || byScore(scored, best) < 0) best = scored;
  }
  return best?.ticket ?? null;
}

/**
 * How many of `others` rank ahead of `ticket` in the neutral order (no counter
 * weights): "people ahead" on the ticket slip and the status page.
 */
export function rankAhead(ticket: RankedTicket, others: readonly RankedTicket[], now: Date, settings: PrioritySettings): number {
  const mine = { ticket, score: effectivePriority(ticket, now, settings) };
  let ahead = 0;
  for (const other of others) {
    if (other.id === ticket.id) continue;
    if (byScore({ ticket: other, score: effectivePriority(other, now, settings) }, mine) < 0) ahead++;
  }
  return ahead;
}

/** Whether `other` goes before `ticket` when both have the same effective priority (earlier issue, lower number, id). */
export function aheadOnTie(other: RankedTicket, ticket: RankedTicket): boolean {
  return tieBreak(other, ticket) < 0;
}

/**
 * {@link rankAhead} as bounds a database can count with, without loading the tickets.
 * Every ticket ages at the same rate, so whether a ticket of class `priority` ranks
 * ahead of `ticket` depends only on when it was queued: with a `queuedAt` (epoch ms)
 * before `strictBefore` its effective priority is higher; from `strictBefore` to before
 * `tieBefore` it is exactly equal, and {@link aheadOnTie} decides; later, it is lower.
 *
 * rankAhead(ticket, others) = Σ per class (others queued before strictBefore) + the
 * others in the tie range for which aheadOnTie holds. The bounds are found with
 * {@link effectivePriority} itself (floating point included), not with algebra, so the
 * two counts are the same. Bounds are whole milliseconds within years 1970–9999.
 */
export interface ClassBounds {
  readonly priority: PriorityClass;
  readonly strictBefore: number;
  readonly tieBefore: number;
}

const EARLIEST_MS = 0;
const LATEST_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** The least whole millisecond in [EARLIEST_MS, LATEST_MS] at which `holds` (false … false true … true) holds, LATEST_MS + 1 if none. */
function firstMillisecond(holds: (ms: number) => boolean, guess: number): number {
  let lo = Math.min(LATEST_MS, Math.max(EARLIEST_MS, Math.floor(Number.isFinite(guess) ? guess : EARLIEST_MS)));
  let hi = lo;
  // Bracket: holds(hi) and not holds(lo) (or the range's ends), growing the step each time.
  for (let step = 1; holds(lo) && lo > EARLIEST_MS; step *= 2) lo = Math.max(EARLIEST_MS, lo - step);
  if (holds(lo)) return lo;
  for (let step = 1; !holds(hi); step *= 2) {
    if (hi === LATEST_MS) return LATEST_MS + 1;
    hi = Math.min(LATEST_MS, hi + step);
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (holds(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

export function aheadBounds(ticket: Pick<RankedTicket, 'priority' | 'queuedAt'>, now: Date, settings: PrioritySettings): ClassBounds[] {
  const mine = effectivePriority(ticket, now, settings);
  const queuedAt = ticket.queuedAt.getTime();
  return PRIORITY_CLASSES.map((priority) => {
    const score = (ms: number) => effectivePriority({ priority, queuedAt: new Date(ms) }, now, settings);
    // Where a ticket of this class queued at that instant would have the same score (the guess; checked exactly below).
    const guess = queuedAt + ((settings.weights[priority] - settings.weights[ticket.priority]) * MINUTE_MS) / settings.ageingPerMinute;
    const strictBefore = firstMillisecond((ms) => !(score(ms) > mine), guess);
    const tieBefore = firstMillisecond((ms) => score(ms) < mine, strictBefore);
    return { priority, strictBefore, tieBefore };
  });
}

/**
 * The fairness guarantee, in minutes: no waiting ticket is ever called after one
 * that was queued more than this much later. (Largest minus smallest class weight,
 * plus the spread of the counter's queue weights with 0 included for tickets reserved
 * to it) ÷ ageing per minute.
 */
export function starvationBoundMinutes(settings: PrioritySettings, counter?: CounterView): number {
  const classWeights = Object.values(settings.weights);
  const queueWeights = [0, ...(counter ? counter.queueWeights.values() : [])];
  const spread = (xs: readonly number[]) => Math.max(...xs) - Math.min(...xs);
  return (spread(classWeights) + spread(queueWeights)) / settings.ageingPerMinute;
}

// ---------------------------------------------------------------- classification

/** Completed years of age (周岁) on the Shanghai date of `now`; a 29 February birthday falls on 1 March in common years. */
export function ageOn(birth: { readonly year: number; readonly month: number; readonly day: number }, now: Date): number {
  const today = civilOf(shanghaiDayAndMinute(now).epochDay);
  const before = today.month < birth.month || (today.month === birth.month && today.day < birth.day);
  return today.year - birth.year - (before ? 1 : 0);
}

/** What a citizen claims, or the kiosk reads, when taking a ticket. */
export interface PriorityClaims {
  /** Declared or verified by staff: disability, pregnancy, military, green channel, elderly. */
  readonly declared?: readonly PriorityClass[];
  /** An ID number read at the kiosk or given on the phone; its birth date decides `elderly`. */
  readonly idNumber?: string | null;
  /** An age declared without an ID number. */
  readonly declaredAge?: number | null;
  /** An appointment being checked in: its slot start. */
  readonly appointmentSlotStart?: Date | null;
}

export interface Classification {
  readonly priority: PriorityClass;
  /** From when the ticket queues: `now`, or the slot start of an appointment on time. */
  readonly queuedAt: Date;
  /** Every class that applied, best first. */
  readonly applicable: readonly PriorityClass[];
}

/**
 * The class of a new ticket: the applicable class with the highest weight (classes do
 * not add up). `elderly` applies from {@link PrioritySettings.elderlyAge} by the ID
 * number's birth date (GB 11643, §5.2.2.1) or a declared age; `appointment` applies
 * when checked in no later than `appointmentLateMinutes` after the slot start, and
 * then the ticket queues from the slot start (an early arrival does not jump ahead of
 * its slot, a slightly late one keeps it). A later check-in is an ordinary ticket.
 */
export function classifyTicket(claims: PriorityClaims, now: Date, settings: PrioritySettings): Classification {
  const applicable = new Set<PriorityClass>(['normal']);
  for (const c of claims.declared ?? []) if (c !== 'appointment' && c !== 'normal') applicable.add(c);
  const birth = claims.idNumber ? residentIdBirthDate(claims.idNumber) : undefined;
  const age = birth ? ageOn(birth, now) : claims.declaredAge ?? null;
  if (age !== null && age >= settings.elderlyAge) applicable.add('elderly');
  const slot = claims.appointmentSlotStart ?? null;
  if (slot && now.getTime() <= slot.getTime() + settings.appointmentLateMinutes * MINUTE_MS) applicable.add('appointment');

  const ordered = CLASS_PRECEDENCE.filter((c) => applicable.has(c)).sort((a, b) => settings.weights[b] - settings.weights[a]);
  const priority = ordered[0]!;
  return { priority, queuedAt: priority === 'appointment' ? slot! : now, applicable: ordered };
}
