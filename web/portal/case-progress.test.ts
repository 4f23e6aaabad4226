import { describe, expect, it } from 'vitest';
import { cleanCaseNumber, dueText, durationText, refusalText, stageStateText, summaryOf } from './case-format.ts';
import { parseRoute, paths } from './routes.ts';

const NUMBER = '11440232MB2D06811W4000117051000202503030001';

describe('办件进度查询 (§8.1.2.1)', () => {
  it('opens from the QR code of a notice with the number filled in, and without one from the menu', () => {
    expect(parseRoute(`/portal/cases/${NUMBER}`)).toEqual({ page: 'case', caseNumber: NUMBER });
    expect(parseRoute(`/portal/cases/${NUMBER.toLowerCase()}/`)).toEqual({ page: 'case', caseNumber: NUMBER });
    expect(parseRoute('/portal/cases')).toEqual({ page: 'case', caseNumber: null });
    // The notice encodes the number as a URI component (render-notice.ts casePortalUrl).
    expect(parseRoute(paths.cases('NC 1/2'))).toEqual({ page: 'case', caseNumber: 'NC 1/2' });
    expect(parseRoute('/portal/cases/%E0%A4%A')).toEqual({ page: 'case', caseNumber: null });
    expect(paths.cases()).toBe('/portal/cases');
  });

  it('takes a number as typed or scanned: spaces dropped, capitals', () => {
    expect(cleanCaseNumber(' 11440232mb2d06811w 4000117051000 202503030001 ')).toBe(NUMBER);
  });

  it('shows a day-unit due date as the day, an hour-unit one to the minute (Asia/Shanghai)', () => {
    expect(dueText('2026-11-26T15:59:59.999Z')).toBe('2026-11-26 24:00 前');
    expect(dueText('2026-11-26T03:30:00.000Z')).toBe('2026-11-26 11:30');
    expect(dueText(null)).toBe('受理后确定');
  });

  it('says how long a stage took', () => {
    expect(durationText(0)).toBe('不足 1 分钟');
    expect(durationText(59)).toBe('不足 1 分钟');
    expect(durationText(12 * 60)).toBe('12 分钟');
    expect(durationText(3600 + 5 * 60)).toBe('1 小时 5 分钟');
    expect(durationText(2 * 86400 + 3 * 3600 + 59)).toBe('2 天 3 小时');
    expect(durationText(null)).toBe('');
  });

  it('announces the answer in one sentence; a refused case has no due date, its archiving stage is 待归档', () => {
    const base = { title: '食品经营许可证核发', stageLabel: '办理', statusLabel: '已受理', status: 'accepted', promisedDueAt: '2026-11-26T15:59:59.999Z' };
    expect(summaryOf(base)).toBe('查询成功：食品经营许可证核发，当前环节：办理，办件状态：已受理，承诺办结时间：2026-11-26 24:00 前。');
    expect(summaryOf({ ...base, status: 'refused', stageLabel: '归档', statusLabel: '不予受理', promisedDueAt: null })).toBe('查询成功：食品经营许可证核发，当前环节：归档，办件状态：不予受理。');
    expect(stageStateText('archiving', 'current')).toBe('待归档');
    expect(stageStateText('processing', 'current')).toBe('进行中');
    expect(stageStateText('consultation', 'skipped')).toBe('未经过');
  });

  it('names a wrong code without telling which part is wrong, and a lock with the minutes to wait', () => {
    expect(refusalText(404, 'CASE_CHECK_FAILED', '办件编号或查询码不正确', undefined)).toMatch(/^办件编号或手机号后四位不正确/);
    expect(refusalText(429, 'CASE_CHECK_LOCKED', '查询过于频繁，请稍后再试', 899)).toContain('请 15 分钟后再试');
    expect(refusalText(429, 'CASE_CHECK_LOCKED', '查询失败次数过多，请 3 分钟后再试', undefined)).toBe('查询失败次数过多，请 3 分钟后再试');
    expect(refusalText(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试', undefined)).toBe('无法连接服务器，请检查网络后重试');
  });
});
