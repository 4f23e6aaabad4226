/** What the queue screens exchange with the server (docs/queue-api.md): the server's own TypeBox types, type-only. */
import type { StreamEvent } from '../../../src/modules/queue/stream.ts';

export type { QueueCreate, QueueUpdate, QueueView } from '../../../src/modules/queue/queue.schemas.ts';
export type { DisplayView, QueueStat } from '../../../src/modules/queue/display.schemas.ts';

type DataOf<T extends StreamEvent['type']> = Extract<StreamEvent, { type: T }>['data'];

export type QueueStatsEvent = DataOf<'queue.stats'>;
export type TicketIssuedEvent = DataOf<'ticket.issued'>;
export type TidalAlertEvent = DataOf<'tidal.alert'>;

/** The answer of `POST /api/v1/counters/{id}/tidal/open|close`. */
export interface TidalOpening {
  readonly counterId: string;
  readonly counterNumber: string;
  readonly queueId: string | null;
  readonly queueName: string | null;
}
