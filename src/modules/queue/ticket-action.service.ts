/**
 * What a counter (or a manager) does with a ticket after the call: recall, no-show,
 * start, finish with an outcome, transfer, park, requeue, resume, cancel (DB36/T 2016
 * §7.1.5 办理秩序; issue 4 "Counter actions"). Every move goes through the ONE
 * transition table (domain/queue/ticket-states.ts), under the ticket's row lock, and is
 * stored as an event with time, counter and clerk and audited in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import { queueFigures } from '../../domain/queue/hall.ts';
import { formatTicketNumber } from '../../domain/queue/numbering.ts';
import { issueTicket, TICKET_TRANSITIONS, transition, type TicketAction, type TicketActor, type TicketState } from '../../domain/queue/ticket-states.ts';
import { AppError, referenceError } from '../../domain/shared/errors.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/auth/principal.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { findCounter } from '../organisation/counters/counter.repository.ts';
import { readHall, readSettingsOf } from './hall.ts';
import { hallCounter, signInOfUser } from './hall.repository.ts';
import * as queues from './queue.repository.ts';
import { calledEvent, publish, type StreamEvent } from './stream.ts';
import * as repo from './ticket.repository.ts';
import type { ActionBodies, ActionName, ActionResult, TicketDetail } from './ticket.schemas.ts';
import { counterCard, queueStat, stateColumns, ticketState, ticketView } from './views.ts';
import type { Static } from 'typebox';

type Body<A extends ActionName> = Static<(typeof ActionBodies)[A]>;
export type ActionInput = { [A in ActionName]: { readonly name: A; readonly body: Body<A> } }[ActionName];

/** The centre of a ticket, for access control of `/tickets/:id`. */
export async function ticketCentre(deps: AppDeps, id: string): Promise<{ centreId: string } | undefined> {
  const row = await repo.findTicket(deps.db, id);
  return row && { centreId: row.centreId };
}

/** The domain's action for an HTTP action and its body. */
function domainAction(input: ActionInput, target: { queueId: string; counterId: string | null } | null): TicketAction {
  switch (input.name) {
    case 'recall':
      return { type: 'recall' };
    case 'no-show':
      return { type: 'no_show' };
    case 'start':
      return { type: 'start' };
    case 'finish':
      return { type: 'finish', outcome: input.body.outcome, note: input.body.note ?? null };
    case 'transfer':
      return { type: 'transfer', target: target!, keepPriority: input.body.keepPriority, note: input.body.note ?? null };
    case 'park':
      return { type: 'park', reason: input.body.note ?? null };
    case 'requeue':
      return { type: 'requeue' };
    case 'resume':
      return { type: 'resume' };
    case 'cancel':
      return { type: 'cancel', reason: input.body.reason ?? null };
  }
}

/**
 * Who acts: the clerk signed in at a counter of the ticket's centre acts as that counter;
 * anyone else (a manager) as staff, for the moves the table allows staff (requeue, cancel).
 */
async function actorFor(deps: AppDeps, userId: string, centreId: string, action: TicketAction['type']): Promise<TicketActor> {
  const signIn = await signInOfUser(deps.db, userId);
  if (signIn && signIn.centreId === centreId) return { kind: 'counter', counterId: signIn.counterId, clerkId: signIn.staffId };
  if (!TICKET_TRANSITIONS[action].actors.includes('staff')) {
    throw new AppError('COUNTER_NOT_SIGNED_IN', { message: '请先登录本中心的一个窗口再操作该号' });
  }
  return { kind: 'staff', userId };
}

async function transferTarget(tx: Tx, ticket: repo.TicketRow, body: Body<'transfer'>): Promise<{ queueId: string; counterId: string | null }> {
  if (body.queueId) {
    const q = await queues.findQueue(tx, body.queueId);
    if (!q || q.centreId !== ticket.centreId || q.retiredAt) throw referenceError('QUEUE_NOT_FOUND', '/queueId', '转入的队列不存在或已停用');
  }
  if (body.counterId) {
    const c = await findCounter(tx, body.counterId);
    if (!c || c.centreId !== ticket.centreId || c.retiredAt) throw referenceError('COUNTER_NOT_FOUND', '/counterId', '转入的窗口不存在或不属于本中心');
  }
  // To a counter only: the ticket stays in its queue, reserved to that counter.
  return { queueId: body.queueId ?? (body.counterId ? ticket.queueId : ''), counterId: body.counterId ?? null };
}

/** Applies one action of a signed-in user (a counter's clerk, or a manager) to a ticket; see the module comment. */
export async function act(deps: AppDeps, actor: Actor, userId: string, ticketId: string, input: ActionInput): Promise<ActionResult> {
  const found = await repo.findTicket(deps.db, ticketId);
  if (!found) throw new AppError('TICKET_NOT_FOUND');
  const probe = domainAction(input, { queueId: found.queueId, counterId: null });
  return applyAction(deps, actor, await actorFor(deps, userId, found.centreId, probe.type), ticketId, input);
}

/** The citizen gives up their own ticket (the mobile status page; the ticket id is the secret). */
export async function cancelByCitizen(deps: AppDeps, actor: Actor, ticketId: string): Promise<ActionResult> {
  return applyAction(deps, actor, { kind: 'citizen' }, ticketId, { name: 'cancel', body: { reason: '群众自行取消' } });
}

async function applyAction(deps: AppDeps, actor: Actor, ticketActor: TicketActor, ticketId: string, input: ActionInput): Promise<ActionResult> {
  const now = deps.clock();
  const result = await deps.db.transaction(async (tx) => {
    const before = await repo.lockTicket(tx, ticketId);
    if (!before) throw new AppError('TICKET_NOT_FOUND');
    const settings = await readSettingsOf(tx, before.centreId);
    const target = input.name === 'transfer' ? await transferTarget(tx, before, input.body) : null;
    const action = domainAction(input, target);
    const moved = transition(ticketState(before), action, { now, actor: ticketActor, recallLimit: settings.recallLimit });
    const note = 'note' in action ? action.note : 'reason' in action ? action.reason : undefined;
    const after = await repo.updateTicket(tx, ticketId, { ...stateColumns(moved.ticket), ...(note ? { note } : {}) });
    await repo.insertEvent(tx, after.centreId, after.queueId, moved.event);

    let spawned: repo.TicketRow | null = null;
    if (moved.spawn) spawned = await spawnTransfer(tx, after, moved.spawn, ticketActor, now);
    await writeAudit(tx, actor, now, {
      centreId: after.centreId,
      entity: 'ticket',
      entityId: ticketId,
      action: action.type,
      before: { status: before.status, counterId: before.counterId },
      after: { status: after.status, counterId: after.counterId, outcome: after.outcome, note: note ?? null, newTicketId: spawned?.id ?? null },
    });

    const events: StreamEvent[] = [];
    const counterId = ticketActor.kind === 'counter' ? ticketActor.counterId : before.counterId;
    const counter = counterId ? await hallCounter(tx, counterId) : undefined;
    const queue = (await queues.findQueue(tx, after.queueId))!;
    if (action.type === 'recall' && counter) {
      events.push({ type: 'ticket.called', data: calledEvent({ ticket: after, queueName: queue.name, counter, settings, at: now }) });
    }
    if (after.closedAt && !before.closedAt) {
      events.push({ type: 'ticket.finished', data: { ticketId, number: after.number, counterId: after.counterId, status: after.status as TicketState['status'], outcome: after.outcome as TicketState['outcome'] } });
    }
    if (spawned) {
      const targetQueue = (await queues.findQueue(tx, spawned.queueId))!;
      events.push({
        type: 'ticket.issued',
        data: { ticketId: spawned.id, number: spawned.number, queueId: spawned.queueId, queueName: targetQueue.name, waiting: await repo.countWaiting(tx, spawned.queueId, spawned.serviceDay) },
      });
    }
    // Waiting lines changed: the displays' figures of the queues concerned.
    if (spawned || after.status === 'waiting' || before.status === 'waiting') {
      const snapshot = await readHall(tx, after.centreId, now);
      const concerned = new Set([after.queueId, spawned?.queueId]);
      const figures = queueFigures(snapshot.hall, now, snapshot.settings).filter((f) => concerned.has(f.queueId));
      events.push({ type: 'queue.stats', data: { queues: figures.map((f) => queueStat(snapshot.queueById.get(f.queueId)!, f)) } });
    }
    if (counter) events.push({ type: 'counter.status', data: counterCard(counter) });
    await publish(deps, tx, after.centreId, events);
    return { id: after.id, spawnedId: spawned?.id ?? null };
  });

  const view = ticketView((await repo.findTicketWithNames(deps.db, result.id))!);
  if (!result.spawnedId) return view;
  return { ...view, newTicket: ticketView((await repo.findTicketWithNames(deps.db, result.spawnedId))!) };
}

/** A transfer's new waiting ticket in the target queue, with a number of its own (ticket-states.ts `TransferSpawn`). */
async function spawnTransfer(
  tx: Tx,
  from: repo.TicketRow,
  spawn: NonNullable<ReturnType<typeof transition>['spawn']>,
  actor: TicketActor,
  now: Date,
): Promise<repo.TicketRow> {
  const queue = (await queues.findQueue(tx, spawn.queueId))!;
  const sequence = await repo.drawSequence(tx, queue.id, from.serviceDay);
  const { ticket, event } = issueTicket(
    {
      id: randomUUID(),
      queueId: queue.id,
      number: formatTicketNumber(queue.prefix, sequence),
      source: 'transfer',
      priority: spawn.priority,
      issuedAt: now,
      queuedAt: spawn.queuedAt,
      reservedCounterId: spawn.reservedCounterId,
      transferredFromId: spawn.transferredFromId,
    },
    actor,
  );
  const row = await repo.insertTicket(tx, {
    id: ticket.id,
    centreId: from.centreId,
    queueId: queue.id,
    serviceDay: from.serviceDay,
    sequence,
    number: ticket.number,
    status: ticket.status,
    priority: ticket.priority,
    elderly: from.elderly,
    source: ticket.source,
    itemId: from.itemId,
    appointmentId: from.appointmentId,
    issuedAt: ticket.issuedAt,
    queuedAt: ticket.queuedAt,
    reservedCounterId: ticket.reservedCounterId,
    transferredFromId: ticket.transferredFromId,
    note: spawn.note,
    phoneCipher: from.phoneCipher,
    phoneDigest: from.phoneDigest,
    phoneMasked: from.phoneMasked,
    idDigest: from.idDigest,
    idMasked: from.idMasked,
  });
  await repo.insertEvent(tx, from.centreId, queue.id, event);
  return row;
}

/** A ticket with its events (staff). */
export async function getTicket(deps: AppDeps, id: string): Promise<TicketDetail> {
  const row = await repo.findTicketWithNames(deps.db, id);
  if (!row) throw new AppError('TICKET_NOT_FOUND');
  const events = await repo.eventsOf(deps.db, id);
  return {
    ...ticketView(row),
    events: events.map((e) => ({ type: e.type, at: e.at.toISOString(), counterNumber: e.counterNumber, clerk: e.clerk, data: e.data })),
  };
}
