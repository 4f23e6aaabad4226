/** DB36/T 2016 §6.4.7 依据需要预留潮汐窗口: thresholds, hysteresis, opening and closing. */
import { describe, expect, it } from 'vitest';
import { counterView, type PoolQueue } from './pool.ts';
import {
  DEFAULT_TIDAL_SETTINGS,
  checkTidalThresholds,
  closeTidalCounter,
  evaluateTidal,
  openTidalCounter,
  type QueueLoad,
  type TidalCounter,
  type TidalEvent,
  type TidalQueueState,
  type TidalThresholds,
} from './tidal.ts';
import { caught } from '../shared/caught.ts';

const t0 = new Date('2025-03-03T09:00:00+08:00');
const minute = (m: number) => new Date(t0.getTime() + m * 60_000);
const thresholds: TidalThresholds[] = [
  { queueId: 'qA', openAtWaiting: 30, openAtLongestWaitMinutes: 40 },
  { queueId: 'qP', openAtWaiting: null, openAtLongestWaitMinutes: 20 },
];
const tidal = (counterId: string, number: string, assignedQueueId: string | null = null): TidalCounter => ({ counterId, number, kind: 'tidal', status: 'closed', assignedQueueId });
const reserve = [tidal('t10', '10'), tidal('t2', '2'), { ...tidal('n1', '1'), kind: 'comprehensive' as const }];
const load = (queueId: string, waiting: number, longestWaitMinutes = 0): QueueLoad => ({ queueId, queueName: queueId === 'qA' ? '社保医保' : '不动产', waiting, longestWaitMinutes });

/** Feeds readings of one queue, one per minute, and collects the events. */
function run(readings: readonly [number, number][], counters: readonly TidalCounter[] = reserve, settings = DEFAULT_TIDAL_SETTINGS) {
  let states: TidalQueueState[] = [];
  const events: (TidalEvent & { minute: number })[] = [];
  readings.forEach(([waiting, longest], m) => {
    const r = evaluateTidal({ states, loads: [load('qA', waiting, longest)], thresholds, counters, now: minute(m), settings });
    states = r.states;
    for (const e of r.events) events.push({ ...e, minute: m });
  });
  return { states, events };
}

describe('raising an alert', () => {
  it('nothing below the thresholds', () => {
    expect(run([[29, 39], [10, 0], [0, 0]]).events).toEqual([]);
  });

  it('at the waiting threshold: one alert naming the lowest-numbered free tidal counter (2 before 10)', () => {
    const { events, states } = run([[30, 5]]);
    expect(events).toEqual([
      {
        type: 'tidal.alert',
        queueId: 'qA',
        reason: 'waiting',
        waiting: 30,
        longestWaitMinutes: 5,
        counterId: 't2',
        message: '“社保医保”等候 30 人，达到 30 人，建议开放 2 号潮汐窗口（DB36/T 2016 §6.4.7）',
        minute: 0,
      },
    ]);
    expect(states).toEqual([
      { queueId: 'qA', raisedAt: minute(0), calmSince: null },
      { queueId: 'qP', raisedAt: null, calmSince: null },
    ]);
  });

  it('at the longest-wait threshold, with the reason', () => {
    const e = run([[3, 40.7]]).events[0]!;
    expect(e).toMatchObject({ type: 'tidal.alert', reason: 'longest_wait', counterId: 't2' });
    expect(e.message).toContain('最长已等候 40 分钟，达到 40 分钟');
  });

  it('no free tidal counter: the alert says so', () => {
    const e = run([[31, 0]], [tidal('t2', '2', 'qX')]).events[0]!;
    expect(e).toMatchObject({ type: 'tidal.alert', counterId: null });
    expect(e.message).toContain('暂无空闲的潮汐窗口');
  });

  it('two queues swelling at once are offered different counters', () => {
    const r = evaluateTidal({ states: [], loads: [load('qA', 35), load('qP', 1, 25)], thresholds, counters: reserve, now: t0, settings: DEFAULT_TIDAL_SETTINGS });
    expect(r.events.map((e) => (e.type === 'tidal.alert' ? e.counterId : null))).toEqual(['t2', 't10']);
  });
});

describe('hysteresis: no flapping', () => {
  it('a queue hovering around the threshold raises one alert, not one per crossing', () => {
    const readings: [number, number][] = [];
    for (let m = 0; m < 60; m++) readings.push([m % 2 === 0 ? 31 : 28, 10]);
    const { events } = run(readings);
    expect(events.map((e) => e.type)).toEqual(['tidal.alert']);
  });

  it('clears only after `calmMinutes` of calm (≤ half of every threshold); a reading in between restarts the calm', () => {
    // Raised at 0; calm (≤ 15 waiting, ≤ 20 min) from 1; a reading of 16 at 6 restarts; calm again from 7; clears at 17.
    const readings: [number, number][] = [[30, 0], [15, 20], [10, 0], [10, 0], [10, 0], [10, 0], [16, 0]];
    for (let m = 7; m <= 20; m++) readings.push([10, 0]);
    const { events } = run(readings, [tidal('t2', '2', 'qA'), tidal('t10', '10')]);
    expect(events.map((e) => [e.type, e.minute])).toEqual([
      ['tidal.alert', 0],
      ['tidal.clear', 17],
    ]);
    expect(events[1]).toMatchObject({ type: 'tidal.clear', counterIds: ['t2'], message: '“社保医保”排队已回落，可关闭 2 号潮汐窗口' });
  });

  it('after clearing, a new swell raises a new alert', () => {
    const readings: [number, number][] = [[40, 0]];
    for (let m = 1; m <= 11; m++) readings.push([0, 0]);
    readings.push([30, 0]);
    const { events } = run(readings);
    expect(events.map((e) => [e.type, e.minute])).toEqual([
      ['tidal.alert', 0],
      ['tidal.clear', 11],
      ['tidal.alert', 12],
    ]);
  });

  it('a queue without a reading keeps its state; an unwatched threshold never blocks calm', () => {
    const raised: TidalQueueState = { queueId: 'qP', raisedAt: t0, calmSince: minute(1) };
    const kept = evaluateTidal({ states: [raised], loads: [], thresholds, counters: reserve, now: minute(30), settings: DEFAULT_TIDAL_SETTINGS });
    expect(kept.states[1]).toEqual(raised);
    // qP watches only the longest wait: 500 people waiting do not keep its alert up.
    const cleared = evaluateTidal({ states: [raised], loads: [load('qP', 500, 10)], thresholds, counters: reserve, now: minute(30), settings: DEFAULT_TIDAL_SETTINGS });
    expect(cleared.events.map((e) => e.type)).toEqual(['tidal.clear']);
  });
});

describe('opening and closing', () => {
  const queues: PoolQueue[] = [{ id: 'qA', pool: 'comprehensive', areaName: null, active: true, counters: [] }];

  it('opening assigns the counter to the queue: pool.ts lets it draw from that queue; closing returns it to the reserve', () => {
    const opened = openTidalCounter(tidal('t2', '2'), 'qA');
    expect(opened.assignedQueueId).toBe('qA');
    const asPool = (c: TidalCounter) => counterView({ id: c.counterId, kind: 'tidal', areaName: null, status: 'serving', tidalQueueId: c.assignedQueueId }, queues);
    expect([...asPool(opened).queueWeights.keys()]).toEqual(['qA']);
    const closed = closeTidalCounter(opened);
    expect(closed).toMatchObject({ assignedQueueId: null, status: 'closed' });
    expect([...asPool(closed).queueWeights.keys()]).toEqual([]);
    // Back in reserve: the next alert may offer it again.
    expect(run([[30, 0]], [closed]).events[0]).toMatchObject({ counterId: 't2' });
  });

  it('opening again for the same queue changes nothing; for another queue it is TIDAL_COUNTER_BUSY', () => {
    const opened = openTidalCounter(tidal('t2', '2'), 'qA');
    expect(openTidalCounter(opened, 'qA')).toEqual(opened);
    expect(caught(() => openTidalCounter(opened, 'qB')).code).toBe('TIDAL_COUNTER_BUSY');
  });

  it('only tidal counters open and close; closing one in reserve is TIDAL_COUNTER_NOT_OPEN', () => {
    const ordinary: TidalCounter = { ...tidal('c1', '1'), kind: 'comprehensive' };
    expect(caught(() => openTidalCounter(ordinary, 'qA')).code).toBe('COUNTER_NOT_TIDAL');
    expect(caught(() => closeTidalCounter(ordinary)).code).toBe('COUNTER_NOT_TIDAL');
    expect(caught(() => closeTidalCounter(tidal('t2', '2'))).code).toBe('TIDAL_COUNTER_NOT_OPEN');
  });
});

describe('checkTidalThresholds', () => {
  it('positive whole numbers or none', () => {
    expect(checkTidalThresholds({ openAtWaiting: 30, openAtLongestWaitMinutes: null })).toEqual([]);
    expect(checkTidalThresholds({ openAtWaiting: 0, openAtLongestWaitMinutes: 2.5 }).map((i) => i.path)).toEqual(['/tidal/openAtWaiting', '/tidal/openAtLongestWaitMinutes']);
  });
});
