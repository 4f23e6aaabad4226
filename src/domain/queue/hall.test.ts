/** Issue 4 "Wait estimate", "your turn is near"; DB36/T 2016 §5.2.2 显示屏, §7.1.5 等候秩序. */
import { describe, expect, it } from 'vitest';
import type { CounterKind } from '../organisation/types.ts';
import { isNear, nearTickets, placeOf, queueFigures, waitFigures, type Hall, type HallQueue } from './hall.ts';
import type { PoolCounter } from './pool.ts';
import { DEFAULT_PRIORITY_SETTINGS, type PriorityClass, type RankedTicket } from './priority.ts';
import { DEFAULT_ESTIMATE_SETTINGS } from './wait-estimate.ts';

const S = { priority: DEFAULT_PRIORITY_SETTINGS, estimate: { ...DEFAULT_ESTIMATE_SETTINGS, priorWeight: 0 } };
const NOW = new Date('2025-03-03T10:00:00+08:00');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

const queue = (id: string, extra: Partial<HallQueue> = {}): HallQueue => ({ id, pool: 'comprehensive', areaName: null, active: true, counters: [], serviceMinutes: null, ...extra });
const counter = (id: string, kind: CounterKind = 'comprehensive', extra: Partial<PoolCounter> = {}): PoolCounter => ({ id, kind, areaName: null, status: 'serving', tidalQueueId: null, ...extra });
let seq = 0;
const ticket = (queueId: string, waited: number, priority: PriorityClass = 'normal', extra: Partial<RankedTicket> = {}): RankedTicket => {
  const at = minutesAgo(waited);
  return { id: `t${++seq}`, queueId, number: `A${String(seq).padStart(3, '0')}`, priority, issuedAt: at, queuedAt: at, reservedCounterId: null, ...extra };
};

function hall(extra: Partial<Hall> = {}): Hall {
  return {
    queues: [queue('a'), queue('b'), queue('p', { pool: 'professional', areaName: '不动产', serviceMinutes: 20 })],
    counters: [counter('c1'), counter('c2'), counter('p1', 'professional', { areaName: '不动产' })],
    waiting: [],
    busyCounterIds: new Set(),
    serviceSeconds: new Map([['a', [600, 600]]]),
    ...extra,
  };
}

describe('waitFigures: people ahead × rolling average ÷ counters serving', () => {
  it('counts the people ahead in the whole comprehensive pool (§7.1.6.2) and the busy counters', () => {
    const waiting = [ticket('a', 20), ticket('b', 15), ticket('a', 10), ticket('p', 30)];
    const mine = ticket('a', 0);
    // Three comprehensive tickets ahead (the 不动产 one competes elsewhere); both counters busy:
    // place = 3 + 1 − 0 idle = 4 → 4 × 10 min ÷ 2 counters.
    const f = waitFigures(mine, hall({ waiting, busyCounterIds: new Set(['c1', 'c2']) }), NOW, S);
    expect(f).toEqual({ peopleAhead: 3, minutes: 20, text: '约 20 分钟' });
    // Both idle: two of the three ahead are taken at once.
    expect(waitFigures(mine, hall({ waiting }), NOW, S).minutes).toBe(10);
  });

  it('a priority class places the ticket ahead of ordinary ones queued up to its weight in minutes earlier', () => {
    const waiting = [ticket('a', 25), ticket('a', 15), ticket('a', 5)];
    expect(waitFigures(ticket('a', 0, 'green_channel'), hall({ waiting }), NOW, S).peopleAhead).toBe(0);
    expect(waitFigures(ticket('a', 0, 'elderly'), hall({ waiting }), NOW, S).peopleAhead).toBe(1);
  });

  it('uses the queue’s configured average without history, and says so when no counter serves', () => {
    const h = hall({ waiting: [ticket('p', 5)], busyCounterIds: new Set(['p1']) });
    // 不动产: 1 ahead, its one counter busy → 2 places × 20 min (configured) ÷ 1.
    expect(waitFigures(ticket('p', 0), h, NOW, S).minutes).toBe(40);
    const paused = hall({ counters: [counter('p1', 'professional', { areaName: '不动产', status: 'paused' })] });
    expect(waitFigures(ticket('p', 0), paused, NOW, S)).toEqual({ peopleAhead: 0, minutes: null, text: '暂无窗口服务，无法估计' });
  });

  it('a ticket reserved to one counter waits for that counter only', () => {
    const reserved = ticket('a', 0, 'normal', { reservedCounterId: 'c2' });
    const h = hall({ waiting: [ticket('a', 30), ticket('a', 20, 'normal', { reservedCounterId: 'c2' })], busyCounterIds: new Set(['c2']) });
    // One reserved ticket ahead at c2, which is busy: 2 places × 10 min.
    expect(waitFigures(reserved, h, NOW, S)).toMatchObject({ peopleAhead: 1, minutes: 20 });
  });
});

describe('queueFigures: what the hall display and the kiosk show per queue', () => {
  it('waiting, longest wait and the estimate of a ticket taken now, for active queues only', () => {
    const h = hall({
      queues: [queue('a'), queue('b'), queue('old', { active: false })],
      waiting: [ticket('a', 12), ticket('a', 3), ticket('b', 7)],
      busyCounterIds: new Set(['c1', 'c2']),
    });
    const figures = queueFigures(h, NOW, S);
    expect(figures.map((f) => f.queueId)).toEqual(['a', 'b']);
    expect(figures[0]).toMatchObject({ waiting: 2, longestWaitMinutes: 12 });
    expect(figures[1]).toMatchObject({ waiting: 1, longestWaitMinutes: 7 });
    // Everyone waiting in the pool (3) is ahead of a ticket taken now: 4 places × 10 ÷ 2 (queue a); b has no history: 10 min default.
    expect(figures[0]!.estimateMinutes).toBe(20);
    expect(figures[1]!.estimateMinutes).toBe(20);
    expect(queueFigures(hall(), NOW, S)[1]).toMatchObject({ waiting: 0, longestWaitMinutes: 0, estimateMinutes: 0, estimateText: '即将叫号' });
  });
});

describe('"your turn is near"', () => {
  it('the place is people ahead + 1; near at or before the configured place', () => {
    expect(placeOf(0)).toBe(1);
    expect(isNear(4, 5)).toBe(true);
    expect(isNear(5, 5)).toBe(false);
    expect(isNear(0, 1)).toBe(true);
  });

  it('nearTickets: the candidates whose place has come within reach', () => {
    const line = [ticket('a', 40), ticket('a', 30), ticket('b', 20), ticket('a', 10), ticket('a', 5)];
    const h = hall({ waiting: line });
    const ids = new Set(line.map((t) => t.id));
    expect(nearTickets(h, ids, 3, NOW, S)).toEqual(line.slice(0, 3).map((t) => t.id));
    expect(nearTickets(h, new Set([line[4]!.id, line[1]!.id]), 3, NOW, S)).toEqual([line[1]!.id]);
  });
});
