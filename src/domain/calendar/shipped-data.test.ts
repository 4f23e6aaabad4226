/**
 * The shipped arrangements against the State Council notices (国务院办公厅关于
 * 2024/2025/2026 年部分节假日安排的通知) and, date by date, against the independent
 * `chinese-days` data set.
 */
import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { formatDate, parseDate } from './dates.ts';
import { validateHolidayYear } from './holiday-data.ts';
import { SHIPPED_YEARS } from './shipped.ts';
import { WorkingCalendar } from './working-calendar.ts';

/** Each notice as published: holiday blocks (first..last, inclusive) and make-up working days. */
const NOTICES: Record<number, readonly { name: string; off: readonly [string, string]; work: readonly string[] }[]> = {
  // 国办发明电〔2023〕7号
  2024: [
    { name: '元旦', off: ['01-01', '01-01'], work: [] },
    { name: '春节', off: ['02-10', '02-17'], work: ['02-04', '02-18'] },
    { name: '清明节', off: ['04-04', '04-06'], work: ['04-07'] },
    { name: '劳动节', off: ['05-01', '05-05'], work: ['04-28', '05-11'] },
    { name: '端午节', off: ['06-10', '06-10'], work: [] },
    { name: '中秋节', off: ['09-15', '09-17'], work: ['09-14'] },
    { name: '国庆节', off: ['10-01', '10-07'], work: ['09-29', '10-12'] },
  ],
  // 国办发明电〔2024〕12号
  2025: [
    { name: '元旦', off: ['01-01', '01-01'], work: [] },
    { name: '春节', off: ['01-28', '02-04'], work: ['01-26', '02-08'] },
    { name: '清明节', off: ['04-04', '04-06'], work: [] },
    { name: '劳动节', off: ['05-01', '05-05'], work: ['04-27'] },
    { name: '端午节', off: ['05-31', '06-02'], work: [] },
    { name: '国庆节、中秋节', off: ['10-01', '10-08'], work: ['09-28', '10-11'] },
  ],
  // Notice of 4 November 2025
  2026: [
    { name: '元旦', off: ['01-01', '01-03'], work: ['01-04'] },
    { name: '春节', off: ['02-15', '02-23'], work: ['02-14', '02-28'] },
    { name: '清明节', off: ['04-04', '04-06'], work: [] },
    { name: '劳动节', off: ['05-01', '05-05'], work: ['05-09'] },
    { name: '端午节', off: ['06-19', '06-21'], work: [] },
    { name: '中秋节', off: ['09-25', '09-27'], work: [] },
    { name: '国庆节', off: ['10-01', '10-07'], work: ['09-20', '10-10'] },
  ],
};

const calendar = new WorkingCalendar(SHIPPED_YEARS);

function everyDate(year: number): string[] {
  const out: string[] = [];
  for (let d = parseDate(`${year}-01-01`); d <= parseDate(`${year}-12-31`); d++) out.push(formatDate(d));
  return out;
}

describe('shipped holiday data', () => {
  it('ships 2024, 2025 and 2026, each valid holiday-cn data with its notice', () => {
    expect(SHIPPED_YEARS.map((y) => y.year)).toEqual([2024, 2025, 2026]);
    for (const y of SHIPPED_YEARS) {
      expect(validateHolidayYear(y, y.year)).toEqual(y);
      expect(y.papers?.[0]).toMatch(/^https:\/\/www\.gov\.cn\//);
    }
  });

  for (const year of [2024, 2025, 2026]) {
    it(`${year}: lists exactly the days off and make-up working days of the notice`, () => {
      const expected: { name: string; date: string; isOffDay: boolean }[] = [];
      for (const h of NOTICES[year]!) {
        for (let d = parseDate(`${year}-${h.off[0]}`); d <= parseDate(`${year}-${h.off[1]}`); d++) {
          expected.push({ name: h.name, date: formatDate(d), isOffDay: true });
        }
        for (const w of h.work) expected.push({ name: h.name, date: `${year}-${w}`, isOffDay: false });
      }
      expected.sort((a, b) => a.date.localeCompare(b.date));
      expect(SHIPPED_YEARS.find((y) => y.year === year)!.days).toEqual(expected);
      for (const e of expected) {
        expect(calendar.dayInfo(e.date)).toEqual({
          date: e.date,
          workingDay: !e.isOffDay,
          kind: e.isOffDay ? 'holiday' : 'makeup-workday',
          name: e.name,
        });
      }
    });

    it(`${year}: agrees with chinese-days on every date (working day or not)`, () => {
      const disagreements = everyDate(year).filter((date) => calendar.isWorkingDay(date) !== chineseDays.isWorkday(date));
      expect(disagreements).toEqual([]);
      expect(everyDate(year).length).toBe(year === 2024 ? 366 : 365);
    });
  }

  it('has the working-day totals of each year, counted by hand from the notices', () => {
    // 2024: 262 weekdays − 19 weekday holidays + 8 make-up days = 251.
    // 2025: 261 weekdays − 18 weekday holidays + 5 make-up days = 248.
    // 2026: 261 weekdays − 19 weekday holidays + 6 make-up days = 248.
    const expected: Record<number, number> = { 2024: 251, 2025: 248, 2026: 248 };
    for (const year of [2024, 2025, 2026]) {
      expect(everyDate(year).filter((d) => calendar.isWorkingDay(d)).length).toBe(expected[year]);
      // 1 January is a holiday every year, so "after 1 January up to 31 December" is the whole year.
      expect(calendar.workingDaysBetween(`${year}-01-01`, `${year}-12-31`)).toBe(expected[year]);
    }
  });
});
