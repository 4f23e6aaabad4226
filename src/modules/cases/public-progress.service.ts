/**
 * The public progress query (DB36/T 2016 §8.1.2.1: 办事过程信息 … 接受查询), without login:
 * the case number and the last four digits of the applicant's phone. The answer shows
 * the stage, the dates, the due date and the stages of the timeline, the applicant's
 * name masked and no staff names. Guessing is throttled per (address, case number) with
 * alarms per address and per case number (domain/cases/public-check.ts); a wrong code
 * and an unknown number fail alike. The answer is kept per process, serialized, until
 * the case moves (public-progress-cache.ts); a query with the right code and no recent
 * failure on its keys reads nothing from the database.
 */
import { eq, sql } from 'drizzle-orm';
import { CASE_STATUS_LABELS, DECISION_LABELS, type CaseStatus } from '../../domain/cases/case-states.ts';
import { parseCaseNumber } from '../../domain/cases/case-number.ts';
import { checkKeys, isCheckCodeShape, pairLockedUntil } from '../../domain/cases/public-check.ts';
import { CASE_STAGE_LABELS, stageOf } from '../../domain/cases/timeline.ts';
import { AppError } from '../../domain/shared/errors.ts';
import type { Queryable } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { centres } from '../organisation/schema.ts';
import * as repo from './case.repository.ts';
import type { PublicCaseView } from './case.schemas.ts';
import { timelineView } from './case.views.ts';
import { checkMatches, keysOf } from './personal-data.ts';
import { checkCounters, recordCheckFailure } from './public-check-throttle.ts';
import { cachedProgress, progressBody, progressRead, runningSentinel, splitAtSentinels, type CachedProgress } from './public-progress-cache.ts';
import { caseCheckThrottle } from './schema.ts';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** The route's response serializer (the body sent is exactly what it writes). */
export type SerializeView = (view: PublicCaseView) => string;

function lockedError(until: Date, now: Date): AppError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new AppError('CASE_CHECK_LOCKED', { message: `查询失败次数过多，请 ${Math.ceil(seconds / 60)} 分钟后再试`, details: { retryAfterSeconds: seconds } });
}

/** The public answer of a case as a JSON body (the route's serializer), or the check's error. */
export async function publicProgressBody(deps: AppDeps, ip: string, caseNumber: string, check: string, serialize: SerializeView): Promise<Buffer> {
  const now = deps.clock();
  const keys = checkKeys(ip, caseNumber);
  const counters = await checkCounters(deps, keys, now);
  const lockedUntil = counters && pairLockedUntil(counters, now);
  if (lockedUntil) throw lockedError(lockedUntil, now);

  const secret = await keysOf(deps);
  const shaped = isCheckCodeShape(check);
  let entry = cachedProgress(deps, caseNumber);
  let row: repo.CaseRow | undefined;
  let read: ReturnType<typeof progressRead> | undefined;
  if (!entry) {
    read = progressRead(deps);
    row = parseCaseNumber(caseNumber) ? await repo.findCaseByNumber(deps.db, caseNumber) : undefined;
  }
  // Computed whether or not the case exists, so that the check's time does not tell; a
  // code that already matched this kept answer is not digested again.
  const known = shaped && entry !== undefined && entry.verifiedCheck === check;
  const ok = known || (checkMatches(secret, caseNumber, shaped ? check : '', entry?.checkDigest ?? row?.checkDigest ?? null) && shaped);
  if (!ok) {
    await recordCheckFailure(deps, keys, now);
    throw new AppError('CASE_CHECK_FAILED', { message: '办件编号或查询码（申请人联系电话后 4 位）不正确' });
  }
  if (!entry) {
    entry = await progressEntry(deps.db, row!, now, serialize);
    read!.keep(caseNumber, entry);
  }
  entry.verifiedCheck = check;
  return progressBody(entry, now);
}

/** Reads what the public sees of a case and serializes it, the running stages' durations left to send time. */
async function progressEntry(q: Queryable, row: repo.CaseRow, now: Date, serialize: SerializeView): Promise<CachedProgress> {
  const [events, [centre]] = await Promise.all([repo.eventsOf(q, row.id), q.select({ name: centres.name }).from(centres).where(eq(centres.id, row.centreId))]);
  const status = row.status as CaseStatus;
  const stage = stageOf(status);
  const delivery = row.detail.delivery as { method?: string } | null | undefined;
  const runningSince: number[] = [];
  const timeline = timelineView(events, now).map(({ staff: _staff, ...s }) => {
    // A stage without an end runs to now: its duration is written at send time.
    if (s.startedAt === null || s.endedAt !== null || s.durationSeconds === null) return s;
    return { ...s, durationSeconds: runningSentinel(runningSince.push(Date.parse(s.startedAt)) - 1) };
  });
  const view: PublicCaseView = {
    caseNumber: row.caseNumber,
    title: row.title,
    centreName: centre?.name ?? '',
    applicantName: row.applicantNameMasked,
    status,
    statusLabel: CASE_STATUS_LABELS[status],
    stage,
    stageLabel: CASE_STAGE_LABELS[stage],
    openedAt: row.openedAt.toISOString(),
    acceptedAt: iso(row.acceptedAt),
    promisedDueAt: iso(row.promisedDueAt),
    decidedAt: iso(row.decidedAt),
    decision: row.decision ? DECISION_LABELS[row.decision as keyof typeof DECISION_LABELS] : null,
    deliveredAt: iso(row.deliveredAt),
    deliveryMethod: delivery?.method ?? null,
    timeline,
  };
  return { checkDigest: row.checkDigest, parts: splitAtSentinels(serialize(view), runningSince.length), runningSince };
}

/** Forgets failures whose window and lock are over (the reminders job). */
export async function pruneCheckThrottle(q: Queryable, now: Date): Promise<void> {
  const horizon = new Date(now.getTime() - 24 * 3_600_000);
  await q.delete(caseCheckThrottle).where(sql`${caseCheckThrottle.windowStart} < ${horizon} and (${caseCheckThrottle.lockedUntil} is null or ${caseCheckThrottle.lockedUntil} < ${now})`);
}
