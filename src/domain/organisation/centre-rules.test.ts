import { describe, expect, it } from 'vitest';
import { checkCentreName, DEFAULT_SERVICE_HOURS, validateServiceHours } from './centre-rules.ts';

describe('§4.5.3 centre naming', () => {
  it.each([
    ['南昌市政务服务中心', 'city'],
    ['江西省政务服务中心', 'province'],
    ['新建区政务服务中心', 'county'],
    ['昌北镇便民服务中心', 'township'],
    ['樟树村便民服务站', 'village'],
    ['小蓝经开区企业服务中心', 'park'],
  ] as const)('accepts %s at level %s', (name, level) => {
    expect(checkCentreName(name, level)).toBeNull();
  });

  it.each([
    ['新建区行政服务中心', 'county'],
    ['樟树村便民服务中心', 'village'],
    ['政务服务中心', 'county'],
    ['昌北镇便民服务站', 'township'],
  ] as const)('warns for %s at level %s', (name, level) => {
    expect(checkCentreName(name, level)?.code).toBe('CENTRE_NAME_NONSTANDARD');
  });
});

describe('service hours (§5.1.3.1, §8.1.3.5)', () => {
  it('accepts the default hours', () => {
    expect(validateServiceHours(DEFAULT_SERVICE_HOURS)).toEqual([]);
  });
  it('rejects a window that ends before it starts', () => {
    const issues = validateServiceHours({ ...DEFAULT_SERVICE_HOURS, morning: { start: '12:00', end: '09:00' } });
    expect(issues.map((i) => i.path)).toEqual(['/serviceHours/morning']);
  });
  it('rejects an afternoon that overlaps the morning', () => {
    const issues = validateServiceHours({ ...DEFAULT_SERVICE_HOURS, afternoon: { start: '11:00', end: '17:00' } });
    expect(issues.map((i) => i.path)).toEqual(['/serviceHours/afternoon']);
  });
  it('rejects early and late windows that overlap regular hours', () => {
    const issues = validateServiceHours({
      ...DEFAULT_SERVICE_HOURS,
      early: { start: '08:00', end: '09:30' },
      late: { start: '16:30', end: '18:00' },
    });
    expect(issues.map((i) => i.path)).toEqual(['/serviceHours/early', '/serviceHours/late']);
  });
});
