import { describe, expect, it } from 'vitest';
import { civilOf, epochDayOf, formatDate, isoWeekday, parseDate, shanghaiDayAndMinute, shanghaiInstant, tryParseDate } from './dates.ts';
import { AppError } from '../shared/errors.ts';

describe('integer dates', () => {
  it('agrees with Date.UTC on every day from 1999 to 2101', () => {
    const mismatches: string[] = [];
    let days = 0;
    for (let ms = Date.UTC(1999, 0, 1); ms <= Date.UTC(2101, 11, 31); ms += 86_400_000, days++) {
      const d = new Date(ms);
      const text = d.toISOString().slice(0, 10);
      const day = ms / 86_400_000;
      const civil = civilOf(day);
      const ok =
        tryParseDate(text) === day &&
        formatDate(day) === text &&
        epochDayOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) === day &&
        civil.year === d.getUTCFullYear() &&
        civil.month === d.getUTCMonth() + 1 &&
        civil.day === d.getUTCDate() &&
        isoWeekday(day) === (d.getUTCDay() === 0 ? 7 : d.getUTCDay());
      if (!ok) mismatches.push(text);
    }
    expect(mismatches).toEqual([]);
    expect(days).toBe(37_620);
  });

  it('refuses what is not a real YYYY-MM-DD date', () => {
    for (const bad of ['2025-02-29', '2100-02-29', '2024-02-30', '2025-13-01', '2025-00-10', '2025-04-31', '2025-01-00', '2025-1-1', '20250101', '', ' 2025-01-01', '2025-01-01 ', '2025/01/01', '2025-0a-01', '0999-12-31']) {
      expect(tryParseDate(bad), bad).toBeNaN();
    }
    expect(tryParseDate('2024-02-29')).toBe(Date.UTC(2024, 1, 29) / 86_400_000);
    expect(tryParseDate('2000-02-29')).toBe(Date.UTC(2000, 1, 29) / 86_400_000);
  });

  it('names the field at fault in DATE_INVALID', () => {
    expect(() => parseDate('2025-02-30', 'querystring:/from')).toThrowError(
      expect.objectContaining({ code: 'DATE_INVALID', fields: [expect.objectContaining({ path: 'querystring:/from', code: 'DATE_INVALID' })] }) as AppError,
    );
    expect(() => parseDate(20250101)).toThrowError(expect.objectContaining({ code: 'DATE_INVALID' }) as AppError);
  });

  it('reads Asia/Shanghai day and minute from an instant, UTC+8 all year', () => {
    expect(shanghaiDayAndMinute(new Date('2025-03-02T16:00:00Z'))).toEqual({ epochDay: tryParseDate('2025-03-03'), minute: 0 });
    expect(shanghaiDayAndMinute(new Date('2025-03-03T15:59:59Z'))).toEqual({ epochDay: tryParseDate('2025-03-03'), minute: 23 * 60 + 59 });
    expect(shanghaiDayAndMinute(new Date('2025-07-01T01:30:00Z'))).toEqual({ epochDay: tryParseDate('2025-07-01'), minute: 9 * 60 + 30 });
    expect(shanghaiInstant(tryParseDate('2025-03-03'), 9 * 60).toISOString()).toBe('2025-03-03T01:00:00.000Z');
    expect(() => shanghaiDayAndMinute(new Date('nonsense'))).toThrowError(expect.objectContaining({ code: 'DATE_INVALID' }) as AppError);
  });
});
