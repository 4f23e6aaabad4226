/**
 * What a citizen sees without logging in (issue 4 "Kiosk", "Mobile ticket"): what the
 * kiosk or a phone may take now, the live status of one ticket (its id, carried by the
 * slip's QR code, is the secret), and the photos of the counter screens (§6.4.2), which
 * the public staff board (§5.1.3.3) already shows.
 */
import { createHash } from 'node:crypto';
import { decideIssue } from '../../domain/queue/issuing.ts';
import { isNear, queueFigures, waitFigures } from '../../domain/queue/hall.ts';
import { TICKET_STATUS_LABELS, type TicketStatus } from '../../domain/queue/ticket-states.ts';
import { AppError } from '../../domain/shared/errors.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { getCalendar } from '../calendar/calendar.service.ts';
import { searchPublished } from '../catalogue/public-search.ts';
import { findCentre } from '../organisation/centres/centre.repository.ts';
import { findStaff } from '../organisation/staff/staff.repository.ts';
import type { KioskView, PublicTicket } from './display.schemas.ts';
import { readHall } from './hall.ts';
import { issuingQueue } from './issue.service.ts';
import * as repo from './ticket.repository.ts';
import { rankedOf } from './views.ts';

/** The kiosk's (or the phone's) menu: queues with their waiting and whether they issue now, and the items by department. */
export async function kioskView(deps: AppDeps, centreId: string): Promise<KioskView> {
  const now = deps.clock();
  const centre = await findCentre(deps.db, centreId);
  if (!centre || centre.retiredAt) throw new AppError('CENTRE_NOT_FOUND');
  const calendar = await getCalendar(deps, centreId);
  const hours = { hours: centre.serviceHours, calendar };
  const snapshot = await readHall(deps.db, centreId, now);
  const used = await repo.quotaUsedByQueue(deps.db, centreId, snapshot.day);
  const request = { source: 'kiosk' as const, phone: null, idNumber: null };
  const counts = { phoneToday: 0, idNumberToday: 0 };
  const open = decideIssue({ queue: { id: '', name: '', issuingWindows: [], dailyQuota: null }, centre: hours, request, counts: { ...counts, queueToday: 0 }, limits: snapshot.settings.issuing, now });
  const figures = new Map(queueFigures(snapshot.hall, now, snapshot.settings).map((f) => [f.queueId, f]));

  const queues = snapshot.rows.queues.map((q) => {
    const decision = decideIssue({ queue: issuingQueue(q), centre: hours, request, counts: { ...counts, queueToday: used.get(q.id) ?? 0 }, limits: snapshot.settings.issuing, now });
    const f = figures.get(q.id);
    return {
      id: q.id,
      name: q.name,
      prefix: q.prefix,
      pool: q.pool as KioskView['queues'][number]['pool'],
      waiting: f?.waiting ?? 0,
      estimateText: f?.estimateText ?? '',
      issuing: decision.ok,
      refusal: decision.ok ? null : decision.refusal.message,
      itemIds: q.itemIds,
    };
  });

  // Items by department, each with the first queue (display order) that serves it.
  const queueOfItem = new Map<string, string>();
  for (const q of snapshot.rows.queues) for (const id of q.itemIds) if (!queueOfItem.has(id)) queueOfItem.set(id, q.id);
  const { rows } = await searchPublished(deps, centreId, { limit: 100_000, offset: 0 });
  const departments = new Map<string, KioskView['departments'][number]>();
  for (const r of rows) {
    const queueId = queueOfItem.get(r.id);
    if (!queueId || !r.name) continue;
    let d = departments.get(r.departmentId);
    if (!d) departments.set(r.departmentId, (d = { id: r.departmentId, name: r.departmentName, items: [] }));
    d.items.push({ id: r.id, name: r.name, queueId });
  }

  return {
    centre: { id: centre.id, name: centre.name },
    openNow: open.ok,
    message: open.ok ? null : open.refusal.message,
    queues,
    departments: [...departments.values()],
  };
}

/** The live status of one ticket, masked; `near` once its place is within the configured one. */
export async function publicTicket(deps: AppDeps, id: string): Promise<PublicTicket> {
  const now = deps.clock();
  const row = await repo.findTicketWithNames(deps.db, id);
  if (!row) throw new AppError('TICKET_NOT_FOUND');
  const t = row.ticket;
  const status = t.status as TicketStatus;
  let peopleAhead = 0;
  let minutes: number | null = null;
  let text: string = TICKET_STATUS_LABELS[status];
  let near = false;
  if (status === 'waiting') {
    const snapshot = await readHall(deps.db, t.centreId, now);
    const mine = snapshot.waiting.find((w) => w.id === id) ?? rankedOf(t);
    const figures = waitFigures(mine, snapshot.hall, now, snapshot.settings);
    peopleAhead = figures.peopleAhead;
    minutes = figures.minutes === null ? null : Math.ceil(figures.minutes);
    text = figures.text;
    near = isNear(peopleAhead, snapshot.settings.notify.nearPlace);
  } else if ((status === 'called' || status === 'serving') && row.counterNumber) {
    text = status === 'called' ? `请到 ${row.counterNumber} 号窗口办理` : `正在 ${row.counterNumber} 号窗口办理`;
  }
  const next = status === 'transferred' ? ((await repo.transferredTo(deps.db, id)) ?? null) : null;
  if (next) text = `已转至“${next.queueName}”，新号码 ${next.number}`;
  return {
    id: t.id,
    centreId: t.centreId,
    number: t.number,
    queueName: row.queueName,
    status,
    statusLabel: TICKET_STATUS_LABELS[status],
    peopleAhead,
    estimatedWaitMinutes: minutes,
    estimateText: text,
    counterNumber: row.counterNumber,
    counterName: row.counterName,
    calledAt: t.calledAt?.toISOString() ?? null,
    issuedAt: t.issuedAt.toISOString(),
    near,
    phoneMasked: t.phoneMasked,
    transferredTo: next,
  };
}

const INLINE_PHOTO = /^data:(image\/(?:png|jpeg|gif|webp));base64,([A-Za-z0-9+/]+={0,2})$/;

/** An active staff member's inline photo as bytes (an http(s) photo is linked directly, never proxied). */
export async function staffPhoto(deps: AppDeps, staffId: string): Promise<{ contentType: string; bytes: Buffer; etag: string }> {
  const row = await findStaff(deps.db, staffId);
  const m = row && !row.retiredAt && row.photoUrl ? INLINE_PHOTO.exec(row.photoUrl) : null;
  if (!m) throw new AppError('STAFF_NOT_FOUND', { message: '照片不存在' });
  const bytes = Buffer.from(m[2]!, 'base64');
  return { contentType: m[1]!, bytes, etag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"` };
}
