/**
 * Tidal counters (DB36/T 2016 §6.4.7 依据需要预留潮汐窗口). A job evaluates each centre's
 * thresholds every 30 seconds with domain/queue/tidal.ts and raises `tidal.alert` for the
 * managers (one alert per swell, cleared after a calm period); a manager opens the
 * suggested counter for the queue (pool.ts then lets it draw from that queue) and closes
 * it when the queue has gone down.
 *
 * With several server processes each runs the job: the evaluation of a centre takes the
 * row lock of its settings and skips when another process evaluated it moments ago, so
 * an alert is raised once.
 */
import { asc, eq } from 'drizzle-orm';
import { queueFigures } from '../../domain/queue/hall.ts';
import { closeTidalCounter, evaluateTidal, openTidalCounter, type TidalCounter, type TidalEvent, type TidalQueueState } from '../../domain/queue/tidal.ts';
import { AppError, referenceError } from '../../domain/shared/errors.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { SYSTEM_ACTOR, type Actor } from '../../platform/auth/principal.ts';
import type { Queryable } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { Job } from '../../platform/jobs/jobs.ts';
import { counters } from '../organisation/schema.ts';
import { lockCounter, touchCounterList, updateCounter } from '../organisation/counters/counter.repository.ts';
import type { HallCounterRow } from './hall.repository.ts';
import { signInAtCounter } from './hall.repository.ts';
import { readHall } from './hall.ts';
import * as queues from './queue.repository.ts';
import { queueSettings, queues as queueTable, tidalOpenings, counterSignIns } from './schema.ts';
import { counterStatusEvent } from './sign-in.service.ts';
import { publish, type StreamEvent } from './stream.ts';
import { ticketsHeldBy } from './ticket.repository.ts';
import { queueStat } from './views.ts';
import { staffingChanged } from '../organisation/staffing.events.ts';

export const TIDAL_EVERY_MS = 30_000;
/** A centre evaluated less than this long ago (by any process) is skipped. */
const MIN_GAP_MS = 25_000;

function tidalCounter(c: Pick<HallCounterRow, 'id' | 'number' | 'kind' | 'status' | 'tidalQueueId'>): TidalCounter {
  return { counterId: c.id, number: c.number, kind: c.kind, status: c.status, assignedQueueId: c.tidalQueueId };
}

/** One centre's evaluation; returns the events it published. */
export async function evaluateCentre(deps: AppDeps, centreId: string): Promise<number> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    await tx.insert(queueSettings).values({ centreId, settings: {} }).onConflictDoNothing();
    const [lock] = await tx.select({ at: queueSettings.tidalEvaluatedAt }).from(queueSettings).where(eq(queueSettings.centreId, centreId)).for('update');
    if (lock?.at && now.getTime() - lock.at.getTime() < MIN_GAP_MS && now.getTime() >= lock.at.getTime()) return 0;
    await tx.update(queueSettings).set({ tidalEvaluatedAt: now }).where(eq(queueSettings.centreId, centreId));

    const snapshot = await readHall(tx, centreId, now);
    const figures = queueFigures(snapshot.hall, now, snapshot.settings);
    const loads = figures.map((f) => ({ queueId: f.queueId, queueName: snapshot.queueById.get(f.queueId)!.name, waiting: f.waiting, longestWaitMinutes: f.longestWaitMinutes }));
    const tidal = snapshot.rows.counters.filter((c) => c.kind === 'tidal');
    const named = new Set<string>();
    const events: StreamEvent[] = [];
    for (const q of snapshot.rows.queues) {
      if (q.tidalOpenAtWaiting === null && q.tidalOpenAtLongestWait === null) continue;
      // The queue's own list of tidal counters (else any), less those another alert of this run named.
      const mine = tidal.filter((c) => (q.tidalCounterIds.length === 0 || q.tidalCounterIds.includes(c.id)) && !named.has(c.id));
      const state: TidalQueueState = { queueId: q.id, raisedAt: q.tidalRaisedAt, calmSince: q.tidalCalmSince };
      const result = evaluateTidal({
        states: [state],
        loads,
        thresholds: [{ queueId: q.id, openAtWaiting: q.tidalOpenAtWaiting, openAtLongestWaitMinutes: q.tidalOpenAtLongestWait }],
        counters: [...mine, ...tidal.filter((c) => c.tidalQueueId === q.id && !mine.includes(c))].map(tidalCounter),
        now,
        settings: snapshot.settings.tidal,
      });
      const next = result.states[0]!;
      if (next.raisedAt?.getTime() !== state.raisedAt?.getTime() || next.calmSince?.getTime() !== state.calmSince?.getTime()) {
        await queues.updateQueue(tx, q.id, { tidalRaisedAt: next.raisedAt, tidalCalmSince: next.calmSince });
      }
      for (const e of result.events) events.push(...alertEvents(e, q.name, snapshot.counterById));
      for (const e of result.events) if (e.type === 'tidal.alert' && e.counterId) named.add(e.counterId);
      if (result.events.length > 0) {
        await writeAudit(tx, SYSTEM_ACTOR, now, { centreId, entity: 'queue', entityId: q.id, action: result.events[0]!.type, after: result.events });
      }
    }
    // The displays' figures age with the clock: refreshed while anyone waits.
    if (figures.some((f) => f.waiting > 0)) events.push({ type: 'queue.stats', data: { queues: figures.map((f) => queueStat(snapshot.queueById.get(f.queueId)!, f)) } });
    await publish(deps, tx, centreId, events);
    return events.length;
  });
}

function alertEvents(e: TidalEvent, queueName: string, counters: ReadonlyMap<string, HallCounterRow>): StreamEvent[] {
  if (e.type === 'tidal.alert') {
    return [
      {
        type: 'tidal.alert',
        data: { queueId: e.queueId, queueName, counterId: e.counterId, counterNumber: e.counterId ? (counters.get(e.counterId)?.number ?? null) : null, action: 'open', trigger: e.reason, reason: e.message },
      },
    ];
  }
  const ids = e.counterIds.length > 0 ? e.counterIds : [null];
  return ids.map((id) => ({
    type: 'tidal.alert' as const,
    data: { queueId: e.queueId, queueName, counterId: id, counterNumber: id ? (counters.get(id)?.number ?? null) : null, action: 'close' as const, trigger: null, reason: e.message },
  }));
}

/** Every centre with queues (the job). */
export async function evaluateAllCentres(deps: AppDeps): Promise<number> {
  let events = 0;
  for (const centreId of await queues.centresWithQueues(deps.db)) events += await evaluateCentre(deps, centreId);
  return events;
}

export const tidalJob: Job = { name: 'queue.tidal', everyMs: TIDAL_EVERY_MS, run: evaluateAllCentres };

export interface TidalOpening {
  readonly counterId: string;
  readonly counterNumber: string;
  readonly queueId: string | null;
  readonly queueName: string | null;
}

async function openingOf(q: Queryable, counterId: string): Promise<string | null> {
  const [row] = await q.select({ queueId: tidalOpenings.queueId }).from(tidalOpenings).where(eq(tidalOpenings.counterId, counterId));
  return row?.queueId ?? null;
}

/** §6.4.7: the centre's tidal counters open now, each with the queue it serves (the managers' live panel reads them on load). */
export async function listTidalOpenings(deps: AppDeps, centreId: string): Promise<TidalOpening[]> {
  return deps.db
    .select({ counterId: tidalOpenings.counterId, counterNumber: counters.number, queueId: tidalOpenings.queueId, queueName: queueTable.name })
    .from(tidalOpenings)
    .innerJoin(counters, eq(counters.id, tidalOpenings.counterId))
    .innerJoin(queueTable, eq(queueTable.id, tidalOpenings.queueId))
    .where(eq(tidalOpenings.centreId, centreId))
    .orderBy(asc(counters.number));
}

/** §6.4.7: opens a tidal counter for a queue (the manager's answer to an alert). */
export async function openTidal(deps: AppDeps, actor: Actor, counterId: string, queueId: string): Promise<TidalOpening> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const counter = await lockCounter(tx, counterId);
    if (!counter || counter.retiredAt) throw new AppError('COUNTER_NOT_FOUND');
    const queue = await queues.findQueue(tx, queueId);
    if (!queue || queue.centreId !== counter.centreId || queue.retiredAt) throw referenceError('QUEUE_NOT_FOUND', '/queueId');
    const current = await openingOf(tx, counterId);
    const opened = openTidalCounter({ counterId, number: counter.number, kind: counter.kind as TidalCounter['kind'], status: counter.serviceStatus as TidalCounter['status'], assignedQueueId: current }, queueId);
    if (current === null) {
      await tx.insert(tidalOpenings).values({ counterId, queueId: opened.assignedQueueId!, centreId: counter.centreId, openedAt: now });
      await writeAudit(tx, actor, now, { centreId: counter.centreId, entity: 'counter', entityId: counterId, action: 'tidal.open', after: { queueId } });
      await touchCounterList(tx, counter.centreId);
      const event = await counterStatusEvent(tx, counterId);
      await publish(deps, tx, counter.centreId, event ? [event] : []);
    }
    return { counterId, counterNumber: counter.number, queueId, queueName: queue.name };
  });
}

/** §6.4.7: closes a tidal counter: back to the reserve, closed, its clerk signed out; refused while it holds a ticket. */
export async function closeTidal(deps: AppDeps, actor: Actor, counterId: string): Promise<TidalOpening> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const counter = await lockCounter(tx, counterId);
    if (!counter || counter.retiredAt) throw new AppError('COUNTER_NOT_FOUND');
    const current = await openingOf(tx, counterId);
    const closed = closeTidalCounter({ counterId, number: counter.number, kind: counter.kind as TidalCounter['kind'], status: counter.serviceStatus as TidalCounter['status'], assignedQueueId: current });
    const held = await ticketsHeldBy(tx, counterId, ['called', 'serving']);
    if (held.length > 0) throw new AppError('COUNTER_HOLDS_TICKET', { details: { tickets: held.map((h) => h.ticket.id) } });
    await tx.delete(tidalOpenings).where(eq(tidalOpenings.counterId, counterId));
    const signIn = await signInAtCounter(tx, counterId);
    if (signIn) {
      await tx.update(counterSignIns).set({ signedOutAt: now }).where(eq(counterSignIns.id, signIn.id));
      await staffingChanged(deps, tx, counter.centreId);
    }
    await updateCounter(tx, counterId, { serviceStatus: closed.status, awayReason: null, expectedReturnAt: null, updatedAt: now });
    await touchCounterList(tx, counter.centreId);
    await writeAudit(tx, actor, now, { centreId: counter.centreId, entity: 'counter', entityId: counterId, action: 'tidal.close', before: { queueId: current, serviceStatus: counter.serviceStatus }, after: { queueId: null, serviceStatus: closed.status, signedOut: signIn?.id ?? null } });
    const event = await counterStatusEvent(tx, counterId);
    await publish(deps, tx, counter.centreId, event ? [event] : []);
    return { counterId, counterNumber: counter.number, queueId: null, queueName: null };
  });
}
