/**
 * Reading cases: the centre's list (by stage, status, item, clerk; the overdue and
 * due-soon lists by promised due date through the partial index) and one case with its
 * checklist, steps, timeline (§8.1.2.1) and due dates. Personal data is masked; in full
 * only on request (`reveal`) to the roles that handle cases (`case.private`), and for an
 * archived case to managers only (`case.archived-private`, §8.1.2.6 信息安全), each
 * reading audited.
 */
import { CASE_STATUSES, type CaseStatus } from '../../domain/cases/case-states.ts';
import { shanghaiInstant, tryParseDate, formatDate, shanghaiDayAndMinute } from '../../domain/calendar/dates.ts';
import { statusesOfStage } from '../../domain/cases/timeline.ts';
import { AppError } from '../../domain/shared/errors.ts';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { can } from '../../platform/auth/access.ts';
import { grantsAllow } from '../../platform/auth/policy.ts';
import type { Actor, Principal } from '../../platform/auth/principal.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { getCalendar } from '../calendar/calendar.service.ts';
import { requireCentre } from '../organisation/references.ts';
import * as repo from './case.repository.ts';
import type { CaseDetail, CaseListQuery, CaseSummary } from './case.schemas.ts';
import { detailView, summaryOf, type ViewContext } from './case.views.ts';
import { cachedCaseSettings } from './settings.service.ts';

/** What the views of a centre's cases are computed with (through `deps.db`: never inside a transaction). */
export async function viewContext(deps: AppDeps, centreId: string): Promise<ViewContext> {
  const [calendar, settings] = await Promise.all([getCalendar(deps, centreId), cachedCaseSettings(deps, centreId)]);
  return { now: deps.clock(), calendar, settings };
}

/**
 * The start of the first day that is no longer "due soon" (deadlines.ts `deadlineState`):
 * the (warn − [today is a working day] + 1)-th working day after today. A running case is
 * due soon exactly when now ≤ due < that instant.
 */
export function dueSoonEnd(calendar: WorkingCalendar, now: Date, warnWorkingDays: number): Date {
  const today = formatDate(shanghaiDayAndMinute(now).epochDay);
  const ahead = warnWorkingDays - (calendar.isWorkingDay(today) ? 1 : 0) + 1;
  return shanghaiInstant(tryParseDate(calendar.addWorkingDays(today, ahead)), 0);
}

/**
 * The departments whose cases a caller may list in a centre: undefined for all (a grant
 * of the centre not narrowed to a department), else the departments of their grants —
 * the same rule that lets a department-scoped clerk open only their department's cases.
 */
export function listableDepartments(principal: Principal | null, centreId: string): string[] | undefined {
  if (principal?.kind !== 'user') return undefined;
  const grants = principal.grants.filter((g) => grantsAllow([g], 'case.read', { centreId }));
  if (grants.some((g) => g.role === 'system_admin' || !g.departmentId)) return undefined;
  return [...new Set(grants.map((g) => g.departmentId!))];
}

export async function listCentreCases(deps: AppDeps, principal: Principal | null, centreId: string, query: CaseListQuery): Promise<{ items: CaseSummary[]; total: number }> {
  const v = await viewContext(deps, centreId);
  let statuses: CaseStatus[] | undefined;
  if (query.stage) statuses = statusesOfStage(query.stage, CASE_STATUSES);
  if (query.status) statuses = statuses ? statuses.filter((s) => s === query.status) : [query.status];
  let dueBefore: Date | undefined;
  let dueFrom: Date | undefined;
  if (query.overdue) dueBefore = v.now;
  if (query.dueSoon) {
    dueFrom = v.now;
    const end = dueSoonEnd(v.calendar, v.now, v.settings.dueSoonWorkingDays);
    dueBefore = dueBefore && dueBefore < end ? dueBefore : end;
  }
  const { rows, total } = await repo.listCases(deps.db, centreId, {
    statuses,
    itemId: query.itemId,
    clerkId: query.clerkId,
    departmentIds: listableDepartments(principal, centreId),
    dueBefore,
    dueFrom,
    limit: query.limit ?? 100,
    offset: query.offset ?? 0,
  });
  if (total === 0) await requireCentre(deps.db, centreId);
  return { items: rows.map((r) => summaryOf(r, v)), total };
}

/** One case; `reveal` asks for the applicant's personal data in full (checked and audited here). */
export async function getCase(deps: AppDeps, actor: Actor, principal: Principal | null, id: string, reveal: boolean): Promise<CaseDetail> {
  const row = await repo.findCase(deps.db, id);
  if (!row) throw new AppError('CASE_NOT_FOUND');
  if (reveal) {
    const scope = { centreId: row.centreId, departmentId: row.departmentId };
    const permission = row.status === 'archived' ? 'case.archived-private' : 'case.private';
    if (!can(principal, permission, scope)) {
      throw new AppError('FORBIDDEN', { message: row.status === 'archived' ? '已归档办件的个人信息仅限中心管理人员查看' : '无权查看申请人完整个人信息' });
    }
    await deps.db.transaction((tx) => writeAudit(tx, actor, deps.clock(), { centreId: row.centreId, entity: 'case', entityId: id, action: 'reveal_personal_data' }));
  }
  return detailView(deps, deps.db, id, await viewContext(deps, row.centreId), reveal);
}
