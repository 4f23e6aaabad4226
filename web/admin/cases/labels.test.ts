import { describe, expect, it } from 'vitest';
import { CASE_EVENT_TYPES, CASE_STATUSES } from '../../../src/domain/cases/case-states.ts';
import { durationText, eventDataText, eventLabel, limitText, statusOptions } from './labels.ts';

describe('the wording of the case screens', () => {
  it('names every event of the case log (§8.1.2.1) in Chinese', () => {
    for (const type of CASE_EVENT_TYPES) expect(eventLabel(type)).toMatch(/[\u4e00-\u9fff]/);
    expect(eventLabel('something_new')).toBe('something_new');
  });

  it('says what an event recorded, with codes in words and nothing of nested data', () => {
    expect(eventDataText({ reason: '不属于本机关职权', legalBasis: '《行政许可法》第三十二条' })).toBe('理由：不属于本机关职权；依据：《行政许可法》第三十二条');
    expect(eventDataText({ mode: 'tolerance', materials: [{ name: 'x' }] })).toBe('受理方式：容缺受理');
    expect(eventDataText({ kind: 'hearing', approver: '王局长' })).toBe('暂停原因：听证；批准人：王局长');
    expect(eventDataText({ location: '档案室', retentionYears: 5 })).toBe('存放位置：档案室；保管年限：5 年');
    expect(eventDataText({ caseNumber: 'N1', consultation: null })).toBe('');
  });

  it('narrows the status filter to the stage chosen', () => {
    expect(statusOptions('acceptance').map((o) => o.value)).toEqual(['opened', 'correction']);
    expect(statusOptions('delivery').map((o) => o.value)).toEqual(['decided', 'ready_for_pickup', 'posted']);
    expect(statusOptions(undefined)).toHaveLength(CASE_STATUSES.length);
  });

  it('words limits and durations', () => {
    expect(limitText({ value: 5, unit: 'working_day' })).toBe('5 个工作日');
    expect(limitText({ value: 0, unit: 'working_day' })).toBe('即办');
    expect(limitText(null)).toBe('—');
    expect(durationText(90 * 60)).toBe('1 小时 30 分钟');
    expect(durationText(null)).toBe('—');
  });
});
