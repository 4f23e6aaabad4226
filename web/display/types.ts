/**
 * What the displays receive (docs/queue-api.md, "Displays" and "Server-Sent Events"): the
 * server's own TypeBox types, imported type-only so no server code reaches the bundle.
 */
import type { StreamEvent } from '../../src/modules/queue/stream.ts';

export type { CalledEvent, CounterCard, DisplayView as HallBootstrap, QueueStat, StaffCard } from '../../src/modules/queue/display.schemas.ts';

type DataOf<T extends StreamEvent['type']> = Extract<StreamEvent, { type: T }>['data'];

export type TicketIssuedEvent = DataOf<'ticket.issued'>;
export type TicketFinishedEvent = DataOf<'ticket.finished'>;
export type QueueStatsEvent = DataOf<'queue.stats'>;
