import { describe, expect, it } from 'vitest';
import { alertsAfter, mergeStats } from './LivePanel.tsx';
import { toBody, toValues } from './QueueFields.tsx';
import type { QueueStat, QueueView, TidalAlertEvent } from './types.ts';

const stat = (queueId: string, waiting: number): QueueStat => ({ queueId, name: queueId, prefix: 'A', waiting, longestWaitMinutes: 0, estimateMinutes: null, estimateText: '' });

describe('the queue form body', () => {
  it('upper-cases the prefix, drops empty rows and sends no tidal rule when nothing is set', () => {
    const body = toBody({ name: ' 人才服务 ', prefix: 'w', pool: 'comprehensive', areaName: ' ', issuingWindows: [{ start: '09:00', end: '11:30' }, null], counters: [{ weight: 5 }, { counterId: 'c1', weight: null }], tidal: { tidalCounterIds: [] } });
    expect(body).toMatchObject({ name: '人才服务', prefix: 'W', areaName: null, itemIds: [], dailyQuota: null, serviceMinutes: null, tidal: null });
    expect(body.issuingWindows).toEqual([{ start: '09:00', end: '11:30' }]);
    expect(body.counters).toEqual([{ counterId: 'c1', weight: 0 }]);
  });

  it('keeps a tidal rule with one threshold (DB36/T 2016 §6.4.7) and survives a round trip through the form', () => {
    const view: QueueView = {
      id: 'q',
      centreId: 'c',
      name: '不动产登记',
      prefix: 'B',
      pool: 'professional',
      poolLabel: '专业区域窗口',
      areaName: '不动产登记专区',
      itemIds: ['i1'],
      dailyQuota: 80,
      issuingWindows: [{ start: '09:00', end: '11:30' }],
      serviceMinutes: 20,
      counters: [{ counterId: 'k', weight: 30 }],
      tidal: { openAtWaiting: 10, openAtLongestWaitMinutes: null, tidalCounterIds: ['t'] },
      sortOrder: 10,
      retiredAt: null,
      createdAt: '',
      updatedAt: '',
    };
    const { id: _id, centreId: _c, poolLabel: _p, sortOrder: _s, retiredAt: _r, createdAt: _ca, updatedAt: _u, ...rest } = view;
    expect(toBody(toValues(view))).toEqual(rest);
  });
});

describe('the live panel state', () => {
  it('replaces the queues a queue.stats event names, keeps the others, and applies twice harmlessly', () => {
    const once = mergeStats([stat('a', 1), stat('b', 2)], [stat('b', 5), stat('c', 1)]);
    expect(once.map((q) => [q.queueId, q.waiting])).toEqual([['a', 1], ['b', 5], ['c', 1]]);
    expect(mergeStats(once, [stat('b', 5), stat('c', 1)])).toEqual(once);
  });

  it('keeps one alert per queue, the latest first', () => {
    const alert = (queueId: string, action: 'open' | 'close'): TidalAlertEvent => ({ queueId, queueName: queueId, counterId: 't', counterNumber: '14', action, trigger: null, reason: '' });
    const list = alertsAfter(alertsAfter([alert('a', 'open')], alert('b', 'open')), alert('a', 'close'));
    expect(list.map((a) => [a.queueId, a.action])).toEqual([['a', 'close'], ['b', 'open']]);
  });
});
