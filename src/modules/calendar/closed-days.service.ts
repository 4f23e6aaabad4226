/**
 * A centre's own closed days (闭厅日: relocation, a local emergency...): not working
 * days for that centre's deadlines, and no service that day (§8.1.3.5 weekend
 * appointment service included). Audited; the centre's calendar is rebuilt at once.
 */
import { randomUUID } from 'node:crypto';
import { formatDate, parseDate } from '../../domain/calendar/dates.ts';
import { AppError, fieldError } from '../../domain/shared/errors.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/auth/principal.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { getCentre } from '../organisation/centres/centre.service.ts';
import * as repo from './calendar.repository.ts';
import type { ClosedDayCreate, ClosedDayView } from './calendar.schemas.ts';
import { invalidateCalendars } from './calendar.service.ts';
import { uniqueViolation } from '../../platform/db/unique-violation.ts';

function view(row: repo.ClosedDayRow): ClosedDayView {
  return { id: row.id, centreId: row.centreId, date: row.date, reason: row.reason, createdAt: row.createdAt.toISOString() };
}

function exists(date: string): AppError {
  return fieldError('CLOSED_DAY_EXISTS', '/date', `${date} 已设为本中心的闭厅日`);
}

/** The entity scope of a closed day: its centre. */
export async function closedDayScope(deps: AppDeps, id: string): Promise<{ centreId: string } | undefined> {
  const row = await repo.findClosedDay(deps.db, id);
  return row && { centreId: row.centreId };
}

export async function listClosedDays(deps: AppDeps, centreId: string, range: { from?: string | undefined; to?: string | undefined }): Promise<ClosedDayView[]> {
  const from = range.from === undefined ? undefined : formatDate(parseDate(range.from, 'querystring:/from'));
  const to = range.to === undefined ? undefined : formatDate(parseDate(range.to, 'querystring:/to'));
  await getCentre(deps, centreId);
  return (await repo.listClosedDays(deps.db, centreId, { ...(from ? { from } : {}), ...(to ? { to } : {}) })).map(view);
}

export async function addClosedDay(deps: AppDeps, actor: Actor, centreId: string, input: ClosedDayCreate): Promise<ClosedDayView> {
  const date = formatDate(parseDate(input.date, '/date'));
  const reason = input.reason.trim();
  if (reason === '') throw fieldError('VALIDATION_FAILED', '/reason', '闭厅原因不能为空');
  const centre = await getCentre(deps, centreId);
  if (centre.retiredAt) throw new AppError('CENTRE_RETIRED');
  const now = deps.clock();
  try {
    const created = await deps.db.transaction(async (tx) => {
      if (await repo.findClosedDayOn(tx, centreId, date)) throw exists(date);
      const row = await repo.insertClosedDay(tx, { id: randomUUID(), centreId, date, reason, createdAt: now });
      await writeAudit(tx, actor, now, { centreId, entity: 'centre_closed_day', entityId: row.id, action: 'create', after: row });
      return view(row);
    });
    return created;
  } catch (err) {
    // The unique index decides between concurrent requests.
    if (uniqueViolation(err) !== undefined) throw exists(date);
    throw err;
  } finally {
    invalidateCalendars(deps, centreId);
  }
}

/** Removes a closed day (the audit trail keeps it); the date becomes an ordinary day again. */
export async function removeClosedDay(deps: AppDeps, actor: Actor, id: string): Promise<ClosedDayView> {
  const now = deps.clock();
  const removed = await deps.db.transaction(async (tx) => {
    const before = await repo.lockClosedDay(tx, id);
    if (!before) throw new AppError('CLOSED_DAY_NOT_FOUND');
    await repo.deleteClosedDay(tx, id);
    await writeAudit(tx, actor, now, { centreId: before.centreId, entity: 'centre_closed_day', entityId: id, action: 'delete', before });
    return before;
  });
  invalidateCalendars(deps, removed.centreId);
  return view(removed);
}
