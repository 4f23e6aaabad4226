/**
 * The live event stream of each centre (issue 4 "Real time"): every event a display, a
 * counter or a manager's screen must hear (ticket.called, counter.status, tidal.alert,
 * ...) is stored here in the transaction that caused it, so a client that reconnects
 * with Last-Event-ID receives what it missed, and every server process reads the same
 * sequence. Ids are allocated in commit order per centre (see events.ts).
 */
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const streamEvents = pgTable(
  'stream_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    centreId: uuid('centre_id').notNull(),
    /** e.g. `ticket.called`: the SSE event name. */
    type: text('type').notNull(),
    data: jsonb('data').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('stream_events_centre_id_idx').on(t.centreId, t.id), index('stream_events_at_idx').on(t.at)],
);
