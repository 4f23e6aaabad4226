/** REFERENCES.md 办件编号: implementation code + yyyyMMdd (Asia/Shanghai) + 4-digit daily sequence. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.ts';
import { caseDay, CASE_NUMBER_LENGTH, formatCaseNumber, numberingCode, parseCaseNumber } from './case-number.ts';

const CODE = '11440232MB2D06811W4000117051000';

describe('case numbers', () => {
  it('is the 31-character code, the day and a 4-digit sequence: 43 characters', () => {
    const n = formatCaseNumber(CODE, '2025-03-03', 1);
    expect(n).toBe(`${CODE}202503030001`);
    expect(n).toHaveLength(CASE_NUMBER_LENGTH);
    expect(formatCaseNumber(CODE, '2025-12-31', 9999).slice(-12)).toBe('202512319999');
  });

  it('the day is the Asia/Shanghai date, whatever the process time zone', () => {
    expect(caseDay(new Date('2025-03-02T16:00:00Z'))).toBe('2025-03-03');
    expect(caseDay(new Date('2025-03-03T15:59:59Z'))).toBe('2025-03-03');
    expect(caseDay(new Date('2025-03-03T16:00:00Z'))).toBe('2025-03-04');
  });

  it('the 10,000th case of a code in a day is refused (CASE_NUMBERS_EXHAUSTED), never a duplicate', () => {
    expect(() => formatCaseNumber(CODE, '2025-03-03', 10_000)).toThrow(AppError);
    try {
      formatCaseNumber(CODE, '2025-03-03', 10_000);
    } catch (e) {
      expect((e as AppError).code).toBe('CASE_NUMBERS_EXHAUSTED');
    }
    expect(() => formatCaseNumber(CODE, '2025-03-03', 0)).toThrow(RangeError);
  });

  it('a handling item numbers under the implementation code it starts with; a bad code is refused', () => {
    expect(numberingCode({ implementationCode: null, handlingCode: `${CODE}01` })).toBe(CODE);
    expect(numberingCode({ implementationCode: CODE, handlingCode: null })).toBe(CODE);
    expect(() => numberingCode({ implementationCode: null, handlingCode: null })).toThrow(AppError);
  });

  it('parses back, and refuses what is not a case number', () => {
    expect(parseCaseNumber(`${CODE}202503030042`)).toEqual({ implementationCode: CODE, day: '2025-03-03', sequence: 42 });
    for (const bad of [`${CODE}202502300001`, `${CODE}202503030000`, `${CODE}2025030300011`, `${CODE.toLowerCase()}202503030001`, '']) {
      expect(parseCaseNumber(bad)).toBeUndefined();
    }
  });
});
