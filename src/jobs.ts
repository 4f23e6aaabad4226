/** The periodic jobs of a running server, from every module (see src/platform/jobs/jobs.ts). */
import { effectiveVersionsJob } from './modules/catalogue/effective-versions.ts';
import type { Job } from './platform/jobs/jobs.ts';

export const JOBS: readonly Job[] = [effectiveVersionsJob];
