/**
 * Issuing a ticket (DB36/T 2016 §5.2.2 排队取号机, §6.2, §7.1.5; issue 4 "Queues and
 * tickets", "Mobile ticket"). The rules are the domain's: issuing.ts decides whether the
 * centre, the queue and the limits allow it, priority.ts classifies the ticket,
 * numbering.ts formats its number, ticket-states.ts makes it and its `issued` event,
 * hall.ts estimates the wait.
 *
 * The number is drawn inside the issuing transaction (ticket.repository.ts `drawSequence`):
 * numbers per queue and service day run from 001 without duplicates, and a refused or
 * failed issue rolls its number back, so committed tickets leave no gap. The rest of the
 * write is one statement (issue.repository.ts), so the number's row lock is held for two
 * round trips (that statement and the commit) whatever the issue needs.
 */
import { randomUUID } from 'node:crypto';
import { waitFiguresWith } from '../../domain/queue/hall.ts';
import { countsTowardQuota, decideIssue, normaliseIssueRequest, refusalError, type IssueSource, type IssuingQueue } from '../../domain/queue/issuing.ts';
import { formatTicketNumber, serviceDayKey, TICKET_SEQUENCE_MAX } from '../../domain/queue/numbering.ts';
import { poolKey } from '../../domain/queue/pool.ts';
import { aheadBounds, aheadOnTie, classifyTicket, type PriorityClass } from '../../domain/queue/priority.ts';
import { issueTicket as newTicket, type TicketActor } from '../../domain/queue/ticket-states.ts';
import { AppError, referenceError } from '../../domain/shared/errors.ts';
import type { TimeWindow } from '../../domain/organisation/types.ts';
import type { Actor } from '../../platform/auth/principal.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { uniqueViolation } from '../../platform/db/unique-violation.ts';
import { getCalendar } from '../calendar/calendar.service.ts';
import { centreQueueConfig, type CentreQueueConfig, type ConfiguredQueue } from './config-cache.ts';
import { tieRows, writeIssue, type IssueRead, type IssueWrite } from './issue.repository.ts';
import { replayIssue } from './issue-replay.ts';
import { dataKeys, protectIdNumber, protectPhone } from './personal-data.ts';
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
  /** The client's id of this request, which becomes the ticket's id: a request sent again is answered its first ticket (issue-replay.ts). */
  readonly requestId?: string | undefined;
}

/** What the issuing transaction answers when the request's ticket exists already (issue-replay.ts). */
const REPLAY: unique symbol = Symbol('replay');

export function issuingQueue(q: { readonly id: string; readonly name: string; readonly dailyQuota: number | null; readonly issuingWindows: readonly TimeWindow[] }): IssuingQueue {
  return { id: q.id, name: q.name, issuingWindows: q.issuingWindows, dailyQuota: q.dailyQuota };
}

/** The centre (from the configuration in memory) and the queue asked for, directly or through an item it serves. */
async function context(deps: AppDeps, centreId: string, input: IssueInput): Promise<{ config: CentreQueueConfig; queue: ConfiguredQueue }> {
  if (!input.queueId && !input.itemId) throw new AppError('TICKET_QUEUE_REQUIRED', { fields: [{ path: '/queueId', code: 'TICKET_QUEUE_REQUIRED', message: '须选择队列或办理事项' }] });
  const config = await centreQueueConfig(deps, centreId);
  if (!config || config.centre.retired) throw new AppError('CENTRE_NOT_FOUND');
  if (input.queueId) {
    const queue = config.queues.find((q) => q.id === input.queueId);
    if (!queue) throw referenceError('QUEUE_NOT_FOUND', '/queueId', '队列不存在或已停用');
    return { config, queue };
  }
  // The first active queue in display order that serves the item.
  const queue = config.queues.find((q) => q.itemIds.includes(input.itemId!));
  if (!queue) throw referenceError('ITEM_HAS_NO_QUEUE', '/itemId');
  return { config, queue };
}

/**
 * Issues a ticket and answers it with the people ahead and the estimated wait.
 *
 * Everything that can be known before the number is: the configuration (in memory),
 * the time-based refusals, the personal data's protection, the priority class and the
 * bounds that count the people ahead. Then one transaction: the number drawn (its row
 * lock held to the commit), the quota and mobile limits counted under it when they
 * apply, and one statement that reads the slip's figures and writes the ticket, its
 * event, the audit record and the stream event (issue.repository.ts).
 */
export async function issue(deps: AppDeps, actor: Actor, ticketActor: TicketActor, centreId: string, input: IssueInput): Promise<IssueResult> {
  const now = deps.clock();
  const request = normaliseIssueRequest({ source: input.source, phone: input.phone ?? null, idNumber: input.idNumber ?? null });
  const { config, queue } = await context(deps, centreId, input);
  const settings = config.settings;
  const centre = { hours: config.centre.serviceHours, calendar: await getCalendar(deps, centreId) };
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
  const counted = request.source === 'mobile' || (countsTowardQuota(request.source) && queue.dailyQuota !== null);
  const poolKeyOf = poolKey(queue);
  const id = input.requestId ?? randomUUID();
  const { ticket, event } = newTicket(
    // The number is drawn and formatted by the issuing statement (issue.repository.ts), which gives it to the event and the audit record too.
    { id, queueId: queue.id, number: '', source: request.source, priority: classification.priority, issuedAt: now, queuedAt: classification.queuedAt },
    ticketActor,
  );
  const { number: _unnumbered, ...issued } = event;
  const write: IssueWrite = {
    ticket: {
      id,
      centreId,
      queueId: queue.id,
      serviceDay: day,
      status: ticket.status,
      priority: ticket.priority,
      elderly: classification.applicable.includes('elderly'),
      source: ticket.source,
      itemId: input.itemId ?? null,
      appointmentId: input.appointmentId ?? null,
      issuedAt: ticket.issuedAt,
      queuedAt: ticket.queuedAt,
      phoneCipher: phone?.phoneCipher ?? null,
      phoneDigest: phone?.phoneDigest ?? null,
      phoneMasked: phone?.phoneMasked ?? null,
      idDigest: idNumber?.idDigest ?? null,
      idMasked: idNumber?.idMasked ?? null,
    },
    event: issued,
    audit: {
      actor,
      at: now,
      entry: {
        centreId,
        entity: 'ticket',
        entityId: id,
        action: 'issue',
        after: { queueId: queue.id, source: ticket.source, priority: ticket.priority, phone: phone?.phoneMasked ?? null, idNumber: idNumber?.idMasked ?? null },
      },
    },
    stream: { ticketId: id, queueId: queue.id },
    poolQueueIds: config.hallQueues.filter((q) => poolKey(q) === poolKeyOf).map((q) => q.id),
    bounds: aheadBounds({ priority: classification.priority, queuedAt: classification.queuedAt }, now, settings.priority),
    sampleSize: settings.estimate.sampleSize,
    userId: ticketActor.kind === 'staff' ? ticketActor.userId : null,
  };

  const read: IssueRead | typeof REPLAY = await (!counted
    ? // Nothing to count under the number's lock: the statement draws it and is the whole transaction.
      writeIssue(deps, null, write)
    : deps.db.transaction(async (tx): Promise<IssueRead | typeof REPLAY> => {
        // A request sent again after its ticket was issued: answered that ticket, before
        // its quota or limits could refuse it (a retry at once collides on the key below).
        if (input.requestId && (await repo.findTicket(tx, input.requestId))) return REPLAY;
        // Mobile limits hold per centre and day across queues: one phone (or ID) at a time.
        if (request.source === 'mobile') {
          if (phone) await repo.lockDigest(tx, phone.phoneDigest);
          if (idNumber) await repo.lockDigest(tx, idNumber.idDigest);
        }
        const sequence = await repo.drawSequenceUpTo(tx, queue.id, day, TICKET_SEQUENCE_MAX);
        if (sequence === null) return spent(queue.prefix);
        const counts = {
          queueToday: countsTowardQuota(request.source) && queue.dailyQuota !== null ? await repo.countIssued(tx, queue.id, day, ['kiosk', 'mobile']) : 0,
          phoneToday: request.source === 'mobile' && phone ? await repo.countMobileBy(tx, centreId, day, 'phone', phone.phoneDigest) : 0,
          idNumberToday: request.source === 'mobile' && idNumber ? await repo.countMobileBy(tx, centreId, day, 'id', idNumber.idDigest) : 0,
        };
        const decision = decideIssue({ queue: issuingQueue(queue), centre, request, counts, limits: settings.issuing, now });
        if (!decision.ok) throw refusalError(decision.refusal);
        return writeIssue(deps, tx, write, sequence);
      })
  ).catch((err: unknown): typeof REPLAY => {
    // The same request id again: the insert collides on the ticket's key and rolls back with its number.
    if (input.requestId && uniqueViolation(err) !== undefined) return REPLAY;
    throw err;
  });
  if (read === REPLAY) {
    const earlier = await replayIssue(deps, input.requestId!, { centreId, queueId: input.queueId, itemId: input.itemId });
    if (!earlier) throw new AppError('TICKET_REQUEST_REUSED');
    return earlier;
  }
  const written = read.written ?? spent(queue.prefix);
  const row: repo.TicketRow = { ...NEW_TICKET_DEFAULTS, ...write.ticket, sequence: written.sequence, number: written.number };

  // The slip: people ahead in the pool (those ranking higher, and of those of equal rank the ones the tie rule puts first) and the estimate.
  const ranked = rankedOf(row);
  const tied = read.ties > 0 ? await tieRows(deps.db, write) : [];
  const ahead = read.aheadStrictly + tied.filter((t) => aheadOnTie({ ...ranked, ...t }, ranked)).length;
  const figures = waitFiguresWith(ranked, ahead, { queues: config.hallQueues, counters: read.counters, busyCounterIds: new Set(read.busyCounterIds), serviceSeconds: new Map([[queue.id, read.serviceSeconds]]) }, settings);
  return {
    ...ticketView({ ticket: row, queueName: written.queueName, queuePrefix: written.prefix, counterNumber: null, counterName: null }),
    peopleAhead: figures.peopleAhead,
    estimatedWaitMinutes: figures.minutes === null ? null : Math.ceil(figures.minutes),
    estimateText: figures.text,
    statusPath: `/portal/tickets/${id}`,
  };
}

/** The columns a new ticket leaves to their defaults, as its row reads back. */
const NEW_TICKET_DEFAULTS = {
  reservedCounterId: null,
  transferredFromId: null,
  counterId: null,
  clerkId: null,
  recallCount: 0,
  calledAt: null,
  startedAt: null,
  parkedAt: null,
  closedAt: null,
  outcome: null,
  note: null,
  nearNotifiedAt: null,
} as const;

/** TICKET_NUMBERS_EXHAUSTED: the queue-day has given out its last number (numbering.ts says how). */
function spent(prefix: string): never {
  formatTicketNumber(prefix, TICKET_SEQUENCE_MAX + 1);
  throw new AppError('TICKET_NUMBERS_EXHAUSTED');
}
