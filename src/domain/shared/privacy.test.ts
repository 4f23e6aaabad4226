import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPersonalData, maskPhone } from './privacy.ts';

describe('masking of personal data', () => {
  it('keeps the first and last four characters of an ID number', () => {
    expect(maskIdNumber('36010219900101123X')).toBe('3601**********123X');
    expect(maskIdNumber('1234')).toBe('****');
  });
  it('masks the middle four digits of a phone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0791-88888888')).toBe('079****8888');
    expect(maskPhone('12345')).toBe('12***');
  });
  it('keeps the surname only', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('李')).toBe('李');
  });
  it('masks nested personal fields and drops secrets', () => {
    const masked = maskPersonalData({
      name: '王五',
      phone: '13800001111',
      passwordHash: 'x',
      nested: [{ idNumber: '360102199001011234' }],
      when: new Date('2025-01-02T03:04:05Z'),
    });
    expect(masked).toEqual({
      name: '王五',
      phone: '138****1111',
      nested: [{ idNumber: '3601**********1234' }],
      when: '2025-01-02T03:04:05.000Z',
    });
  });
});
