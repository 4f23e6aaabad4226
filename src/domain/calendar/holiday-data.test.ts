import { describe, expect, it } from 'vitest';
import type { AppError, FieldIssue } from '../shared/errors.ts';
import { validateHolidayYear } from './holiday-data.ts';

function issues(input: unknown, year = 2027): FieldIssue[] {
  try {
    validateHolidayYear(input, year);
  } catch (e) {
    expect((e as AppError).code).toBe('CALENDAR_DATA_INVALID');
    return [...(e as AppError).fields];
  }
  throw new Error('expected CALENDAR_DATA_INVALID');
}

const paths = (input: unknown, year = 2027) => issues(input, year).map((i) => i.path);

const good = {
  $schema: 'https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/schema.json',
  $id: 'https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/2027.json',
  year: 2027,
  papers: ['https://www.gov.cn/example'],
  days: [
    { name: '春节', date: '2027-02-06', isOffDay: true },
    { name: ' 元旦 ', date: '2027-01-01', isOffDay: true },
    { name: '春节', date: '2027-01-31', isOffDay: false },
  ],
};

describe('validateHolidayYear', () => {
  it('accepts a holiday-cn file, sorts its days and trims names', () => {
    expect(validateHolidayYear(good, 2027)).toEqual({
      year: 2027,
      papers: ['https://www.gov.cn/example'],
      days: [
        { name: '元旦', date: '2027-01-01', isOffDay: true },
        { name: '春节', date: '2027-01-31', isOffDay: false },
        { name: '春节', date: '2027-02-06', isOffDay: true },
      ],
    });
    expect(validateHolidayYear({ year: 2027, days: good.days }, 2027)).not.toHaveProperty('papers');
  });

  it('names each bad field by its JSON pointer', () => {
    const days = [
      { name: '元旦', date: '2027-01-01', isOffDay: true },
      { name: '', date: '2027-02-06', isOffDay: true },
      { name: '春节', date: '2027-02-30', isOffDay: true },
      { name: '春节', date: '2026-12-31', isOffDay: true },
      { name: '春节', date: '2027-01-01', isOffDay: true },
      { name: '春节', date: '2027-02-08', isOffDay: 'yes' },
      { name: '春节', date: '2027-02-09', isOffDay: false }, // a Tuesday
      { name: '春节', date: '2027-02-10', isOffDay: true, note: 'x' },
      'not an object',
    ];
    expect(paths({ year: 2027, days })).toEqual([
      '/days/1/name',
      '/days/2/date',
      '/days/3/date',
      '/days/4/date',
      '/days/5/isOffDay',
      '/days/6/isOffDay',
      '/days/7/note',
      '/days/8',
    ]);
    expect(issues({ year: 2027, days }).find((i) => i.path === '/days/4/date')!.message).toContain('重复');
    expect(issues({ year: 2027, days }).find((i) => i.path === '/days/3/date')!.message).toContain('不在 2027 年内');
  });

  it('checks the shape and the year', () => {
    expect(paths(null)).toEqual(['/']);
    expect(paths([])).toEqual(['/']);
    expect(paths({ ...good, year: 2026 })).toEqual(['/year']);
    expect(paths({ ...good, extra: 1 })).toEqual(['/extra']);
    expect(paths({ year: 2027 })).toEqual(['/days']);
    expect(paths({ year: 2027, days: [] })).toEqual(['/days']);
    expect(paths({ year: 2027, days: 'x' })).toEqual(['/days']);
    expect(paths({ ...good, papers: 'x' })).toEqual(['/papers']);
    expect(paths({ ...good, papers: ['ok', ''] })).toEqual(['/papers/1']);
    expect(paths({ ...good, papers: ['line 1\nline 2'] })).toEqual(['/papers/0']);
    expect(paths({ year: 2027, days: [{ name: '春节', date: '2027-01-31', isOffDay: false }] })).toEqual(['/days']);
    expect(paths(good, 1999)).toEqual(['/year']);
    expect(paths({ ...good, year: 2100 }, 2100)).toEqual(['/year']);
  });
});
