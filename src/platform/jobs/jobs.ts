/**
 * Periodic jobs of a running server (a version taking effect on its date, later
 * reminders and overdue warnings). Each job runs once soon after start and then every
 * `everyMs` after the previous run ended, never twice at once in one process. Jobs must be idempotent and take their
 * own row locks: with several server processes on one PostgreSQL each runs them.
 */
import type { AppDeps } from '../deps.ts';

export interface Job {
  readonly name: string;
  readonly everyMs: number;
  /** Returns how many things it changed, for the log. */
  run(deps: AppDeps): Promise<number>;
}

export interface JobLog {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface RunningJobs {
  stop(): Promise<void>;
}

const FIRST_RUN_DELAY_MS = 1_000;

export function startJobs(deps: AppDeps, jobs: readonly Job[], log: JobLog): RunningJobs {
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Set<Promise<void>>();
  let stopped = false;
  const schedule = (job: Job, ms: number) => {
    if (stopped) return;
    // The next run is planned when the last one ends: a slow run delays it, never overlaps it.
    const timer = setTimeout(() => {
      const run = job
        .run(deps)
        .then((changed) => {
          if (changed > 0) log.info({ job: job.name, changed }, 'job done');
        })
        .catch((err: unknown) => log.error({ job: job.name, err }, 'job failed'))
        .finally(() => {
          running.delete(run);
          schedule(job, job.everyMs);
        });
      running.add(run);
    }, ms);
    timer.unref();
    timers.set(job.name, timer);
  };
  for (const job of jobs) schedule(job, FIRST_RUN_DELAY_MS);
  return {
    async stop() {
      stopped = true;
      for (const t of timers.values()) clearTimeout(t);
      await Promise.all(running);
    },
  };
}
