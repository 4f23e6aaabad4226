/**
 * Queries of tickets, their events and the per queue-day sequences. The number is drawn
 * with one upsert whose row lock is held to the end of the issuing transaction: two
 * issues of one queue-day take turns, a rolled-back issue gives its number back.
 */
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { TicketEvent } from '../../domain/queue/ticket-states.ts';
import { queryRows, type Queryable } from '../../platform/db/database.ts';
import { counters, staff } from '../organisation/schema.ts';
import { queues, ticketEvents, tickets, ticketSequences } from './schema.ts';

export type TicketRow = typeof tickets.$inferSelect;
export type TicketInsert = typeof tickets.$inferInsert;

/** The next sequence of the queue on `day` (1 for the first ticket), the row locked until the transaction ends. */
export async function drawSequence(q: Queryable, queueId: string, day: string): Promise<number> {
  const [row] = await queryRows<{ last: number }>(
    q,
    sql`insert into ${ticketSequences} (queue_id, day, last) values (${queueId}, ${day}, 1)
        on conflict (queue_id, day) do update set last = ${ticketSequences}.last + 1
        returning last`,
  );
  return Number(row!.last);
}

/**
 * The draw of {@link drawSequence} as a statement of its own or a CTE, refusing past
 * `max`: it yields no row (and leaves the sequence as it is) once the queue-day's
 * numbers are spent. Its row lock is held until the transaction ends.
 */
export function drawUpTo(queueId: string, day: string, max: number): SQL {
  return sql`insert into ${ticketSequences} (queue_id, day, last) values (${queueId}, ${day}, 1)
    on conflict (queue_id, day) do update set last = ${ticketSequences}.last + 1 where ${ticketSequences}.last < ${max}
    returning last`;
}

/** {@link drawUpTo} on its own: the next sequence, or null when the queue-day's numbers are spent. */
export async function drawSequenceUpTo(q: Queryable, queueId: string, day: string, max: number): Promise<number | null> {
  const [row] = await queryRows<{ last: number }>(q, drawUpTo(queueId, day, max));
  return row ? Number(row.last) : null;
}

/**
 * Serialises mobile issues of one phone or ID number across queues (their daily limit
 * is per centre, not per queue): a transaction-level advisory lock on the digest.
 */
export async function lockDigest(q: Queryable, digest: string): Promise<void> {
  await q.execute(sql`select pg_advisory_xact_lock(hashtext(${digest}))`);
}

/** Tickets of the queue on `day` from the given sources (the daily quota counts kiosk and mobile tickets). */
export async function countIssued(q: Queryable, queueId: string, day: string, sources: readonly string[]): Promise<number> {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(tickets)
    .where(and(eq(tickets.queueId, queueId), eq(tickets.serviceDay, day), inArray(tickets.source, [...sources])));
  return row?.n ?? 0;
}

/** Kiosk and mobile tickets of `day` per queue of the centre (the daily quotas). */
export async function quotaUsedByQueue(q: Queryable, centreId: string, day: string): Promise<Map<string, number>> {
  const rows = await q
    .select({ queueId: tickets.queueId, n: sql<number>`count(*)::int` })
    .from(tickets)
    .where(and(eq(tickets.centreId, centreId), eq(tickets.serviceDay, day), inArray(tickets.source, ['kiosk', 'mobile'])))
    .groupBy(tickets.queueId);
  return new Map(rows.map((r) => [r.queueId, r.n]));
}

/** Mobile tickets of the centre on `day` taken with this phone digest, or ID digest. */
export async function countMobileBy(q: Queryable, centreId: string, day: string, column: 'phone' | 'id', digest: string): Promise<number> {
  const col = column === 'phone' ? tickets.phoneDigest : tickets.idDigest;
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(tickets)
    .where(and(eq(tickets.centreId, centreId), eq(tickets.serviceDay, day), eq(col, digest), eq(tickets.source, 'mobile')));
  return row?.n ?? 0;
}

export async function insertTicket(q: Queryable, values: TicketInsert): Promise<TicketRow> {
  const [row] = await q.insert(tickets).values(values).returning();
  return row!;
}

export async function findTicket(q: Queryable, id: string): Promise<TicketRow | undefined> {
  const [row] = await q.select().from(tickets).where(eq(tickets.id, id));
  return row;
}

export async function lockTicket(q: Queryable, id: string): Promise<TicketRow | undefined> {
  const [row] = await q.select().from(tickets).where(eq(tickets.id, id)).for('update');
  return row;
}

export async function updateTicket(q: Queryable, id: string, values: Partial<TicketInsert>): Promise<TicketRow> {
  const [row] = await q.update(tickets).set(values).where(eq(tickets.id, id)).returning();
  return row!;
}

/**
 * The 抢单 claim (§7.1.6.2): the update happens only if the ticket still waits. Under
 * concurrency the loser's update waits for the winner's commit, then finds the ticket
 * called and changes nothing (undefined): the caller tries the next ticket.
 */
export async function claimWaiting(q: Queryable, id: string, values: Partial<TicketInsert>): Promise<TicketRow | undefined> {
  const [row] = await q
    .update(tickets)
    .set(values)
    .where(and(eq(tickets.id, id), eq(tickets.status, 'waiting')))
    .returning();
  return row;
}

/** Marks tickets told "your turn is near", once each: the ids not told before, with what the message needs. */
export async function claimNearNotices(q: Queryable, ids: readonly string[], now: Date) {
  if (ids.length === 0) return [];
  return q
    .update(tickets)
    .set({ nearNotifiedAt: now })
    .where(and(inArray(tickets.id, [...ids]), isNull(tickets.nearNotifiedAt), eq(tickets.status, 'waiting')))
    .returning({ id: tickets.id, number: tickets.number, queueId: tickets.queueId, phoneCipher: tickets.phoneCipher, phoneMasked: tickets.phoneMasked });
}

/** Stores a domain event (ticket-states.ts) with its ticket's centre and queue. */
export async function insertEvent(q: Queryable, centreId: string, queueId: string, e: TicketEvent): Promise<void> {
  await q.insert(ticketEvents).values(eventRow(centreId, queueId, e));
}

/** The row {@link insertEvent} inserts (issue.repository.ts writes it inside its statement). */
export function eventRow(centreId: string, queueId: string, e: TicketEvent): typeof ticketEvents.$inferInsert {
  const { type, ticketId, at, from, to, actorKind, counterId, clerkId, userId, waitSeconds, serviceSeconds, ...rest } = e;
  return {
    ticketId,
    centreId,
    queueId,
    type,
    at,
    fromStatus: from,
    toStatus: to,
    actorKind,
    counterId,
    clerkId,
    userId,
    waitSeconds: type === 'called' ? (waitSeconds ?? null) : null,
    serviceSeconds: serviceSeconds ?? null,
    data: JSON.parse(JSON.stringify(rest)) as Record<string, unknown>,
  };
}

/** A ticket with the names a view shows. */
export interface TicketWithNames {
  readonly ticket: TicketRow;
  readonly queueName: string;
  readonly queuePrefix: string;
  readonly counterNumber: string | null;
  readonly counterName: string | null;
}

function selectWithNames(q: Queryable) {
  return q
    .select({ ticket: tickets, queueName: queues.name, queuePrefix: queues.prefix, counterNumber: counters.number, counterName: counters.name })
    .from(tickets)
    .innerJoin(queues, eq(queues.id, tickets.queueId))
    .leftJoin(counters, eq(counters.id, tickets.counterId));
}

export async function findTicketWithNames(q: Queryable, id: string): Promise<TicketWithNames | undefined> {
  const [row] = await selectWithNames(q).where(eq(tickets.id, id));
  return row;
}

/** The ticket a transfer made of `id`, if any. */
export async function transferredTo(q: Queryable, id: string): Promise<{ id: string; number: string; queueName: string } | undefined> {
  const [row] = await q
    .select({ id: tickets.id, number: tickets.number, queueName: queues.name })
    .from(tickets)
    .innerJoin(queues, eq(queues.id, tickets.queueId))
    .where(eq(tickets.transferredFromId, id));
  return row;
}

/** Tickets a counter holds (called, serving) or parked, latest call first. */
export async function ticketsHeldBy(q: Queryable, counterId: string, statuses: readonly string[]): Promise<TicketWithNames[]> {
  return selectWithNames(q)
    .where(and(eq(tickets.counterId, counterId), inArray(tickets.status, [...statuses])))
    .orderBy(desc(tickets.calledAt), asc(tickets.id));
}

/** The events of a ticket, oldest first, with the counter number and the clerk's name. */
export async function eventsOf(q: Queryable, ticketId: string) {
  return q
    .select({ type: ticketEvents.type, at: ticketEvents.at, counterNumber: counters.number, clerk: staff.name, data: ticketEvents.data })
    .from(ticketEvents)
    .leftJoin(counters, eq(counters.id, ticketEvents.counterId))
    .leftJoin(staff, eq(staff.id, ticketEvents.clerkId))
    .where(eq(ticketEvents.ticketId, ticketId))
    .orderBy(asc(ticketEvents.id));
}

/** Waiting tickets of a queue on `day`. */
export async function countWaiting(q: Queryable, queueId: string, day: string): Promise<number> {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(tickets)
    .where(and(eq(tickets.queueId, queueId), eq(tickets.serviceDay, day), eq(tickets.status, 'waiting')));
  return row?.n ?? 0;
}

/** Waiting tickets of a queue, whatever their day. */
export async function countWaitingOfQueue(q: Queryable, queueId: string): Promise<number> {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(tickets)
    .where(and(eq(tickets.queueId, queueId), eq(tickets.status, 'waiting')));
  return row?.n ?? 0;
}

/** A counter's figures of `day` (issue 4 "today's figures"). */
export async function counterDayFigures(q: Queryable, counterId: string, since: Date) {
  const [row] = await queryRows<{ served: number; no_show: number; transferred: number; avg_seconds: number | null }>(
    q,
    sql`select count(*) filter (where type = 'finished')::int as served,
               count(*) filter (where type = 'no_show')::int as no_show,
               count(*) filter (where type = 'transferred')::int as transferred,
               avg(service_seconds) filter (where type = 'finished')::float8 as avg_seconds
        from ${ticketEvents}
        where counter_id = ${counterId} and at >= ${since.toISOString()}::timestamptz`,
  );
  return { served: row?.served ?? 0, noShow: row?.no_show ?? 0, transferred: row?.transferred ?? 0, averageSeconds: row?.avg_seconds ?? null };
}

/** Open tickets of service days before `day`, oldest first (the end-of-day expiry). */
export async function staleOpenTickets(q: Queryable, day: string, limit: number): Promise<TicketRow[]> {
  return q
    .select()
    .from(tickets)
    .where(and(sql`${tickets.serviceDay} < ${day}`, inArray(tickets.status, ['waiting', 'called', 'serving', 'parked'])))
    .orderBy(asc(tickets.serviceDay), asc(tickets.id))
    .limit(limit)
    .for('update', { skipLocked: true });
}
