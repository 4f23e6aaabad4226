import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.ts';
import { applyCounterStatus, checkCounterKind, counterSortKey, professionalAreaWarning } from './counter-rules.ts';

const now = new Date('2025-03-03T10:00:00+08:00');

describe('counter numbers sort naturally (§6.4.2 counter signs)', () => {
  it('puts 2 before 10 and A2 before A10', () => {
    const numbers = ['10', '2', '1', 'A10', 'A2', '21', '03', 'B1', '100'];
    const sorted = [...numbers].sort((a, b) => (counterSortKey(a) < counterSortKey(b) ? -1 : 1));
    expect(sorted).toEqual(['1', '2', '03', '10', '21', '100', 'A2', 'A10', 'B1']);
  });
  it('compares every run of digits, not only the first', () => {
    expect(counterSortKey('1-2') < counterSortKey('1-10')).toBe(true);
  });
  it('gives 02 and 2 the same key (they are told apart by the number itself)', () => {
    expect(counterSortKey('02')).toBe(counterSortKey('2'));
    expect(counterSortKey('0')).toBe('0'.padStart(16, '0'));
  });
  it('ignores case and surrounding spaces', () => {
    expect(counterSortKey(' a2 ')).toBe(counterSortKey('A2'));
  });
});

describe('§7.1.6.3 professional-area counters', () => {
  it('need an area name', () => {
    expect(checkCounterKind('professional', null).map((i) => i.code)).toEqual(['COUNTER_AREA_REQUIRED']);
    expect(checkCounterKind('professional', '  ').map((i) => i.path)).toEqual(['/areaName']);
    expect(checkCounterKind('professional', '税务专区')).toEqual([]);
  });
  it('other kinds need none', () => {
    for (const kind of ['comprehensive', 'special', 'tidal', 'extended'] as const) expect(checkCounterKind(kind, undefined)).toEqual([]);
  });
  it('warns above six areas, counting each area once', () => {
    const six = ['公安', '税务', '社保医保', '公积金', '不动产', '企业开办'];
    expect(professionalAreaWarning([...six, '公安', ' 税务 '])).toBeNull();
    expect(professionalAreaWarning([...six, '交通'])?.code).toBe('PROFESSIONAL_AREAS_EXCEED');
  });
});

describe('§5.1.5.1 counter status and whereabouts', () => {
  it('keeps the reason of a pause, and its return time when given (issue 4 "pause with reason")', () => {
    const back = new Date(now.getTime() + 600_000);
    expect(applyCounterStatus({ status: 'paused', awayReason: ' 系统故障 ', expectedReturnAt: back }, now)).toEqual({ status: 'paused', awayReason: '系统故障', expectedReturnAt: back });
    expect(applyCounterStatus({ status: 'paused' }, now)).toEqual({ status: 'paused', awayReason: null, expectedReturnAt: null });
    expect(() => applyCounterStatus({ status: 'paused', awayReason: '培训', expectedReturnAt: now }, now)).toThrow(AppError);
  });

  it('clears whereabouts for serving and closed', () => {
    for (const status of ['serving', 'closed'] as const) {
      expect(applyCounterStatus({ status, awayReason: '窗口会商', expectedReturnAt: new Date(now.getTime() + 60_000) }, now)).toEqual({
        status,
        awayReason: null,
        expectedReturnAt: null,
      });
    }
  });

  it('keeps the reason and the expected return of an away clerk', () => {
    const back = new Date('2025-03-03T10:20:00+08:00');
    expect(applyCounterStatus({ status: 'away', awayReason: ' 后台审批会商 ', expectedReturnAt: back }, now)).toEqual({
      status: 'away',
      awayReason: '后台审批会商',
      expectedReturnAt: back,
    });
  });

  it('refuses away without a reason or without an expected return, naming each field', () => {
    const err = (() => {
      try {
        applyCounterStatus({ status: 'away', awayReason: ' ' }, now);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('COUNTER_AWAY_REASON_REQUIRED');
    expect((err as AppError).fields.map((f) => f.path)).toEqual(['/awayReason', '/expectedReturnAt']);
  });

  it('refuses an expected return that is not in the future', () => {
    expect(() => applyCounterStatus({ status: 'away', awayReason: '取件', expectedReturnAt: now }, now)).toThrow(
      expect.objectContaining({ code: 'COUNTER_RETURN_TIME_INVALID' }),
    );
  });
});
