/** DB36/T 2016 §7.1.6.2 抢单, §7.1.6.3 专业区域窗口, §6.4.7 潮汐窗口, §5.1.5.1 暂停服务: who may take which ticket. */
import { describe, expect, it } from 'vitest';
import { COUNTER_STATUSES, type CounterKind } from '../organisation/types.ts';
import { assertCanCall, assertMayTake, checkQueuePool, counterView, countersServing, mayTake, poolKey, type PoolCounter, type PoolQueue } from './pool.ts';
import { DEFAULT_PRIORITY_SETTINGS, pickNext, type RankedTicket } from './priority.ts';
import { transition, type TicketState } from './ticket-states.ts';
import { caught } from '../shared/caught.ts';

const queue = (id: string, pool: PoolQueue['pool'], extra: Partial<PoolQueue> = {}): PoolQueue => ({ id, pool, areaName: null, active: true, counters: [], ...extra });
const counter = (id: string, kind: CounterKind, extra: Partial<PoolCounter> = {}): PoolCounter => ({ id, kind, areaName: null, status: 'serving', tidalQueueId: null, ...extra });

const queues: PoolQueue[] = [
  queue('enterprise', 'comprehensive'),
  queue('social', 'comprehensive'),
  queue('old', 'comprehensive', { active: false }),
  queue('property', 'professional', { areaName: '不动产' }),
  queue('police', 'professional', { areaName: ' 公安 ' }),
  queue('post', 'special', { counters: [{ counterId: 'special-1', weight: 0 }] }),
  queue('evening', 'special', { counters: [{ counterId: 'late-1', weight: 5 }, { counterId: 'comp-1', weight: -10 }] }),
];
const keys = (c: PoolCounter) => [...counterView(c, queues).queueWeights.keys()].sort();

describe('counterView: the queues a counter draws from', () => {
  it('§7.1.6.2: a comprehensive counter draws from every active comprehensive queue (one shared pool), plus queues naming it', () => {
    expect(keys(counter('comp-1', 'comprehensive'))).toEqual(['enterprise', 'evening', 'social']);
    expect(keys(counter('comp-2', 'comprehensive'))).toEqual(['enterprise', 'social']);
    expect(counterView(counter('comp-1', 'comprehensive'), queues).queueWeights.get('evening')).toBe(-10);
  });

  it('§7.1.6.3: a professional counter draws from its own area’s queues only (names compared trimmed)', () => {
    expect(keys(counter('p1', 'professional', { areaName: '不动产' }))).toEqual(['property']);
    expect(keys(counter('p2', 'professional', { areaName: '公安' }))).toEqual(['police']);
    expect(keys(counter('p3', 'professional', { areaName: '税务' }))).toEqual([]);
    expect(keys(counter('p4', 'professional', { areaName: null }))).toEqual([]);
  });

  it('§6.4.7: a tidal counter draws from the queue it is open for, nothing while in reserve', () => {
    expect(keys(counter('tidal-1', 'tidal', { tidalQueueId: 'property' }))).toEqual(['property']);
    expect(keys(counter('tidal-1', 'tidal'))).toEqual([]);
  });

  it('special and extended-hours counters draw only from queues that name them, with the named weight', () => {
    expect(keys(counter('special-1', 'special'))).toEqual(['post']);
    expect(keys(counter('late-1', 'extended'))).toEqual(['evening']);
    expect(counterView(counter('late-1', 'extended'), queues).queueWeights.get('evening')).toBe(5);
    expect(keys(counter('special-2', 'special'))).toEqual([]);
  });

  it('the view does not depend on status: a paused counter still sees what waits for it', () => {
    for (const status of COUNTER_STATUSES) expect(keys(counter('comp-2', 'comprehensive', { status }))).toEqual(['enterprise', 'social']);
  });
});

describe('mayTake, assertMayTake', () => {
  const view = counterView(counter('comp-2', 'comprehensive'), queues);
  it('a ticket of a pooled queue, at any comprehensive counter; a reserved ticket only at its counter', () => {
    expect(mayTake(view, { queueId: 'enterprise', reservedCounterId: null })).toBe(true);
    expect(mayTake(view, { queueId: 'property', reservedCounterId: null })).toBe(false);
    expect(mayTake(view, { queueId: 'enterprise', reservedCounterId: 'comp-3' })).toBe(false);
    expect(mayTake(view, { queueId: 'property', reservedCounterId: 'comp-2' })).toBe(true);
  });

  it('TICKET_NOT_IN_POOL names the reason', () => {
    const e1 = caught(() => assertMayTake(view, { queueId: 'property', reservedCounterId: null, number: 'E003' }));
    expect(e1.code).toBe('TICKET_NOT_IN_POOL');
    expect(e1.message).toContain('E003号不在本窗口');
    const e2 = caught(() => assertMayTake(view, { queueId: 'enterprise', reservedCounterId: 'comp-9', number: 'A003' }));
    expect(e2.message).toContain('已指定由其他窗口办理');
    expect(() => assertMayTake(view, { queueId: 'social', reservedCounterId: null })).not.toThrow();
  });
});

describe('§5.1.5.1: only a serving counter calls', () => {
  it('paused, away and closed counters get COUNTER_CANNOT_CALL naming their status', () => {
    expect(() => assertCanCall({ id: 'c', status: 'serving' })).not.toThrow();
    const labels = { paused: '暂停服务', away: '暂时离开', closed: '未开放' } as const;
    for (const status of ['paused', 'away', 'closed'] as const) {
      const err = caught(() => assertCanCall({ id: 'c', status }));
      expect(err.code).toBe('COUNTER_CANNOT_CALL');
      expect(err.message).toContain(labels[status]);
      expect(err.details).toEqual({ counterId: 'c', status });
    }
  });

  it('countersServing counts serving counters that may take the queue', () => {
    const counters = [
      counter('comp-1', 'comprehensive'),
      counter('comp-2', 'comprehensive', { status: 'paused' }),
      counter('comp-3', 'comprehensive'),
      counter('p1', 'professional', { areaName: '不动产' }),
      counter('tidal-1', 'tidal', { tidalQueueId: 'property' }),
    ];
    expect(countersServing('enterprise', counters, queues)).toEqual(['comp-1', 'comp-3']);
    expect(countersServing('property', counters, queues)).toEqual(['p1', 'tidal-1']);
    expect(countersServing('old', counters, queues)).toEqual([]);
  });
});

describe('§7.1.6.2 抢单 end to end: pooled counters calling from one pool', () => {
  it('each "call next" takes the best ticket of the whole pool; a ticket is never taken twice', () => {
    const now = new Date('2025-03-03T10:00:00+08:00');
    const mk = (id: string, queueId: string, minutesAgo: number, priority: RankedTicket['priority'] = 'normal'): TicketState => ({
      id,
      queueId,
      number: id,
      source: 'kiosk',
      priority,
      issuedAt: new Date(now.getTime() - minutesAgo * 60_000),
      queuedAt: new Date(now.getTime() - minutesAgo * 60_000),
      reservedCounterId: null,
      transferredFromId: null,
      status: 'waiting',
      counterId: null,
      clerkId: null,
      recallCount: 0,
      calledAt: null,
      startedAt: null,
      parkedAt: null,
      closedAt: null,
      outcome: null,
    });
    let waiting = [mk('A001', 'enterprise', 20), mk('B001', 'social', 25), mk('B002', 'social', 3, 'elderly'), mk('E001', 'property', 40)];
    const order: string[] = [];
    const counters = ['comp-1', 'comp-2', 'comp-1'].map((id) => counter(id, 'comprehensive'));
    for (const c of counters) {
      assertCanCall(c);
      const next = pickNext(waiting, now, DEFAULT_PRIORITY_SETTINGS, counterView(c, queues));
      const called = transition(next!, { type: 'call' }, { now, actor: { kind: 'counter', counterId: c.id, clerkId: `clerk-${c.id}` }, recallLimit: 2 });
      order.push(`${called.ticket.number}@${called.event.counterId}`);
      waiting = waiting.filter((t) => t.id !== next!.id);
    }
    // B001 waited longest in the pool; elderly B002 (3 + 20) beats A001 (20); the 不动产 ticket is not theirs.
    expect(order).toEqual(['B001@comp-1', 'B002@comp-2', 'A001@comp-1']);
    expect(pickNext(waiting, now, DEFAULT_PRIORITY_SETTINGS, counterView(counter('comp-2', 'comprehensive'), queues))).toBeNull();
  });
});

describe('poolKey, checkQueuePool', () => {
  it('all comprehensive queues share a key; an area is one key; a special queue is its own', () => {
    expect(poolKey(queue('a', 'comprehensive'))).toBe(poolKey(queue('b', 'comprehensive')));
    expect(poolKey(queue('a', 'professional', { areaName: ' 不动产' }))).toBe(poolKey(queue('b', 'professional', { areaName: '不动产 ' })));
    expect(poolKey(queue('a', 'professional', { areaName: '公安' }))).not.toBe(poolKey(queue('b', 'professional', { areaName: '不动产' })));
    expect(poolKey(queue('a', 'special'))).not.toBe(poolKey(queue('b', 'special')));
  });

  it('a professional queue names its area; weights are finite and bounded; no counter twice', () => {
    expect(checkQueuePool(queue('q', 'comprehensive', { counters: [{ counterId: 'c1', weight: 600 }, { counterId: 'c2', weight: -600 }] }))).toEqual([]);
    const issues = checkQueuePool(
      queue('q', 'professional', {
        areaName: '  ',
        counters: [
          { counterId: 'c1', weight: 601 },
          { counterId: 'c1', weight: 0 },
          { counterId: 'c2', weight: Number.NaN },
        ],
      }),
    );
    expect(issues.map((i) => i.path)).toEqual(['/areaName', '/counters/0/weight', '/counters/1/counterId', '/counters/2/weight']);
    expect(issues.every((i) => i.code === 'QUEUE_SETTINGS_INVALID')).toBe(true);
  });
});
