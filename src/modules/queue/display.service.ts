/**
 * What the screens read (DB36/T 2016 §5.2.2 显示屏, §6.4.2 窗口显示屏, §6.4.5, §5.1.5.1):
 * the hall display (latest calls, waiting per queue, the notice, every counter's card),
 * a counter screen, and the counter workstation's bench. After the first read, screens
 * follow the live stream (stream.ts); these answers are also how they recover.
 */
import { and, desc, eq, gte, inArray } from 'drizzle-orm';
import { shanghaiDayAndMinute, shanghaiInstant } from '../../domain/calendar/dates.ts';
import { queueFigures } from '../../domain/queue/hall.ts';
import { COUNTER_STATUS_LABELS } from '../../domain/organisation/types.ts';
import { counterView } from '../../domain/queue/pool.ts';
import { orderForCounter } from '../../domain/queue/priority.ts';
import { AppError } from '../../domain/shared/errors.ts';
import type { Queryable } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { findCentre } from '../organisation/centres/centre.repository.ts';
import { counters } from '../organisation/schema.ts';
import type { CalledEvent, CounterCard, DisplayView, Workbench } from './display.schemas.ts';
import { poolCounter, readHall } from './hall.ts';
import { hallCounter, signInAtCounter } from './hall.repository.ts';
import { queues, ticketEvents, tickets } from './schema.ts';
import { calledEvent } from './stream.ts';
import * as repo from './ticket.repository.ts';
import { counterCard, queueStat, staffCard, ticketView } from './views.ts';
import type { QueueSettings } from '../../domain/queue/settings.ts';

/** The start of the Shanghai service day of `now`. */
export function startOfDay(now: Date): Date {
  return shanghaiInstant(shanghaiDayAndMinute(now).epochDay, 0);
}

const LATEST_CALLS = 10;

/** The centre's latest calls and recalls of the day, latest first, as `ticket.called` sent them. */
async function latestCalls(q: Queryable, centreId: string, now: Date, settings: QueueSettings): Promise<CalledEvent[]> {
  const rows = await q
    .select({
      at: ticketEvents.at,
      recall: ticketEvents.data,
      type: ticketEvents.type,
      ticket: { id: tickets.id, number: tickets.number, queueId: tickets.queueId, elderly: tickets.elderly },
      queueName: queues.name,
      counter: { id: counters.id, number: counters.number, name: counters.name },
    })
    .from(ticketEvents)
    .innerJoin(tickets, eq(tickets.id, ticketEvents.ticketId))
    .innerJoin(queues, eq(queues.id, ticketEvents.queueId))
    .innerJoin(counters, eq(counters.id, ticketEvents.counterId))
    .where(and(eq(ticketEvents.centreId, centreId), inArray(ticketEvents.type, ['called', 'recalled']), gte(ticketEvents.at, startOfDay(now))))
    .orderBy(desc(ticketEvents.id))
    .limit(LATEST_CALLS);
  return rows.map((r) =>
    calledEvent({
      ticket: { ...r.ticket, recallCount: r.type === 'recalled' ? Number((r.recall as { recall?: number }).recall ?? 1) : 0 },
      queueName: r.queueName,
      counter: r.counter,
      settings,
      at: r.at,
    }),
  );
}

/** §5.2.2 the hall display: latest calls, waiting per queue, the scrolling notice, every counter. */
export async function hallDisplay(deps: AppDeps, centreId: string): Promise<DisplayView> {
  const now = deps.clock();
  const centre = await findCentre(deps.db, centreId);
  if (!centre) throw new AppError('CENTRE_NOT_FOUND');
  const snapshot = await readHall(deps.db, centreId, now);
  return {
    centre: { id: centre.id, name: centre.name },
    notice: snapshot.settings.display.notice,
    calls: await latestCalls(deps.db, centreId, now, snapshot.settings),
    queues: queueFigures(snapshot.hall, now, snapshot.settings).map((f) => queueStat(snapshot.queueById.get(f.queueId)!, f)),
    counters: snapshot.rows.counters.map(counterCard),
  };
}

/** §6.4.2, §6.4.5: one counter's screen. */
export async function counterScreen(deps: AppDeps, counterId: string): Promise<CounterCard> {
  const row = await hallCounter(deps.db, counterId);
  if (!row) throw new AppError('COUNTER_NOT_FOUND');
  return counterCard(row);
}

const WAITING_LIST_MAX = 100;

/** The counter workstation: its card, the ticket in hand, parked ones, what waits for it (best first), today's figures. */
export async function workbench(deps: AppDeps, counterId: string, userId: string | null): Promise<Workbench> {
  const now = deps.clock();
  const row = await hallCounter(deps.db, counterId);
  if (!row) throw new AppError('COUNTER_NOT_FOUND');
  const centreId = (await deps.db.select({ centreId: counters.centreId }).from(counters).where(eq(counters.id, counterId)))[0]!.centreId;
  const snapshot = await readHall(deps.db, centreId, now);
  const view = counterView(poolCounter(row), snapshot.hall.queues);
  const ordered = orderForCounter(snapshot.waiting, now, snapshot.settings.priority, view).slice(0, WAITING_LIST_MAX);
  const held = await repo.ticketsHeldBy(deps.db, counterId, ['called', 'serving', 'parked']);
  const figures = await repo.counterDayFigures(deps.db, counterId, startOfDay(now));
  const signIn = await signInAtCounter(deps.db, counterId);
  return {
    counter: {
      id: row.id,
      number: row.number,
      name: row.name,
      kind: row.kind,
      status: row.status,
      statusLabel: COUNTER_STATUS_LABELS[row.status],
      awayReason: row.awayReason,
      expectedReturnAt: row.expectedReturnAt ? new Date(row.expectedReturnAt).toISOString() : null,
      clerk: staffCard(row),
      signedIn: userId !== null && signIn?.userId === userId,
    },
    current: held.filter((h) => h.ticket.status !== 'parked').map(ticketView)[0] ?? null,
    parked: held.filter((h) => h.ticket.status === 'parked').map(ticketView),
    waiting: ordered.map((t) => ({
      id: t.id,
      number: t.number,
      queueName: snapshot.queueById.get(t.queueId)?.name ?? '',
      priorityClass: t.priority,
      elderly: t.elderly,
      waitedMinutes: Math.max(0, Math.floor((now.getTime() - t.queuedAt.getTime()) / 60_000)),
    })),
    today: {
      served: figures.served,
      noShow: figures.noShow,
      transferred: figures.transferred,
      averageServiceMinutes: figures.averageSeconds === null ? null : Math.round((figures.averageSeconds / 60) * 10) / 10,
    },
  };
}

/** The centre and department of a counter, for access control of `/counters/:counterId/…`. */
export async function counterScope(deps: AppDeps, counterId: string): Promise<{ centreId: string; departmentId: string | null } | undefined> {
  const [row] = await deps.db.select({ centreId: counters.centreId, departmentId: counters.departmentId }).from(counters).where(eq(counters.id, counterId));
  return row;
}
