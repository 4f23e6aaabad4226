/**
 * The displays' pure logic: routes, what each stream event does to the hall and to a
 * counter screen, labels (DB36/T 2016 §5.2.2, §6.4.2), and the expected-return time.
 */
import { describe, expect, it } from 'vitest';
import { formatReturn } from './clock.ts';
import { cardAfter, counterLabel, estimateText, isCall, latestPerTicket, MAX_CALLS, noticePieces, queuesAfterIssue, routeOf, targetPath, withCall } from './state.ts';
import type { CalledEvent, CounterCard, QueueStat, TicketFinishedEvent } from './types.ts';

function call(ticketId: string, number: string, counterId = 'c5', recall = false): CalledEvent {
  return {
    ticketId,
    number,
    queueId: 'q',
    queueName: '综合受理',
    counterId,
    counterNumber: '5',
    counterName: '综合受理',
    text: `${recall ? '再次呼叫：' : ''}请${number}号到5号窗口办理`,
    speech: `请${number}号到五号窗口办理`,
    lang: 'zh-CN',
    repeat: 2,
    rate: 0.9,
    volume: 1,
    recall,
    at: '2026-03-10T01:00:00.000Z',
  };
}

function finished(ticketId: string, number: string): TicketFinishedEvent {
  return { ticketId, number, counterId: 'c5', status: 'finished', outcome: 'done' };
}

const card: CounterCard = {
  counterId: 'c5',
  number: '5',
  name: '综合受理',
  status: 'serving',
  statusLabel: '服务中',
  awayReason: null,
  expectedReturnAt: null,
  clerk: { name: '李晓燕', title: '综合受理员', workNumber: 'XJ0001', photoUrl: null },
  currentNumber: null,
};

describe('routes', () => {
  it('chooses the screen by path', () => {
    expect(routeOf('/display/hall')).toEqual({ kind: 'hall', counterId: null });
    expect(routeOf('/display/hall/')).toEqual({ kind: 'hall', counterId: null });
    expect(routeOf('/display/counter/abc')).toEqual({ kind: 'counter', counterId: 'abc' });
    expect(routeOf('/display/counter/')).toEqual({ kind: 'counter', counterId: null });
    expect(routeOf('/display/')).toEqual({ kind: null, counterId: null });
    expect(routeOf('/display/counter/a/b')).toEqual({ kind: null, counterId: null });
  });

  it('leads back to the screen after the set-up', () => {
    expect(targetPath('hall', null)).toBe('/display/hall');
    expect(targetPath('counter', 'abc')).toBe('/display/counter/abc');
    expect(routeOf(targetPath('counter', 'abc')).counterId).toBe('abc');
  });
});

describe('the hall', () => {
  it('puts a new call on top and keeps the latest ten', () => {
    let calls: CalledEvent[] = [];
    for (let i = 1; i <= 12; i++) calls = withCall(calls, call(`t${i}`, `A${String(i).padStart(3, '0')}`));
    expect(calls).toHaveLength(MAX_CALLS);
    expect(calls[0]!.number).toBe('A012');
    expect(calls.at(-1)!.number).toBe('A003');
  });

  it('moves a recalled ticket to the top instead of listing it twice', () => {
    const calls = withCall([call('t2', 'A002'), call('t1', 'A001')], call('t1', 'A001', 'c5', true));
    expect(calls.map((c) => [c.number, c.recall])).toEqual([
      ['A001', true],
      ['A002', false],
    ]);
  });

  it('shows each ticket of the bootstrap once, at its latest call', () => {
    const calls = latestPerTicket([call('t1', 'A001', 'c5', true), call('t2', 'A002'), call('t1', 'A001')]);
    expect(calls.map((c) => [c.number, c.recall])).toEqual([
      ['A001', true],
      ['A002', false],
    ]);
  });

  it('accepts only call-shaped event data', () => {
    expect(isCall(call('t1', 'A001'))).toBe(true);
    expect(isCall({ ticketId: 't1', number: 'A001' })).toBe(false);
    expect(isCall(null)).toBe(false);
  });

  it('updates the waiting count of the issued ticket’s queue only', () => {
    const queues: QueueStat[] = [
      { queueId: 'qa', name: '综合受理', prefix: 'A', waiting: 3, longestWaitMinutes: 5, estimateMinutes: 9, estimateText: '约9分钟' },
      { queueId: 'qb', name: '不动产登记', prefix: 'B', waiting: 1, longestWaitMinutes: 2, estimateMinutes: 4, estimateText: '约4分钟' },
    ];
    const after = queuesAfterIssue(queues, { ticketId: 't', number: 'A004', queueId: 'qa', queueName: '综合受理', waiting: 4 });
    expect(after.map((q) => q.waiting)).toEqual([4, 1]);
    expect(queues[0]!.waiting).toBe(3);
  });

  it('words the estimate', () => {
    const q: QueueStat = { queueId: 'q', name: 'x', prefix: 'A', waiting: 2, longestWaitMinutes: 1, estimateMinutes: 7, estimateText: '' };
    expect(estimateText({ ...q, waiting: 0 })).toBe('无需等候');
    expect(estimateText({ ...q, estimateText: '约 7 分钟' })).toBe('约 7 分钟');
    expect(estimateText(q)).toBe('约7分钟');
    expect(estimateText({ ...q, estimateMinutes: null })).toBe('—');
  });

  it('reads counter numbers as people say them', () => {
    expect(counterLabel('5')).toBe('5号窗口');
    expect(counterLabel('05')).toBe('5号窗口');
    expect(counterLabel('5号')).toBe('5号窗口');
    expect(counterLabel('B03')).toBe('B3号窗口');
  });

  it('cuts a notice into sentences for the still (reduced-motion) notice', () => {
    expect(noticePieces('请保管好随身物品。过号请重新取号！\n谢谢配合')).toEqual(['请保管好随身物品。', '过号请重新取号！', '谢谢配合']);
    expect(noticePieces('  ')).toEqual([]);
  });
});

describe('the counter screen (§6.4.2, §6.4.5)', () => {
  it('shows the number called to this counter and clears it when that ticket is finished', () => {
    const called = cardAfter(card, 'ticket.called', call('t1', 'A001'));
    expect(called.currentNumber).toBe('A001');
    expect(cardAfter(called, 'ticket.finished', finished('t0', 'A000')).currentNumber).toBe('A001');
    expect(cardAfter(called, 'ticket.finished', finished('t1', 'A001')).currentNumber).toBeNull();
  });

  it('ignores other counters’ events', () => {
    expect(cardAfter(card, 'ticket.called', call('t1', 'A001', 'c6'))).toBe(card);
    expect(cardAfter(card, 'counter.status', { ...card, counterId: 'c6', status: 'paused' })).toBe(card);
    expect(cardAfter(card, 'queue.stats', { queues: [] })).toBe(card);
  });

  it('takes its counter’s status card whole (暂停服务 with whereabouts)', () => {
    const away = { ...card, status: 'away' as const, awayReason: '到后台取件', expectedReturnAt: '2026-03-10T06:30:00.000Z' };
    expect(cardAfter(card, 'counter.status', away)).toEqual(away);
  });

  it('words the expected return in the centre’s time', () => {
    const now = new Date('2026-03-10T02:00:00.000Z'); // 10:00 in Shanghai
    expect(formatReturn('2026-03-10T06:30:00.000Z', now)).toBe('14:30');
    expect(formatReturn('2026-03-11T01:00:00.000Z', now)).toBe('明天 09:00');
    expect(formatReturn('2026-03-13T01:00:00.000Z', now)).toBe('3月13日 09:00');
    expect(formatReturn(null, now)).toBeNull();
    expect(formatReturn('not a time', now)).toBeNull();
  });
});
