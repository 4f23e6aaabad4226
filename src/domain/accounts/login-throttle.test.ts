import { describe, expect, it } from 'vitest';
import { ACCOUNT_POLICY, checkThrottle, recordFailure, type ThrottleState } from './login-throttle.ts';

const t0 = new Date('2025-03-03T09:00:00+08:00');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('login throttle', () => {
  it('lets the first attempts through without delay', () => {
    let s: ThrottleState | null = null;
    expect(checkThrottle(s, t0, ACCOUNT_POLICY)).toEqual({ locked: false, delayMs: 0 });
    s = recordFailure(s, t0, ACCOUNT_POLICY);
    s = recordFailure(s, at(1000), ACCOUNT_POLICY);
    expect(checkThrottle(s, at(2000), ACCOUNT_POLICY)).toEqual({ locked: false, delayMs: 0 });
  });

  it('slows down after three failures, then locks at five', () => {
    let s: ThrottleState | null = null;
    for (let i = 0; i < 3; i++) s = recordFailure(s, at(i * 1000), ACCOUNT_POLICY);
    expect(checkThrottle(s, at(4000), ACCOUNT_POLICY)).toEqual({ locked: false, delayMs: 250 });
    s = recordFailure(s, at(5000), ACCOUNT_POLICY);
    expect(checkThrottle(s, at(6000), ACCOUNT_POLICY)).toEqual({ locked: false, delayMs: 500 });
    s = recordFailure(s, at(7000), ACCOUNT_POLICY);
    const verdict = checkThrottle(s, at(8000), ACCOUNT_POLICY);
    expect(verdict.locked).toBe(true);
    if (verdict.locked) expect(verdict.until.getTime()).toBe(at(7000).getTime() + ACCOUNT_POLICY.lockMs);
  });

  it('unlocks after the lock and starts counting anew', () => {
    let s: ThrottleState | null = null;
    for (let i = 0; i < 5; i++) s = recordFailure(s, at(i), ACCOUNT_POLICY);
    const later = at(ACCOUNT_POLICY.lockMs + 10);
    expect(checkThrottle(s, later, ACCOUNT_POLICY)).toEqual({ locked: false, delayMs: 0 });
    s = recordFailure(s, later, ACCOUNT_POLICY);
    expect(s.failures).toBe(1);
    expect(s.lockedUntil).toBeNull();
  });

  it('forgets failures older than the window', () => {
    let s: ThrottleState | null = null;
    for (let i = 0; i < 4; i++) s = recordFailure(s, at(i), ACCOUNT_POLICY);
    const later = at(ACCOUNT_POLICY.windowMs + 1000);
    expect(checkThrottle(s, later, ACCOUNT_POLICY)).toEqual({ locked: false, delayMs: 0 });
    expect(recordFailure(s, later, ACCOUNT_POLICY).failures).toBe(1);
  });
});
