/**
 * What the queue tells the live stream (docs/queue-api.md "Server-Sent Events"): the data
 * of each event, built in one place, appended through platform/events in the
 * transaction of the change. Appends come last in a transaction (they take the centre's
 * stream lock), so a use case collects its events and publishes them at the end.
 */
import { callAnnouncement } from '../../domain/queue/call-sentence.ts';
import type { QueueSettings } from '../../domain/queue/settings.ts';
import type { TicketOutcome, TicketStatus } from '../../domain/queue/ticket-states.ts';
import type { Queryable } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { appendEvent } from '../../platform/events/events.ts';
import type { CalledEvent, CounterCard, QueueStat } from './display.schemas.ts';

export type StreamEvent =
  | { readonly type: 'ticket.issued'; readonly data: { ticketId: string; number: string; queueId: string; queueName: string; waiting: number } }
  | { readonly type: 'ticket.called'; readonly data: CalledEvent }
  | { readonly type: 'ticket.finished'; readonly data: { ticketId: string; number: string; counterId: string | null; status: TicketStatus; outcome: TicketOutcome | null } }
  | { readonly type: 'counter.status'; readonly data: CounterCard }
  | { readonly type: 'queue.stats'; readonly data: { queues: QueueStat[] } }
  | {
      readonly type: 'tidal.alert';
      readonly data: {
        queueId: string;
        queueName: string;
        counterId: string | null;
        counterNumber: string | null;
        action: 'open' | 'close';
        trigger: 'waiting' | 'longest_wait' | null;
        reason: string;
      };
    };

/** The `ticket.called` data: the sentence shown and spoken (call-sentence.ts, §5.2.2.1 slower for the elderly). */
export function calledEvent(input: {
  readonly ticket: { readonly id: string; readonly number: string; readonly queueId: string; readonly elderly: boolean; readonly recallCount: number };
  readonly queueName: string;
  readonly counter: { readonly id: string; readonly number: string; readonly name: string };
  readonly settings: QueueSettings;
  readonly at: Date;
}): CalledEvent {
  const { ticket, counter, settings } = input;
  const a = callAnnouncement({
    ticketNumber: ticket.number,
    counterNumber: counter.number,
    recall: ticket.recallCount,
    recallLimit: settings.recallLimit,
    elderly: ticket.elderly,
    voice: settings.voice,
  });
  return {
    ticketId: ticket.id,
    number: ticket.number,
    queueId: ticket.queueId,
    queueName: input.queueName,
    counterId: counter.id,
    counterNumber: counter.number,
    counterName: counter.name,
    text: a.text,
    speech: a.speech,
    lang: a.lang,
    repeat: a.repeat,
    rate: a.rate,
    volume: a.volume,
    recall: ticket.recallCount > 0,
    at: input.at.toISOString(),
  };
}

/** Appends the events, in order, as the last statements of the transaction. */
export async function publish(deps: AppDeps, tx: Queryable, centreId: string, events: readonly StreamEvent[]): Promise<void> {
  for (const e of events) await appendEvent(deps, tx, centreId, e.type, e.data);
}
