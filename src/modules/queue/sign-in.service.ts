/**
 * Signing in and out of a counter (DB36/T 2016 §6.4.2: the counter screen shows the
 * clerk's photo, name, title and work number; §5.1.5.1: the counter's status board).
 * Signing in sets the counter serving; signing out closes it. One clerk per counter and
 * one counter per clerk (partial unique indexes): signing in elsewhere leaves the old
 * counter, signing in where someone else forgot to sign out takes it over, both audited.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { applyCounterStatus } from '../../domain/organisation/counter-rules.ts';
import type { CounterStatus } from '../../domain/organisation/types.ts';
import { AppError } from '../../domain/shared/errors.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/auth/principal.ts';
import type { Queryable, Tx } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { lockCounter, touchCounterList, updateCounter } from '../organisation/counters/counter.repository.ts';
import { findActiveStaffByUser } from '../organisation/staff/staff.repository.ts';
import type { CounterCard } from './display.schemas.ts';
import { hallCounter, signInAtCounter, signInOfUser } from './hall.repository.ts';
import { counters } from '../organisation/schema.ts';
import { counterSignIns } from './schema.ts';
import { publish, type StreamEvent } from './stream.ts';
import { ticketsHeldBy } from './ticket.repository.ts';
import { counterCard } from './views.ts';
import { staffingChanged } from '../organisation/staffing.events.ts';

async function endSignIn(tx: Queryable, id: string, now: Date): Promise<void> {
  await tx
    .update(counterSignIns)
    .set({ signedOutAt: now })
    .where(and(eq(counterSignIns.id, id), isNull(counterSignIns.signedOutAt)));
}

async function assertHoldsNothing(tx: Queryable, counterId: string, number: string): Promise<void> {
  const held = await ticketsHeldBy(tx, counterId, ['called', 'serving']);
  if (held.length > 0) {
    throw new AppError('COUNTER_HOLDS_TICKET', {
      message: `${number} 号窗口仍有${held.map((h) => ` ${h.ticket.number} 号`).join('、')}已叫号或在办理中，请先办结、转移或挂起`,
      details: { counterId, tickets: held.map((h) => h.ticket.id) },
    });
  }
}

async function setStatus(tx: Tx, actor: Actor, counterId: string, centreId: string, before: CounterStatus, status: CounterStatus, now: Date, reason: string): Promise<void> {
  const next = applyCounterStatus({ status }, now);
  await updateCounter(tx, counterId, { serviceStatus: next.status, awayReason: next.awayReason, expectedReturnAt: next.expectedReturnAt, updatedAt: now });
  await touchCounterList(tx, centreId);
  await writeAudit(tx, actor, now, { centreId, entity: 'counter', entityId: counterId, action: 'status', before: { serviceStatus: before }, after: { serviceStatus: next.status, reason } });
}

/**
 * In the transaction retiring a counter (organisation's counter.service.ts): the clerk
 * signed in there is signed out, audited; refused while the counter holds a called or
 * serving ticket (it must be finished, transferred or parked first).
 */
export async function signOutRetiredCounter(tx: Tx, actor: Actor, counterId: string, centreId: string, now: Date): Promise<void> {
  const current = await signInAtCounter(tx, counterId);
  if (!current) return;
  const [counter] = await tx.select({ number: counters.number }).from(counters).where(eq(counters.id, counterId));
  await assertHoldsNothing(tx, counterId, counter?.number ?? '');
  await endSignIn(tx, current.id, now);
  await writeAudit(tx, actor, now, { centreId, entity: 'counter_sign_in', entityId: current.id, action: 'sign-out', after: { counterId, staffId: current.staffId, reason: 'counter retired' } });
}

/** The `counter.status` event of a counter as it is now in the transaction. */
export async function counterStatusEvent(tx: Queryable, counterId: string): Promise<StreamEvent | null> {
  const row = await hallCounter(tx, counterId);
  return row ? { type: 'counter.status', data: counterCard(row) } : null;
}

/** Signs the user in at the counter (it then serves); answers the counter's card. */
export async function signIn(deps: AppDeps, actor: Actor, userId: string, counterId: string): Promise<CounterCard> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const counter = await lockCounter(tx, counterId);
    if (!counter) throw new AppError('COUNTER_NOT_FOUND');
    if (counter.retiredAt) throw new AppError('ENTITY_RETIRED');
    const person = await findActiveStaffByUser(tx, userId, null);
    if (!person || person.centreId !== counter.centreId) throw new AppError('STAFF_RECORD_REQUIRED', { message: '您的账号未关联本中心在岗工作人员信息，不能登录窗口（DB36/T 2016 §6.4.2：窗口屏须显示工作人员照片、姓名、职务和工号）' });
    const touched = new Set<string>([counterId]);

    const mine = await signInOfUser(tx, userId);
    if (mine && mine.counterId !== counterId) {
      // Moving to another counter: the old one must hold nothing, and closes.
      const old = await lockCounter(tx, mine.counterId);
      await assertHoldsNothing(tx, mine.counterId, old!.number);
      await endSignIn(tx, mine.id, now);
      await setStatus(tx, actor, mine.counterId, old!.centreId, old!.serviceStatus as CounterStatus, 'closed', now, 'sign-in elsewhere');
      await writeAudit(tx, actor, now, { centreId: old!.centreId, entity: 'counter_sign_in', entityId: mine.id, action: 'sign-out', after: { counterId: mine.counterId, reason: 'sign-in elsewhere' } });
      touched.add(mine.counterId);
    }
    const current = await signInAtCounter(tx, counterId);
    if (current && current.userId !== userId) {
      await endSignIn(tx, current.id, now);
      await writeAudit(tx, actor, now, { centreId: counter.centreId, entity: 'counter_sign_in', entityId: current.id, action: 'sign-out', after: { counterId, staffId: current.staffId, reason: 'taken over' } });
    }
    if (!current || current.userId !== userId) {
      const id = randomUUID();
      await tx.insert(counterSignIns).values({ id, centreId: counter.centreId, counterId, staffId: person.id, userId, signedInAt: now });
      await writeAudit(tx, actor, now, { centreId: counter.centreId, entity: 'counter_sign_in', entityId: id, action: 'sign-in', after: { counterId, staffId: person.id } });
    }
    if (counter.serviceStatus !== 'serving') await setStatus(tx, actor, counterId, counter.centreId, counter.serviceStatus as CounterStatus, 'serving', now, 'sign-in');
    await staffingChanged(deps, tx, counter.centreId);
    const events: StreamEvent[] = [];
    for (const id of touched) {
      const e = await counterStatusEvent(tx, id);
      if (e) events.push(e);
    }
    await publish(deps, tx, counter.centreId, events);
    return (events[0]!.data as CounterCard);
  });
}

/**
 * Signs the clerk out (the counter closes). The clerk signed in, or a manager
 * (`mayManage`), may do it; refused while the counter holds a called or serving ticket.
 */
export async function signOut(deps: AppDeps, actor: Actor, userId: string, counterId: string, mayManage: boolean): Promise<CounterCard> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const counter = await lockCounter(tx, counterId);
    if (!counter) throw new AppError('COUNTER_NOT_FOUND');
    const current = await signInAtCounter(tx, counterId);
    if (!current || (current.userId !== userId && !mayManage)) throw new AppError('COUNTER_NOT_SIGNED_IN', { message: '您未登录该窗口' });
    await assertHoldsNothing(tx, counterId, counter.number);
    await endSignIn(tx, current.id, now);
    await writeAudit(tx, actor, now, { centreId: counter.centreId, entity: 'counter_sign_in', entityId: current.id, action: 'sign-out', after: { counterId, staffId: current.staffId } });
    if (counter.serviceStatus !== 'closed') await setStatus(tx, actor, counterId, counter.centreId, counter.serviceStatus as CounterStatus, 'closed', now, 'sign-out');
    await staffingChanged(deps, tx, counter.centreId);
    const event = (await counterStatusEvent(tx, counterId))!;
    await publish(deps, tx, counter.centreId, [event]);
    return event.data as CounterCard;
  });
}
