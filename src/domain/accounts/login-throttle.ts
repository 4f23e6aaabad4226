/**
 * Slowing and locking of repeated failed logins, per account and per address.
 * Pure: the state is stored by the caller; the clock is passed in.
 */
export interface ThrottleState {
  readonly failures: number;
  readonly windowStart: Date;
  readonly lockedUntil: Date | null;
}

export interface ThrottlePolicy {
  /** Failures are counted within this window. */
  readonly windowMs: number;
  /** From this many failures on, each further attempt is delayed. */
  readonly slowAfter: number;
  /** At this many failures the key is locked for `lockMs`. */
  readonly lockAfter: number;
  readonly lockMs: number;
  readonly maxDelayMs: number;
}

export const ACCOUNT_POLICY: ThrottlePolicy = {
  windowMs: 15 * 60_000,
  slowAfter: 3,
  lockAfter: 5,
  lockMs: 15 * 60_000,
  maxDelayMs: 4_000,
};

export const ADDRESS_POLICY: ThrottlePolicy = {
  windowMs: 15 * 60_000,
  slowAfter: 10,
  lockAfter: 30,
  lockMs: 15 * 60_000,
  maxDelayMs: 4_000,
};

export type ThrottleVerdict = { readonly locked: true; readonly until: Date } | { readonly locked: false; readonly delayMs: number };

/** What an attempt made now must face, given the failures so far. */
export function checkThrottle(state: ThrottleState | null, now: Date, policy: ThrottlePolicy): ThrottleVerdict {
  if (!state) return { locked: false, delayMs: 0 };
  if (state.lockedUntil && state.lockedUntil > now) return { locked: true, until: state.lockedUntil };
  if (now.getTime() - state.windowStart.getTime() > policy.windowMs) return { locked: false, delayMs: 0 };
  if (state.failures < policy.slowAfter) return { locked: false, delayMs: 0 };
  const delay = 250 * 2 ** (state.failures - policy.slowAfter);
  return { locked: false, delayMs: Math.min(delay, policy.maxDelayMs) };
}

/** The state after one more failure at `now`. */
export function recordFailure(state: ThrottleState | null, now: Date, policy: ThrottlePolicy): ThrottleState {
  const expired =
    !state ||
    now.getTime() - state.windowStart.getTime() > policy.windowMs ||
    (state.lockedUntil !== null && state.lockedUntil <= now);
  const failures = expired ? 1 : state.failures + 1;
  const windowStart = expired ? now : state.windowStart;
  const lockedUntil = failures >= policy.lockAfter ? new Date(now.getTime() + policy.lockMs) : null;
  return { failures, windowStart, lockedUntil };
}
