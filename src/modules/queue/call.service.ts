/**
 * Calling (DB36/T 2016 §7.1.6.2 综合窗口“抢单”, §5.1.5.1, §5.2.2.1): "call next" at a
 * counter takes the best waiting ticket it may take — for a comprehensive counter, the
 * best of the whole comprehensive pool. Who may take what is pool.ts, the order is
 * priority.ts `pickNext`, the move is ticket-states.ts `transition`; the database only
 * makes the claim stick: a conditional update (`… where status = 'waiting'`), retried
 * with the next best ticket when another counter won the race.
 */
import { nearTickets, queueFigures } from '../../domain/queue/hall.ts';
import { assertCanCall, counterView } from '../../domain/queue/pool.ts';
import { pickNext } from '../../domain/queue/priority.ts';
import { transition, type TicketActor } from '../../domain/queue/ticket-states.ts';
import { AppError } from '../../domain/shared/errors.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/auth/principal.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { findCounter } from '../organisation/counters/counter.repository.ts';
import { readHall, poolCounter } from './hall.ts';
import { signInAtCounter } from './hall.repository.ts';
import { sendNearNotices, type NearNotice } from './notify.ts';
import { calledEvent, publish } from './stream.ts';
import * as repo from './ticket.repository.ts';
import type { TicketView } from './ticket.schemas.ts';
import { counterCard, queueStat, stateColumns, ticketView } from './views.ts';

/** Claims lost to other counters before giving up (each loss means another counter took a ticket). */
const MAX_CLAIMS = 25;

/** The counter actor of a user signed in at `counterId` (COUNTER_NOT_SIGNED_IN otherwise). */
export async function counterActor(deps: AppDeps, counterId: string, userId: string): Promise<Extract<TicketActor, { kind: 'counter' }>> {
  const signIn = await signInAtCounter(deps.db, counterId);
  if (!signIn || signIn.userId !== userId) {
    throw new AppError('COUNTER_NOT_SIGNED_IN', { message: '请先登录该窗口再叫号（DB36/T 2016 §6.4.2：窗口屏显示在岗人员）', details: { counterId } });
  }
  return { kind: 'counter', counterId, clerkId: signIn.staffId };
}

/**
 * "Call next" at a counter: the ticket called, or null when nobody waits for it. Each
 * claim is stored with counter and clerk (the `called` event), audited, and announced
 * (`ticket.called` with the sentence to speak, `counter.status`, `queue.stats`).
 */
export async function callNext(deps: AppDeps, actor: Actor, counterId: string, userId: string): Promise<TicketView | null> {
  const now = deps.clock();
  const ticketActor = await counterActor(deps, counterId, userId);
  const outcome = await deps.db.transaction(async (tx) => {
    const found = await findCounter(tx, counterId);
    if (!found || found.retiredAt) throw new AppError('COUNTER_NOT_FOUND');
    const snapshot = await readHall(tx, found.centreId, now);
    const counterRow = snapshot.counterById.get(counterId);
    if (!counterRow) throw new AppError('COUNTER_NOT_FOUND');
    const counter = poolCounter(counterRow);
    // §5.1.5.1: a paused, away or closed counter does not call.
    assertCanCall(counter);
    const view = counterView(counter, snapshot.hall.queues);
    const { settings } = snapshot;
    const lost = new Set<string>();
    for (let attempt = 0; attempt < MAX_CLAIMS; attempt++) {
      const candidates = snapshot.waiting.filter((t) => !lost.has(t.id));
      const best = pickNext(candidates, now, settings.priority, view);
      if (!best) return null;
      const { ticket, event } = transition(best, { type: 'call' }, { now, actor: ticketActor, recallLimit: settings.recallLimit });
      const claimed = await repo.claimWaiting(tx, best.id, stateColumns(ticket));
      if (!claimed) {
        lost.add(best.id);
        continue;
      }
      const centreId = claimed.centreId;
      await repo.insertEvent(tx, centreId, claimed.queueId, event);
      await writeAudit(tx, actor, now, {
        centreId,
        entity: 'ticket',
        entityId: claimed.id,
        action: 'call',
        before: { status: best.status },
        after: { status: claimed.status, number: claimed.number, counterId, clerkId: ticketActor.clerkId },
      });
      // The hall after the call, for the displays and the "your turn is near" notices.
      const rest = snapshot.waiting.filter((t) => t.id !== claimed.id);
      const hall = { ...snapshot.hall, waiting: rest, busyCounterIds: new Set([...snapshot.hall.busyCounterIds, counterId]) };
      const queue = snapshot.queueById.get(claimed.queueId)!;
      const figures = queueFigures(hall, now, settings).filter((f) => f.queueId === claimed.queueId || view.queueWeights.has(f.queueId));
      const candidatesForNotice = new Set(rest.filter((t) => t.hasPhone && !t.nearNotified).map((t) => t.id));
      const near = await repo.claimNearNotices(tx, nearTickets(hall, candidatesForNotice, settings.notify.nearPlace, now, settings), now);
      await publish(deps, tx, centreId, [
        { type: 'ticket.called', data: calledEvent({ ticket: claimed, queueName: queue.name, counter: counterRow, settings, at: now }) },
        { type: 'counter.status', data: counterCard({ ...counterRow, currentNumber: claimed.number }) },
        { type: 'queue.stats', data: { queues: figures.map((f) => queueStat(snapshot.queueById.get(f.queueId)!, f)) } },
      ]);
      const notices: NearNotice[] = near.map((n) => ({ ...n, queueName: snapshot.queueById.get(n.queueId)?.name ?? '' }));
      return { id: claimed.id, notices };
    }
    // Every candidate went to other counters in the meantime: the caller may simply call again.
    return null;
  });
  if (!outcome) return null;
  await sendNearNotices(deps, outcome.notices);
  const row = await repo.findTicketWithNames(deps.db, outcome.id);
  return ticketView(row!);
}
