/** Rows as the API shows them: tickets, staff and counter cards, queue figures. Personal data only masked. */
import { COUNTER_STATUS_LABELS } from '../../domain/organisation/types.ts';
import type { QueueFigures } from '../../domain/queue/hall.ts';
import { PRIORITY_CLASS_LABELS, type PriorityClass, type RankedTicket } from '../../domain/queue/priority.ts';
import { TICKET_STATUS_LABELS, type TicketOutcome, type TicketSource, type TicketState, type TicketStatus } from '../../domain/queue/ticket-states.ts';
import type { CounterCard, QueueStat, StaffCard } from './display.schemas.ts';
import type { HallCounterRow } from './hall.repository.ts';
import type { QueueRow } from './queue.repository.ts';
import type { TicketRow, TicketWithNames } from './ticket.repository.ts';
import type { TicketView } from './ticket.schemas.ts';

const iso = (d: Date | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

export function ticketView({ ticket: t, queueName, queuePrefix, counterNumber, counterName }: TicketWithNames): TicketView {
  const status = t.status as TicketStatus;
  const priority = t.priority as PriorityClass;
  return {
    id: t.id,
    centreId: t.centreId,
    number: t.number,
    queueId: t.queueId,
    queueName,
    queuePrefix,
    status,
    statusLabel: TICKET_STATUS_LABELS[status],
    priorityClass: priority,
    priorityLabel: PRIORITY_CLASS_LABELS[priority],
    elderly: t.elderly,
    source: t.source as TicketSource,
    phoneMasked: t.phoneMasked,
    idNumberMasked: t.idMasked,
    issuedAt: t.issuedAt.toISOString(),
    calledAt: iso(t.calledAt),
    startedAt: iso(t.startedAt),
    finishedAt: iso(t.closedAt),
    counterId: t.counterId,
    counterNumber,
    counterName,
    recallCount: t.recallCount,
    outcome: t.outcome as TicketOutcome | null,
    note: t.note,
    transferredFromId: t.transferredFromId,
    itemId: t.itemId,
  };
}

/** The ticket as the transition table sees it (domain/queue/ticket-states.ts). */
export function ticketState(t: TicketRow): TicketState {
  return {
    id: t.id,
    queueId: t.queueId,
    number: t.number,
    source: t.source as TicketSource,
    priority: t.priority as PriorityClass,
    issuedAt: t.issuedAt,
    queuedAt: t.queuedAt,
    reservedCounterId: t.reservedCounterId,
    transferredFromId: t.transferredFromId,
    status: t.status as TicketStatus,
    counterId: t.counterId,
    clerkId: t.clerkId,
    recallCount: t.recallCount,
    calledAt: t.calledAt,
    startedAt: t.startedAt,
    parkedAt: t.parkedAt,
    closedAt: t.closedAt,
    outcome: t.outcome as TicketOutcome | null,
  };
}

/** The fields that rank a ticket (priority.ts), from its row. */
export function rankedOf(t: TicketRow): RankedTicket {
  return { id: t.id, queueId: t.queueId, number: t.number, priority: t.priority as PriorityClass, issuedAt: t.issuedAt, queuedAt: t.queuedAt, reservedCounterId: t.reservedCounterId };
}

/** The columns a state change writes back. */
export function stateColumns(s: TicketState): Partial<TicketRow> {
  return {
    status: s.status,
    counterId: s.counterId,
    clerkId: s.clerkId,
    recallCount: s.recallCount,
    calledAt: s.calledAt,
    startedAt: s.startedAt,
    parkedAt: s.parkedAt,
    closedAt: s.closedAt,
    outcome: s.outcome,
  };
}

/**
 * The photo address a screen loads: an http(s) photo as stored; an inline (data:) photo
 * through the public photo route, versioned so that a new photo is not cached away.
 */
export function photoUrlOf(staffId: string, photoHttp: string | null, inline: boolean, updatedAt: Date | null): string | null {
  if (photoHttp) return photoHttp;
  return inline ? `/api/v1/public/staff/${staffId}/photo?v=${updatedAt ? new Date(updatedAt).getTime() : 0}` : null;
}

export function staffCard(c: HallCounterRow): StaffCard | null {
  if (!c.staffId) return null;
  return { name: c.staffName!, title: c.staffTitle, workNumber: c.staffWorkNumber!, photoUrl: photoUrlOf(c.staffId, c.photoHttp, c.photoInline, c.staffUpdatedAt) };
}

export function counterCard(c: HallCounterRow): CounterCard {
  return {
    counterId: c.id,
    number: c.number,
    name: c.name,
    status: c.status,
    statusLabel: COUNTER_STATUS_LABELS[c.status],
    awayReason: c.awayReason,
    expectedReturnAt: iso(c.expectedReturnAt),
    clerk: staffCard(c),
    currentNumber: c.currentNumber,
  };
}

export function queueStat(queue: Pick<QueueRow, 'id' | 'name' | 'prefix'>, f: QueueFigures): QueueStat {
  return {
    queueId: queue.id,
    name: queue.name,
    prefix: queue.prefix,
    waiting: f.waiting,
    longestWaitMinutes: Math.floor(f.longestWaitMinutes),
    estimateMinutes: f.estimateMinutes === null ? null : Math.ceil(f.estimateMinutes),
    estimateText: f.estimateText,
  };
}
