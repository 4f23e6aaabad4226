/**
 * Issuing a ticket (DB36/T 2016 §5.2.2 排队取号机, §6.2, §7.1.5; issue 4 "Queues and
 * tickets", "Mobile ticket"). The rules are the domain's: issuing.ts decides whether the
 * centre, the queue and the limits allow it, priority.ts classifies the ticket,
 * numbering.ts formats its number, ticket-states.ts makes it and its `issued` event,
 * hall.ts estimates the wait.
 *
 * The number is drawn inside the issuing transaction (ticket.repository.ts `drawSequence`):
 * numbers per queue and service day run from 001 without duplicates, and a refused or
 * failed issue rolls its number back, so committed tickets leave no gap.
 */
import { randomUUID } from 'node:crypto';
import { waitFigures } from '../../domain/queue/hall.ts';
import { countsTowardQuota, decideIssue, normaliseIssueRequest, refusalError, type IssueSource, type IssuingQueue } from '../../domain/queue/issuing.ts';
import { formatTicketNumber, serviceDayKey } from '../../domain/queue/numbering.ts';
import { classifyTicket, type PriorityClass } from '../../domain/queue/priority.ts';
import { withDefaults } from '../../domain/queue/settings.ts';
import { issueTicket as newTicket, type TicketActor } from '../../domain/queue/ticket-states.ts';
import { AppError, referenceError } from '../../domain/shared/errors.ts';
import type { TimeWindow } from '../../domain/organisation/types.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/auth/principal.ts';
import type { Queryable } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { getCalendar } from '../calendar/calendar.service.ts';
import { readHall } from './hall.ts';
import { dataKeys, protectIdNumber, protectPhone } from './personal-data.ts';
import * as queues from './queue.repository.ts';
import { publish } from './stream.ts';
import * as repo from './ticket.repository.ts';
import type { IssueResult } from './ticket.schemas.ts';
import { rankedOf, ticketView } from './views.ts';

export interface IssueInput {
  readonly queueId?: string | undefined;
  readonly itemId?: string | undefined;
  readonly source: IssueSource;
  readonly phone?: string | undefined;
  readonly idNumber?: string | undefined;
  /** A class declared at the kiosk or the counter (staff verify it at the counter). */
  readonly priority?: Exclude<PriorityClass, 'normal' | 'appointment'> | undefined;
  readonly appointmentId?: string | undefined;
  readonly appointmentSlotStart?: string | undefined;
}

export function issuingQueue(q: Pick<queues.QueueRow, 'id' | 'name' | 'dailyQuota'> & { readonly issuingWindows: readonly TimeWindow[] }): IssuingQueue {
  return { id: q.id, name: q.name, issuingWindows: q.issuingWindows, dailyQuota: q.dailyQuota };
}

/** The centre and the queue asked for (directly or through an item it serves), active and of this centre, and the settings. */
async function context(q: Queryable, centreId: string, input: IssueInput) {
  const by = input.queueId ? { queueId: input.queueId } : input.itemId ? { itemId: input.itemId } : null;
  if (!by) throw new AppError('TICKET_QUEUE_REQUIRED', { fields: [{ path: '/queueId', code: 'TICKET_QUEUE_REQUIRED', message: '须选择队列或办理事项' }] });
  const ctx = await queues.issueContext(q, centreId, by);
  if (!ctx.centre || ctx.centre.retired) throw new AppError('CENTRE_NOT_FOUND');
  const queue = ctx.queue;
  if ('queueId' in by && (!queue || queue.centreId !== centreId || queue.retired)) throw referenceError('QUEUE_NOT_FOUND', '/queueId', '队列不存在或已停用');
  if (!queue) throw referenceError('ITEM_HAS_NO_QUEUE', '/itemId');
  return { centre: ctx.centre, queue, settings: withDefaults(ctx.settings) };
}

/** Issues a ticket and answers it with the people ahead and the estimated wait. */
export async function issue(deps: AppDeps, actor: Actor, ticketActor: TicketActor, centreId: string, input: IssueInput): Promise<IssueResult> {
  const now = deps.clock();
  const request = normaliseIssueRequest({ source: input.source, phone: input.phone ?? null, idNumber: input.idNumber ?? null });
  const found = await context(deps.db, centreId, input);
  const { queue, settings } = found;
  const centre = { hours: found.centre.serviceHours, calendar: await getCalendar(deps, centreId) };
  const noCounts = { queueToday: 0, phoneToday: 0, idNumberToday: 0 };
  // The time-based refusals (centre closed, appointments only, outside the queue's
  // windows) before any lock is taken; quota and limits again under the lock below.
  const early = decideIssue({ queue: issuingQueue(queue), centre, request, counts: noCounts, limits: settings.issuing, now });
  if (!early.ok) throw refusalError(early.refusal);

  const keys = request.phone || request.idNumber ? await dataKeys(deps) : null;
  const phone = request.phone && keys ? protectPhone(keys, request.phone) : null;
  const idNumber = request.idNumber && keys ? protectIdNumber(keys, request.idNumber) : null;
  const slot = input.source === 'appointment' && input.appointmentSlotStart ? new Date(input.appointmentSlotStart) : null;
  const classification = classifyTicket({ declared: input.priority ? [input.priority] : [], idNumber: request.idNumber, appointmentSlotStart: slot }, now, settings.priority);
  const day = serviceDayKey(now);

  const inserted = await deps.db.transaction(async (tx) => {
    // Mobile limits hold per centre and day across queues: one phone (or ID) at a time.
    if (request.source === 'mobile') {
      if (phone) await repo.lockDigest(tx, phone.phoneDigest);
      if (idNumber) await repo.lockDigest(tx, idNumber.idDigest);
    }
    const sequence = await repo.drawSequence(tx, queue.id, day);
    const counts = {
      queueToday: countsTowardQuota(request.source) && queue.dailyQuota !== null ? await repo.countIssued(tx, queue.id, day, ['kiosk', 'mobile']) : 0,
      phoneToday: request.source === 'mobile' && phone ? await repo.countMobileBy(tx, centreId, day, 'phone', phone.phoneDigest) : 0,
      idNumberToday: request.source === 'mobile' && idNumber ? await repo.countMobileBy(tx, centreId, day, 'id', idNumber.idDigest) : 0,
    };
    const decision = decideIssue({ queue: issuingQueue(queue), centre, request, counts, limits: settings.issuing, now });
    if (!decision.ok) throw refusalError(decision.refusal);

    const { ticket, event } = newTicket(
      { id: randomUUID(), queueId: queue.id, number: formatTicketNumber(queue.prefix, sequence), source: request.source, priority: classification.priority, issuedAt: now, queuedAt: classification.queuedAt },
      ticketActor,
    );
    const inserted = await repo.insertTicket(tx, {
      id: ticket.id,
      centreId,
      queueId: queue.id,
      serviceDay: day,
      sequence,
      number: ticket.number,
      status: ticket.status,
      priority: ticket.priority,
      elderly: classification.applicable.includes('elderly'),
      source: ticket.source,
      itemId: input.itemId ?? null,
      appointmentId: input.appointmentId ?? null,
      issuedAt: ticket.issuedAt,
      queuedAt: ticket.queuedAt,
      ...phone,
      ...idNumber,
    });
    await repo.insertEvent(tx, centreId, queue.id, event);
    await writeAudit(tx, actor, now, {
      centreId,
      entity: 'ticket',
      entityId: ticket.id,
      action: 'issue',
      after: { number: ticket.number, queueId: queue.id, source: ticket.source, priority: ticket.priority, phone: phone?.phoneMasked ?? null, idNumber: idNumber?.idMasked ?? null },
    });
    const waiting = await repo.countWaiting(tx, queue.id, day);
    await publish(deps, tx, centreId, [{ type: 'ticket.issued', data: { ticketId: ticket.id, number: ticket.number, queueId: queue.id, queueName: queue.name, waiting } }]);
    return inserted;
  });

  return slipOf(deps, { ticket: inserted, queueName: queue.name, queuePrefix: queue.prefix, counterNumber: null, counterName: null });
}

/** The slip of a just-issued ticket: its view, people ahead and estimate from the hall as it is now. */
async function slipOf(deps: AppDeps, row: repo.TicketWithNames): Promise<IssueResult> {
  const id = row.ticket.id;
  const snapshot = await readHall(deps.db, row.ticket.centreId, deps.clock());
  const mine = snapshot.waiting.find((t) => t.id === id) ?? rankedOf(row.ticket);
  const figures = waitFigures(mine, snapshot.hall, deps.clock(), snapshot.settings);
  return {
    ...ticketView(row),
    peopleAhead: figures.peopleAhead,
    estimatedWaitMinutes: figures.minutes === null ? null : Math.ceil(figures.minutes),
    estimateText: figures.text,
    statusPath: `/portal/tickets/${id}`,
  };
}
