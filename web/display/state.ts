/**
 * The displays' pure logic, apart from React and the browser (tested in state.test.ts):
 * addresses, what an event does to a screen's state, and how numbers and notices are shown.
 */
import type { DisplayEventName } from './live.ts';
import type { CalledEvent, CounterCard, QueueStat, TicketFinishedEvent, TicketIssuedEvent } from './types.ts';

export type ScreenKind = 'hall' | 'counter';

export interface Route {
  readonly kind: ScreenKind | null;
  readonly counterId: string | null;
}

/** `/display/hall`, `/display/counter/{counterId}` (the id may come from the set-up instead); anything else: none. */
export function routeOf(path: string): Route {
  const p = path.replace(/\/+$/, '');
  if (p === '/display/hall') return { kind: 'hall', counterId: null };
  const counter = /^\/display\/counter(?:\/([^/]+))?$/.exec(p);
  if (counter) return { kind: 'counter', counterId: counter[1] ? decodeURIComponent(counter[1]) : null };
  return { kind: null, counterId: null };
}

export function targetPath(kind: ScreenKind, counterId: string | null): string {
  return kind === 'hall' ? '/display/hall' : `/display/counter/${counterId ?? ''}`;
}

export function bootstrapPath(centreId: string): string {
  return `/api/v1/centres/${centreId}/display`;
}

export function screenPath(counterId: string): string {
  return `/api/v1/counters/${counterId}/screen`;
}

/** The hall keeps as many calls as the bootstrap sends. */
export const MAX_CALLS = 10;

/** Adds a call at the top; a recall of a ticket already listed moves it up instead of listing it twice. */
export function withCall(calls: readonly CalledEvent[], call: CalledEvent): CalledEvent[] {
  return [call, ...calls.filter((c) => c.ticketId !== call.ticketId)].slice(0, MAX_CALLS);
}

/** The bootstrap lists a call and its recalls separately: the hall shows each ticket once, at its latest call. */
export function latestPerTicket(calls: readonly CalledEvent[]): CalledEvent[] {
  const seen = new Set<string>();
  return calls.filter((c) => !seen.has(c.ticketId) && seen.add(c.ticketId));
}

export function isCall(value: unknown): value is CalledEvent {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.ticketId === 'string' && typeof v.number === 'string' && typeof v.counterNumber === 'string' && typeof v.text === 'string';
}

/** `ticket.issued` carries the new waiting count of its queue; the estimate follows with the next `queue.stats`. */
export function queuesAfterIssue(queues: readonly QueueStat[], issued: TicketIssuedEvent): QueueStat[] {
  return queues.map((q) => (q.queueId === issued.queueId ? { ...q, waiting: issued.waiting } : q));
}

export function estimateText(q: QueueStat): string {
  if (q.waiting === 0) return '无需等候';
  if (q.estimateText) return q.estimateText;
  return q.estimateMinutes === null ? '—' : `约${q.estimateMinutes}分钟`;
}

/** The counter's card after an event of the centre's stream; events of other counters leave it as it is. */
export function cardAfter(card: CounterCard, name: DisplayEventName, data: unknown): CounterCard {
  if (typeof data !== 'object' || data === null) return card;
  switch (name) {
    case 'counter.status': {
      const next = data as CounterCard;
      return next.counterId === card.counterId ? next : card;
    }
    case 'ticket.called': {
      const call = data as CalledEvent;
      return call.counterId === card.counterId ? { ...card, currentNumber: call.number } : card;
    }
    case 'ticket.finished': {
      const done = data as TicketFinishedEvent;
      return done.counterId === card.counterId && done.number === card.currentNumber ? { ...card, currentNumber: null } : card;
    }
    case 'ticket.issued':
    case 'queue.stats':
      return card;
  }
}

/** A counter number as the hall reads it: `5` → `5号窗口`, whatever zeros or 号 it was typed with. */
export function counterLabel(number: string): string {
  const clean = number
    .trim()
    .replace(/号(窗口)?$/, '')
    .replace(/\d+/g, (run) => String(Number(run)));
  return `${clean}号窗口`;
}

/** Sentences of a notice, for showing it a piece at a time without movement. */
export function noticePieces(text: string): string[] {
  return text
    .split(/(?<=[。！？；!?;])|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
