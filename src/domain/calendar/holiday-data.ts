/**
 * Checks a year's holiday arrangement in the public holiday-cn format
 * (`{year, papers, days: [{name, date, isOffDay}]}`), as published each November by
 * the General Office of the State Council (国务院办公厅关于 XXXX 年部分节假日安排的通知).
 */
import { AppError, type FieldIssue } from '../shared/errors.ts';
import { civilOf, isoWeekday, tryParseDate } from './dates.ts';
import type { HolidayDay, HolidayYear } from './types.ts';

/** The years an arrangement may be loaded for. */
export const MIN_CALENDAR_YEAR = 2000;
export const MAX_CALENDAR_YEAR = 2099;

const TOP_KEYS = new Set(['year', 'papers', 'days', '$schema', '$id']);
const DAY_KEYS = new Set(['name', 'date', 'isOffDay']);
const MAX_ISSUES = 20;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A valid arrangement for `year` from untrusted input, days sorted by date and
 * names trimmed; otherwise CALENDAR_DATA_INVALID listing every field at fault
 * (JSON pointers such as `/days/3/date`).
 *
 * Rules: every date is a real date inside `year` (a notice's entries in another
 * year belong to that year's arrangement), no date twice, names non-empty, a
 * make-up working day (isOffDay false) falls on a Saturday or Sunday (on a weekday
 * it would change nothing, so it is a typing error), at least one day off.
 * `$schema` and `$id` of holiday-cn files are accepted and dropped.
 */
export function validateHolidayYear(input: unknown, year: number): HolidayYear {
  const issues: FieldIssue[] = [];
  const issue = (path: string, message: string) => {
    if (issues.length < MAX_ISSUES) issues.push({ path, code: 'CALENDAR_DATA_INVALID', message });
  };

  if (!Number.isInteger(year) || year < MIN_CALENDAR_YEAR || year > MAX_CALENDAR_YEAR) {
    issue('/year', `年度应在 ${MIN_CALENDAR_YEAR} 至 ${MAX_CALENDAR_YEAR} 之间`);
    throw invalid(issues);
  }
  if (!isRecord(input)) {
    issue('/', '节假日数据应为对象 {year, papers, days}');
    throw invalid(issues);
  }
  for (const key of Object.keys(input)) if (!TOP_KEYS.has(key)) issue(`/${key}`, `不允许的字段 ${key}`);
  if (input.year !== year) issue('/year', `年度应为 ${year}`);

  let papers: string[] | undefined;
  if (input.papers !== undefined) {
    if (!Array.isArray(input.papers)) issue('/papers', '应为字符串数组（通知的网址或文号）');
    else {
      papers = [];
      input.papers.forEach((p: unknown, i) => {
        if (typeof p !== 'string' || p.trim() === '' || p.length > 500 || /[\r\n]/.test(p)) {
          issue(`/papers/${i}`, '应为一行非空文字（通知的网址或文号），最长 500 个字符');
        } else papers!.push(p.trim());
      });
    }
  }

  const days: HolidayDay[] = [];
  if (!Array.isArray(input.days)) issue('/days', '应为数组');
  else if (input.days.length === 0 || input.days.length > 366) issue('/days', '应有 1 至 366 项');
  else {
    const seen = new Map<number, number>();
    input.days.forEach((raw: unknown, i) => {
      const at = `/days/${i}`;
      if (!isRecord(raw)) return issue(at, '应为对象 {name, date, isOffDay}');
      for (const key of Object.keys(raw)) if (!DAY_KEYS.has(key)) issue(`${at}/${key}`, `不允许的字段 ${key}`);
      const name = typeof raw.name === 'string' ? raw.name.trim() : '';
      if (name === '' || name.length > 50) issue(`${at}/name`, '节日名称不能为空，最长 50 个字符');
      if (typeof raw.isOffDay !== 'boolean') issue(`${at}/isOffDay`, '应为 true（放假）或 false（调休上班）');
      const day = typeof raw.date === 'string' ? tryParseDate(raw.date) : NaN;
      if (Number.isNaN(day)) return issue(`${at}/date`, '日期无效，格式应为 YYYY-MM-DD');
      if (civilOf(day).year !== year) return issue(`${at}/date`, `日期 ${String(raw.date)} 不在 ${year} 年内`);
      const first = seen.get(day);
      if (first !== undefined) return issue(`${at}/date`, `日期 ${String(raw.date)} 重复（与第 ${first + 1} 项相同）`);
      seen.set(day, i);
      if (raw.isOffDay === false && isoWeekday(day) < 6) issue(`${at}/isOffDay`, `${String(raw.date)} 是周一至周五，本就是工作日，不能列为调休上班日`);
      if (typeof raw.isOffDay === 'boolean') days.push({ name, date: raw.date as string, isOffDay: raw.isOffDay });
    });
    if (issues.length === 0 && !days.some((d) => d.isOffDay)) issue('/days', '没有任何放假日期');
  }

  if (issues.length > 0) throw invalid(issues);
  days.sort((a, b) => (a.date < b.date ? -1 : 1));
  return papers ? { year, papers, days } : { year, days };
}

function invalid(issues: readonly FieldIssue[]): AppError {
  const text = issues.map((i) => `${i.path}：${i.message}`).join('；');
  return new AppError('CALENDAR_DATA_INVALID', { message: `节假日数据不正确：${text}`, fields: issues });
}
