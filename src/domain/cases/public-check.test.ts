import { describe, expect, it } from 'vitest';
import { checkKeys, countedAddress, countersAfterFailure, pairLockedUntil, type CheckCounters } from './public-check.ts';

const NOW = new Date('2025-03-03T10:00:00+08:00');
const none: CheckCounters = { pair: null, address: null, caseNumber: null };

describe('§8.1.2.1 the public check’s guessing throttle', () => {
  it('counts IPv4 as it is and IPv6 by its /64 prefix', () => {
    expect(countedAddress('192.0.2.7')).toBe('192.0.2.7');
    expect(countedAddress('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(countedAddress('2001:db8:1:2::9')).toBe(countedAddress('2001:0db8:0001:0002:ffff:0:0:1'));
    expect(countedAddress('2001:db8:1:2::9')).not.toBe(countedAddress('2001:db8:1:3::9'));
    expect(checkKeys('192.0.2.7', 'N1')).toEqual({ pair: 'pair:192.0.2.7|N1', address: 'ip:192.0.2.7', caseNumber: 'case:N1' });
  });

  it('locks a pair at its 5th failure for 15 minutes; the alarms alone refuse nothing', () => {
    let c: CheckCounters = none;
    for (let i = 0; i < 4; i++) c = countersAfterFailure(c, NOW);
    expect(pairLockedUntil(c, NOW)).toBeNull();
    c = countersAfterFailure(c, NOW);
    expect(pairLockedUntil(c, NOW)).toEqual(new Date(NOW.getTime() + 15 * 60_000));
    expect(pairLockedUntil({ ...c, pair: null }, NOW)).toBeNull();
  });

  it('a case with 10 failures is under attack for 24 hours: one failure then locks its pair for 24 hours', () => {
    let caseNumber = none.caseNumber;
    for (let i = 0; i < 9; i++) caseNumber = countersAfterFailure({ ...none, caseNumber }, NOW).caseNumber;
    expect(pairLockedUntil(countersAfterFailure({ ...none, caseNumber }, NOW), NOW)).toEqual(new Date(NOW.getTime() + 24 * 3_600_000));
    const fresh = countersAfterFailure({ pair: null, address: null, caseNumber: { failures: 3, windowStart: NOW, lockedUntil: null } }, NOW);
    expect(pairLockedUntil(fresh, NOW)).toBeNull();
  });

  it('an address with 20 failures is in alarm: one failure then locks its pair for 15 minutes; a raised alarm lasts its time', () => {
    const address = { failures: 19, windowStart: NOW, lockedUntil: null };
    expect(pairLockedUntil(countersAfterFailure({ ...none, address }, NOW), NOW)).toEqual(new Date(NOW.getTime() + 15 * 60_000));
    const raised = new Date(NOW.getTime() + 60_000);
    const later = new Date(NOW.getTime() + 16 * 60_000);
    const kept = countersAfterFailure({ ...none, address: { failures: 20, windowStart: new Date(NOW.getTime() - 15 * 60_000), lockedUntil: new Date(later.getTime() + 1) } }, later);
    expect(kept.address.lockedUntil!.getTime()).toBeGreaterThan(later.getTime());
    expect(raised.getTime()).toBeLessThan(later.getTime());
  });
});
