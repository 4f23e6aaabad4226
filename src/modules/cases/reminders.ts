/**
 * The `cases.reminders` job (every 10 minutes): reminds the applicant before the
 * completion deadline of tolerated materials lapses (容缺, DB36/T 2016 §8.2.7; setting
 * `toleranceReminderWorkingDays`, default 1: due within the next working day), once per
 * case — the claim on `tolerance_reminded_at` holds across processes — and forgets
 * spent failures of the public progress check.
 */
import { and, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import type { Job } from '../../platform/jobs/jobs.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { getCalendar } from '../calendar/calendar.service.ts';
import { CLOCK_STATUS_SQL } from './case.repository.ts';
import { dueSoonEnd } from './case-read.service.ts';
import { sendCaseNotices, type NoticeFacts } from './notify.ts';
import { pruneCheckThrottle } from './public-progress.service.ts';
import { cases } from './schema.ts';
import { readCaseSettings } from './settings.service.ts';

const HORIZON_MS = 40 * 86_400_000;

export async function sendToleranceReminders(deps: AppDeps): Promise<number> {
  const now = deps.clock();
  // Candidates: running 容缺 cases not yet reminded whose deadline is ahead (within a generous horizon).
  const candidates = await deps.db
    .select({ id: cases.id, centreId: cases.centreId, deadline: cases.toleranceDeadline })
    .from(cases)
    .where(and(sql`${cases.toleranceDeadline} is not null`, isNull(cases.toleranceCompletedAt), isNull(cases.toleranceRemindedAt), gte(cases.toleranceDeadline, now), lt(cases.toleranceDeadline, new Date(now.getTime() + HORIZON_MS)), CLOCK_STATUS_SQL));
  const ends = new Map<string, Date | null>();
  const notices: NoticeFacts[] = [];
  for (const c of candidates) {
    if (!ends.has(c.centreId)) {
      const settings = await readCaseSettings(deps.db, c.centreId);
      const end = settings.toleranceReminderWorkingDays === 0 ? null : dueSoonEnd(await getCalendar(deps, c.centreId), now, settings.toleranceReminderWorkingDays);
      ends.set(c.centreId, end);
    }
    const end = ends.get(c.centreId);
    if (!end || c.deadline! >= end) continue;
    const [claimed] = await deps.db
      .update(cases)
      .set({ toleranceRemindedAt: now })
      .where(and(eq(cases.id, c.id), isNull(cases.toleranceRemindedAt)))
      .returning();
    if (!claimed) continue;
    const tolerance = claimed.detail.tolerance as { materials: { name: string; completedAt: string | null }[] } | null;
    notices.push({
      kind: 'tolerance_reminder',
      caseId: claimed.id,
      caseNumber: claimed.caseNumber,
      title: claimed.title,
      applicantCipher: claimed.applicantCipher,
      phoneMasked: claimed.phoneMasked,
      data: { materials: (tolerance?.materials ?? []).filter((m) => !m.completedAt).map((m) => m.name), deadline: claimed.toleranceDeadline?.toISOString() },
      promisedDueAt: claimed.promisedDueAt,
    });
  }
  await sendCaseNotices(deps, notices);
  await pruneCheckThrottle(deps.db, now);
  return notices.length;
}

export const caseRemindersJob: Job = { name: 'cases.reminders', everyMs: 10 * 60_000, run: sendToleranceReminders };
