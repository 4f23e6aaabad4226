/** The periodic jobs of a running server, from every module (see src/platform/jobs/jobs.ts). */
import { effectiveVersionsJob } from './modules/catalogue/effective-versions.ts';
import type { Job } from './platform/jobs/jobs.ts';
import { streamRetentionJob } from './platform/events/events.ts';
import { expireTicketsJob } from './modules/queue/expire.service.ts';
import { tidalJob } from './modules/queue/tidal.service.ts';
import { caseRemindersJob } from './modules/cases/reminders.ts';

export const JOBS: readonly Job[] = [effectiveVersionsJob, streamRetentionJob, tidalJob, expireTicketsJob, caseRemindersJob];
