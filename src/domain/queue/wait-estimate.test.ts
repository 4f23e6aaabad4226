/** Issue 4 "Wait estimate"; DB36/T 2016 §7.1.5 等候秩序. */
import { describe, expect, it } from 'vitest';
import type { PoolQueue } from './pool.ts';
import { DEFAULT_PRIORITY_SETTINGS, type RankedTicket } from './priority.ts';
import { DEFAULT_ESTIMATE_SETTINGS, averageServiceMinutes, describeWait, estimateWaitMinutes, peopleAhead } from './wait-estimate.ts';

const S = DEFAULT_ESTIMATE_SETTINGS; // last 20, 2 pseudo-samples of 10 minutes, each capped at 120

describe('averageServiceMinutes: rolling, shrunk toward the configured figure', () => {
  it('no history: the queue’s configured average, else the centre default', () => {
    expect(averageServiceMinutes([], S, 7)).toEqual({ minutes: 7, samples: 0, basis: 'fallback' });
    expect(averageServiceMinutes([], S)).toEqual({ minutes: 10, samples: 0, basis: 'fallback' });
  });

  it('mixes measured times with two pseudo-samples of the fallback', () => {
    expect(averageServiceMinutes([300], S).minutes).toBeCloseTo((5 + 2 * 10) / 3, 10);
    expect(averageServiceMinutes(Array(18).fill(300), S)).toEqual({ minutes: (18 * 5 + 2 * 10) / 20, samples: 18, basis: 'history' });
    expect(averageServiceMinutes([600, 600, 600], S, 10).minutes).toBe(10);
    expect(averageServiceMinutes([60, 120], { ...S, priorWeight: 0 }).minutes).toBe(1.5);
  });

  it('only the last `sampleSize` times count, oldest first in the list', () => {
    const old = Array(50).fill(60 * 60);
    const recent = Array(20).fill(6 * 60);
    expect(averageServiceMinutes([...old, ...recent], { ...S, priorWeight: 0 })).toEqual({ minutes: 6, samples: 20, basis: 'history' });
  });

  it('caps a ticket left open over lunch and ignores nonsense', () => {
    expect(averageServiceMinutes([10 * 3600], { ...S, priorWeight: 0 }).minutes).toBe(120);
    expect(averageServiceMinutes([Number.NaN, -5, 600], { ...S, priorWeight: 0 })).toEqual({ minutes: 10, samples: 1, basis: 'history' });
  });
});

describe('estimateWaitMinutes: average × people ahead ÷ counters serving', () => {
  it('the formula of issue 4', () => {
    expect(estimateWaitMinutes({ peopleAhead: 6, averageServiceMinutes: 10, countersServing: 3 })).toBe(20);
    expect(estimateWaitMinutes({ peopleAhead: 1, averageServiceMinutes: 9, countersServing: 2 })).toBe(4.5);
    expect(estimateWaitMinutes({ peopleAhead: 0, averageServiceMinutes: 9, countersServing: 2 })).toBe(0);
  });

  it('null when no counter serves the queue', () => {
    expect(estimateWaitMinutes({ peopleAhead: 3, averageServiceMinutes: 9, countersServing: 0 })).toBeNull();
    expect(estimateWaitMinutes({ peopleAhead: 0, averageServiceMinutes: 9, countersServing: 0 })).toBeNull();
  });

  it('with busy counters: idle counters take people at once, and a full hall adds the wait for a counter to free', () => {
    // 3 counters, 1 busy: 2 idle take the 2 people ahead, and the ticket too is within reach → 1 place × 10 / 3.
    expect(estimateWaitMinutes({ peopleAhead: 2, averageServiceMinutes: 10, countersServing: 3, busyCounters: 1 })).toBeCloseTo(10 / 3, 10);
    expect(estimateWaitMinutes({ peopleAhead: 1, averageServiceMinutes: 10, countersServing: 3, busyCounters: 1 })).toBe(0);
    // All busy, nobody ahead: wait for the first counter to free.
    expect(estimateWaitMinutes({ peopleAhead: 0, averageServiceMinutes: 12, countersServing: 3, busyCounters: 3 })).toBe(4);
    expect(estimateWaitMinutes({ peopleAhead: 5, averageServiceMinutes: 12, countersServing: 3, busyCounters: 3 })).toBe(24);
  });
});

describe('describeWait', () => {
  it('as printed on the ticket', () => {
    expect(describeWait(null)).toBe('暂无窗口服务，无法估计');
    expect(describeWait(0)).toBe('即将叫号');
    expect(describeWait(0.99)).toBe('即将叫号');
    expect(describeWait(1)).toBe('约 1 分钟');
    expect(describeWait(12.1)).toBe('约 13 分钟');
    expect(describeWait(30)).toBe('约 30 分钟');
    expect(describeWait(31)).toBe('约 35 分钟');
    expect(describeWait(60)).toBe('约 1 小时');
    expect(describeWait(84)).toBe('约 1 小时 25 分钟');
  });
});

describe('peopleAhead: within the ticket’s pool (§7.1.6.2, §7.1.6.3)', () => {
  const now = new Date('2025-03-03T10:00:00+08:00');
  const queues: Pick<PoolQueue, 'id' | 'pool' | 'areaName'>[] = [
    { id: 'qA', pool: 'comprehensive', areaName: null },
    { id: 'qB', pool: 'comprehensive', areaName: null },
    { id: 'qP', pool: 'professional', areaName: '不动产' },
    { id: 'qS', pool: 'special', areaName: null },
  ];
  const t = (id: string, queueId: string, minutesAgo: number, extra: Partial<RankedTicket> = {}): RankedTicket => {
    const at = new Date(now.getTime() - minutesAgo * 60_000);
    return { id, queueId, number: id, priority: 'normal', issuedAt: at, queuedAt: at, reservedCounterId: null, ...extra };
  };
  const waiting = [t('A1', 'qA', 30), t('B1', 'qB', 20), t('B2', 'qB', 1, { priority: 'elderly' }), t('P1', 'qP', 50), t('S1', 'qS', 50), t('R1', 'qA', 40, { reservedCounterId: 'c9' })];

  it('counts every comprehensive queue together, ranked by priority; not other pools or reserved tickets', () => {
    expect(peopleAhead(t('NEW', 'qA', 0), waiting, queues, now, DEFAULT_PRIORITY_SETTINGS)).toBe(3);
    expect(peopleAhead(t('NEW', 'qB', 0, { priority: 'green_channel' }), waiting, queues, now, DEFAULT_PRIORITY_SETTINGS)).toBe(0);
    expect(peopleAhead(t('NEW', 'qP', 0), waiting, queues, now, DEFAULT_PRIORITY_SETTINGS)).toBe(1);
    expect(peopleAhead(t('NEW', 'qS', 0), waiting, queues, now, DEFAULT_PRIORITY_SETTINGS)).toBe(1);
  });

  it('a reserved ticket counts only the tickets reserved to the same counter; a ticket already in the list does not count itself', () => {
    expect(peopleAhead(t('NEW', 'qA', 0, { reservedCounterId: 'c9' }), waiting, queues, now, DEFAULT_PRIORITY_SETTINGS)).toBe(1);
    // B1 (20 min) has A1 (30) and the elderly B2 (1 + 20) ahead of it.
    expect(peopleAhead(waiting[1]!, waiting, queues, now, DEFAULT_PRIORITY_SETTINGS)).toBe(2);
  });
});
