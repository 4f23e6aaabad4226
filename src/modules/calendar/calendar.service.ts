/**
 * The working-day calendar of the deployment and of each centre: the shipped
 * arrangements (src/domain/calendar/data) overridden by the years an administrator
 * loaded, plus each centre's own closed days.
 *
 * Other modules compute deadlines through {@link getCalendar}. Built calendars are
 * kept per process (per database): a change made here drops them at once, and a
 * change made by another process is noticed within {@link RECHECK_MS} through a
 * fingerprint of the two tables, so the hot path is a map lookup.
 */
import { performance } from 'node:perf_hooks';
import { validateHolidayYear } from '../../domain/calendar/holiday-data.ts';
import { parseDate } from '../../domain/calendar/dates.ts';
import { SHIPPED_YEARS } from '../../domain/calendar/shipped.ts';
import type { DayInfo, HolidayYear } from '../../domain/calendar/types.ts';
import { WorkingCalendar } from '../../domain/calendar/working-calendar.ts';
import { AppError } from '../../domain/shared/errors.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { getCentre } from '../organisation/centres/centre.service.ts';
import * as repo from './calendar.repository.ts';
import type { HolidayYearView, YearSummary } from './calendar.schemas.ts';

/** How often a process looks for calendar changes made by another process. */
export const RECHECK_MS = 10_000;

interface CalendarCache {
  base: Promise<WorkingCalendar> | null;
  centres: Map<string, Promise<WorkingCalendar>>;
  fingerprint: string | null;
  checkedAt: number;
}

const caches = new WeakMap<Db, CalendarCache>();

function cacheOf(deps: AppDeps): CalendarCache {
  let cache = caches.get(deps.db);
  if (!cache) {
    cache = { base: null, centres: new Map(), fingerprint: null, checkedAt: Number.NEGATIVE_INFINITY };
    caches.set(deps.db, cache);
  }
  return cache;
}

/** Drops the built calendars: all of them, or one centre's. */
export function invalidateCalendars(deps: AppDeps, centreId?: string): void {
  const cache = cacheOf(deps);
  if (centreId) cache.centres.delete(centreId);
  else {
    cache.base = null;
    cache.centres.clear();
  }
}

async function recheck(deps: AppDeps, cache: CalendarCache): Promise<void> {
  cache.checkedAt = performance.now();
  const fingerprint = await repo.calendarFingerprint(deps.db);
  if (fingerprint !== cache.fingerprint) {
    cache.fingerprint = fingerprint;
    cache.base = null;
    cache.centres.clear();
  }
}

/** The `source` column holds the notices (papers) of a loaded year, one per line. */
function papersOf(source: string): string[] {
  return source.split('\n').filter((p) => p !== '');
}

function arrangementOf(row: repo.HolidayYearRow): HolidayYear {
  return { year: row.year, papers: papersOf(row.source), days: row.days };
}

async function buildBase(deps: AppDeps): Promise<WorkingCalendar> {
  const byYear = new Map<number, HolidayYear>(SHIPPED_YEARS.map((y) => [y.year, y]));
  for (const row of await repo.listHolidayYears(deps.db)) byYear.set(row.year, arrangementOf(row));
  return new WorkingCalendar([...byYear.values()]);
}

async function buildForCentre(deps: AppDeps, base: Promise<WorkingCalendar>, centreId: string): Promise<WorkingCalendar> {
  await getCentre(deps, centreId); // CENTRE_NOT_FOUND for an unknown centre
  const closed = await repo.listClosedDays(deps.db, centreId);
  return (await base).withClosedDays(closed.map((c) => ({ date: c.date, reason: c.reason })));
}

function fromCache(deps: AppDeps, cache: CalendarCache, centreId: string | null): Promise<WorkingCalendar> {
  let base = cache.base;
  if (!base) {
    const building = buildBase(deps);
    base = cache.base = building;
    // A failed build is not kept: the next call tries again.
    building.catch(() => {
      if (cache.base === building) cache.base = null;
    });
  }
  if (centreId === null) return base;
  let calendar = cache.centres.get(centreId);
  if (!calendar) {
    const building = buildForCentre(deps, base, centreId);
    calendar = building;
    cache.centres.set(centreId, building);
    building.catch(() => {
      if (cache.centres.get(centreId) === building) cache.centres.delete(centreId);
    });
  }
  return calendar;
}

/**
 * The working calendar of the deployment (`centreId` null) or of one centre (with
 * its closed days; CENTRE_NOT_FOUND when it does not exist). Cheap: built once and
 * kept until the data changes.
 */
export function getCalendar(deps: AppDeps, centreId: string | null): Promise<WorkingCalendar> {
  const cache = cacheOf(deps);
  if (performance.now() - cache.checkedAt >= RECHECK_MS) return recheck(deps, cache).then(() => fromCache(deps, cache, centreId));
  return fromCache(deps, cache, centreId);
}

export async function dayInfo(deps: AppDeps, date: string, centreId: string | null): Promise<DayInfo> {
  parseDate(date, 'params:/date');
  return (await getCalendar(deps, centreId)).dayInfo(date);
}

export async function addWorkingDays(deps: AppDeps, from: string, days: number, centreId: string | null): Promise<{ date: string }> {
  parseDate(from, 'querystring:/from');
  return { date: (await getCalendar(deps, centreId)).addWorkingDays(from, days) };
}

export async function workingDaysBetween(deps: AppDeps, from: string, to: string, centreId: string | null): Promise<{ count: number }> {
  parseDate(from, 'querystring:/from');
  parseDate(to, 'querystring:/to');
  return { count: (await getCalendar(deps, centreId)).workingDaysBetween(from, to) };
}

// ---- years ----

function summary(calendar: WorkingCalendar, arrangement: HolidayYear, row: repo.HolidayYearRow | undefined): YearSummary {
  const y = arrangement.year;
  const firstDayWorks = calendar.isWorkingDay(`${y}-01-01`) ? 1 : 0;
  return {
    year: y,
    source: row ? 'loaded' : 'shipped',
    replacesShipped: row !== undefined && SHIPPED_YEARS.some((s) => s.year === y),
    papers: [...(arrangement.papers ?? [])],
    offDays: arrangement.days.filter((d) => d.isOffDay).length,
    makeupWorkdays: arrangement.days.filter((d) => !d.isOffDay).length,
    workingDays: calendar.workingDaysBetween(`${y}-01-01`, `${y}-12-31`) + firstDayWorks,
    loadedAt: row?.loadedAt.toISOString() ?? null,
    loadedBy: row?.loadedBy ?? null,
  };
}

export async function listYears(deps: AppDeps): Promise<YearSummary[]> {
  const [calendar, rows] = await Promise.all([getCalendar(deps, null), repo.listHolidayYears(deps.db)]);
  const byYear = new Map(rows.map((r) => [r.year, r]));
  return calendar.arrangements.map((a) => summary(calendar, a, byYear.get(a.year)));
}

export async function getYear(deps: AppDeps, year: number): Promise<HolidayYearView> {
  const [calendar, rows] = await Promise.all([getCalendar(deps, null), repo.listHolidayYears(deps.db)]);
  const arrangement = calendar.arrangements.find((a) => a.year === year);
  if (!arrangement) throw notLoaded(calendar, year);
  return { ...summary(calendar, arrangement, rows.find((r) => r.year === year)), days: arrangement.days.map((d) => ({ ...d })) };
}

function notLoaded(calendar: WorkingCalendar, year: number): AppError {
  return new AppError('CALENDAR_YEAR_NOT_LOADED', {
    message: `${year} 年的节假日安排尚未导入（已导入的年度：${calendar.years.join('、') || '无'}）`,
    details: { year, loadedYears: [...calendar.years] },
  });
}

/**
 * Loads (or replaces, `created` false) a year's arrangement, as published by the State Council, in
 * holiday-cn format. Strictly checked (CALENDAR_DATA_INVALID with the fields at
 * fault); audited; takes effect at once for every deadline computed afterwards.
 */
export async function loadYear(deps: AppDeps, actor: Actor, year: number, input: unknown): Promise<{ created: boolean; view: HolidayYearView }> {
  const arrangement = validateHolidayYear(input, year);
  const now = deps.clock();
  const created = await deps.db.transaction(async (tx) => {
    const before = await repo.lockHolidayYear(tx, year);
    const replaces = before !== undefined || SHIPPED_YEARS.some((y) => y.year === year);
    const after = await repo.upsertHolidayYear(tx, {
      year,
      days: [...arrangement.days],
      source: (arrangement.papers ?? []).join('\n'),
      loadedBy: actor.type === 'user' ? actor.id : null,
      loadedAt: now,
    });
    await writeAudit(tx, actor, now, {
      centreId: null,
      entity: 'holiday_year',
      entityId: String(year),
      action: replaces ? 'replace' : 'load',
      ...(before ? { before } : {}),
      after,
    });
    return !replaces;
  });
  invalidateCalendars(deps);
  return { created, view: await getYear(deps, year) };
}
