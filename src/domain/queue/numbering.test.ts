/** DB36/T 2016 §5.2.2 排队取号机, §7.1.5 取号秩序: ticket numbers per queue per service day. */
import { describe, expect, it } from 'vitest';
import {
  TICKET_SEQUENCE_MAX,
  checkQueuePrefix,
  compareTicketNumbers,
  formatTicketNumber,
  nextTicketNumber,
  parseTicketNumber,
  serviceDayKey,
} from './numbering.ts';
import { caught } from '../shared/caught.ts';

describe('serviceDayKey: the Shanghai calendar date, whatever the process time zone', () => {
  it('turns at 00:00 Asia/Shanghai (16:00 UTC)', () => {
    expect(serviceDayKey(new Date('2025-03-03T15:59:59.999Z'))).toBe('2025-03-03');
    expect(serviceDayKey(new Date('2025-03-03T16:00:00.000Z'))).toBe('2025-03-04');
    expect(serviceDayKey(new Date('2025-03-04T00:00:00+08:00'))).toBe('2025-03-04');
    expect(serviceDayKey(new Date('2025-03-03T23:59:59+08:00'))).toBe('2025-03-03');
  });

  it('across a year end and a leap day', () => {
    expect(serviceDayKey(new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01');
    expect(serviceDayKey(new Date('2024-02-29T12:00:00+08:00'))).toBe('2024-02-29');
  });
});

describe('formatTicketNumber and nextTicketNumber', () => {
  it('prefix + three digits from 001', () => {
    expect(formatTicketNumber('A', 1)).toBe('A001');
    expect(formatTicketNumber('A', 12)).toBe('A012');
    expect(formatTicketNumber('Z', 999)).toBe('Z999');
    expect(nextTicketNumber('B', 0)).toEqual({ sequence: 1, number: 'B001' });
    expect(nextTicketNumber('B', 41)).toEqual({ sequence: 42, number: 'B042' });
  });

  it('after 999 the number widens (A1000 … A9999), it never wraps; the 10000th is refused', () => {
    expect(nextTicketNumber('A', 999)).toEqual({ sequence: 1000, number: 'A1000' });
    expect(formatTicketNumber('A', TICKET_SEQUENCE_MAX)).toBe('A9999');
    const err = caught(() => nextTicketNumber('A', TICKET_SEQUENCE_MAX));
    expect(err.code).toBe('TICKET_NUMBERS_EXHAUSTED');
    expect(err.details).toEqual({ prefix: 'A', sequence: 10000 });
  });

  it('every number of a queue-day is distinct and reads back to its sequence', () => {
    const numbers = Array.from({ length: TICKET_SEQUENCE_MAX }, (_, i) => formatTicketNumber('C', i + 1));
    expect(new Set(numbers).size).toBe(TICKET_SEQUENCE_MAX);
    const misread = numbers.filter((n, i) => parseTicketNumber(n)?.sequence !== i + 1 || parseTicketNumber(n)?.prefix !== 'C');
    expect(misread).toEqual([]);
    // And the list order is the issue order.
    expect([...numbers].reverse().sort(compareTicketNumbers)).toEqual(numbers);
  });

  it('refuses a bad prefix or sequence', () => {
    expect(caught(() => formatTicketNumber('a', 1)).code).toBe('QUEUE_PREFIX_INVALID');
    expect(caught(() => formatTicketNumber('AB', 1)).code).toBe('QUEUE_PREFIX_INVALID');
    expect(() => formatTicketNumber('A', 0)).toThrow(RangeError);
    expect(() => formatTicketNumber('A', 1.5)).toThrow(RangeError);
  });
});

describe('parseTicketNumber, compareTicketNumbers', () => {
  it('reads only the numbers this module makes', () => {
    for (const bad of ['A12', 'a012', 'AB012', 'A000', 'A0999', 'A10000', '012', '', 'A01 2']) expect(parseTicketNumber(bad)).toBeUndefined();
  });

  it('sorts by prefix, then numerically (A999 before A1000), non-numbers last', () => {
    const sorted = ['B001', 'A1000', 'x', 'A999', 'A010', 'A002'].sort(compareTicketNumbers);
    expect(sorted).toEqual(['A002', 'A010', 'A999', 'A1000', 'B001', 'x']);
  });
});

describe('checkQueuePrefix', () => {
  it('one upper-case letter, unique in the centre', () => {
    expect(checkQueuePrefix('A', ['B', 'C'])).toEqual([]);
    expect(checkQueuePrefix('A', ['B', 'A'])).toEqual([{ path: '/prefix', code: 'QUEUE_PREFIX_TAKEN', message: '字头 A 已被本中心其他队列使用' }]);
    for (const bad of ['', 'a', 'AA', '1', 'Ａ']) expect(checkQueuePrefix(bad)[0]?.code).toBe('QUEUE_PREFIX_INVALID');
  });
});
