import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppDeps } from '../deps.ts';
import { startJobs, type Job } from './jobs.ts';

const deps = {} as AppDeps;
const quiet = { info: vi.fn(), error: vi.fn() };

afterEach(() => {
  vi.useRealTimers();
});

describe('startJobs', () => {
  it('runs a job soon after start and then an interval after each run ends, never twice at once, and stop waits for a run', async () => {
    vi.useFakeTimers();
    let active = 0;
    let most = 0;
    let runs = 0;
    let release: () => void = () => undefined;
    const job: Job = {
      name: 'slow',
      everyMs: 1_000,
      run: async () => {
        runs++;
        active++;
        most = Math.max(most, active);
        await new Promise<void>((resolve) => (release = resolve));
        active--;
        return 1;
      },
    };
    const running = startJobs(deps, [job], quiet);
    await vi.advanceTimersByTimeAsync(999);
    expect(runs).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toBe(1);
    // Still busy: nothing stacks up behind a slow run.
    await vi.advanceTimersByTimeAsync(3_000);
    expect(runs).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(999);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toBe(2);
    expect(most).toBe(1);
    const stopping = running.stop();
    release();
    await stopping;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runs).toBe(2);
    expect(quiet.info).toHaveBeenCalledWith({ job: 'slow', changed: 1 }, 'job done');
  });

  it('logs a failing job and keeps running it', async () => {
    vi.useFakeTimers();
    const log = { info: vi.fn(), error: vi.fn() };
    let runs = 0;
    const running = startJobs(deps, [{ name: 'broken', everyMs: 400, run: () => Promise.reject(new Error(`failure ${++runs}`)) }], log);
    await vi.advanceTimersByTimeAsync(1_800);
    await running.stop();
    expect(runs).toBe(3);
    expect(log.error).toHaveBeenCalledTimes(3);
    expect(log.error.mock.calls[0]?.[0]).toMatchObject({ job: 'broken' });
  });
});
