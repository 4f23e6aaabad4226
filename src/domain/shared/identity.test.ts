import { describe, expect, it } from 'vitest';
import { isValidResidentId, isValidUscc, residentIdBirthDate, residentIdCheckChar, usccCheckChar } from './identity.ts';

const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('GB 32100 unified social credit code', () => {
  it.each([
    '91350100M000100Y43', // the example printed in GB 32100
    '11440232MB2D06811W', // USCC part of a real implementation code
    '91110000600037341L',
  ])('accepts %s', (code) => {
    expect(isValidUscc(code)).toBe(true);
  });

  it('computes the check character of the GB 32100 example', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('maps a remainder of 0 to the check character 0 (31 − 0 = 31 → 0)', () => {
    // "11" weighs 1·1 + 1·3 = 4; N (22) at the last position adds 22·28 = 616: 620 = 20·31.
    expect(usccCheckChar('1100000000000000N')).toBe('0');
    expect(isValidUscc('1100000000000000N0')).toBe(true);
  });

  it('rejects every wrong check character of a valid code', () => {
    const base = '91350100M000100Y4';
    for (const c of USCC_CHARSET) {
      expect(isValidUscc(base + c)).toBe(c === '3');
    }
  });

  it('catches every single-character substitution in the first 17 positions', () => {
    const code = '91350100M000100Y43';
    for (let i = 0; i < 17; i++) {
      for (const c of USCC_CHARSET) {
        if (c === code[i]) continue;
        const changed = code.slice(0, i) + c + code.slice(i + 1);
        expect(isValidUscc(changed), changed).toBe(false);
      }
    }
  });

  it('catches the swap of two adjacent different characters', () => {
    const code = '91350100M000100Y43';
    for (let i = 0; i < 16; i++) {
      if (code[i] === code[i + 1]) continue;
      const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
      if (!/^.{2}\d{6}/.test(swapped)) continue;
      expect(isValidUscc(swapped), swapped).toBe(false);
    }
  });

  it.each([
    ['', 'empty'],
    ['91350100M000100Y4', '17 characters'],
    ['91350100M000100Y433', '19 characters'],
    ['91350100m000100y43', 'lower case'],
    ['91350100M000100I43', 'the letter I is not in the charset'],
    ['91350100M0001O0Y43', 'the letter O is not in the charset'],
    ['9135010SM000100Y43', 'the letter S in the division part'],
    ['91A50100M000100Y43', 'a letter in the division code'],
    [' 91350100M000100Y4', 'leading space'],
    ['91350100M000100Y4Z', 'Z is not in the charset'],
  ])('rejects %s (%s)', (code) => {
    expect(isValidUscc(code)).toBe(false);
  });

  it('refuses to compute a check character for the wrong length or charset', () => {
    expect(usccCheckChar('9135')).toBeUndefined();
    expect(usccCheckChar('91350100M000100V4')).toBeUndefined();
  });

  it('round-trips: a computed check character always validates', () => {
    const bodies = ['11360112014500331', '12360112MB1234567', '91360112MA35XY7K2', 'Y1360100000000001'];
    for (const body of bodies) {
      const check = usccCheckChar(body);
      expect(check).toBeDefined();
      expect(isValidUscc(body + check!)).toBe(true);
    }
  });
});

describe('GB 11643 resident identity number', () => {
  it.each([
    '11010519491231002X', // examples printed in GB 11643
    '440524188001010014',
    '11010519491231002x', // lower-case x accepted
    '36010219900101123X',
  ])('accepts %s', (id) => {
    expect(isValidResidentId(id)).toBe(true);
  });

  it('computes the check character, X for 10', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('44052418800101001')).toBe('4');
    expect(residentIdCheckChar('1101051949123100')).toBeUndefined();
    expect(residentIdCheckChar('1101051949123100A')).toBeUndefined();
  });

  it('rejects every wrong check character', () => {
    for (const c of '0123456789X') expect(isValidResidentId(`11010519491231002${c}`)).toBe(c === 'X');
  });

  it('catches every single-digit substitution', () => {
    const id = '440524188001010014';
    for (let i = 0; i < 17; i++) {
      for (const d of '0123456789') {
        if (d === id[i]) continue;
        const changed = id.slice(0, i) + d + id.slice(i + 1);
        // A substitution in the date may make the date impossible: rejected either way.
        expect(isValidResidentId(changed), changed).toBe(false);
      }
    }
  });

  it.each([
    ['', 'empty'],
    ['11010519491231002', '17 characters'],
    ['11010519491231002XX', '19 characters'],
    ['110105194912310', 'old 15-digit number'],
    ['1101051949123100X2', 'X not last'],
  ])('rejects %s (%s)', (id) => {
    expect(isValidResidentId(id)).toBe(false);
  });

  it('rejects impossible birth dates even with a correct check character', () => {
    for (const date of ['19490230', '19491301', '19490000', '20230229', '17991231']) {
      const body = `110105${date}002`;
      expect(isValidResidentId(body + residentIdCheckChar(body)!), date).toBe(false);
    }
    const leap = '110105' + '20240229' + '002';
    expect(isValidResidentId(leap + residentIdCheckChar(leap)!)).toBe(true);
  });

  it('reads the birth date (characters 7–14)', () => {
    expect(residentIdBirthDate('11010519491231002X')).toEqual({ year: 1949, month: 12, day: 31 });
    expect(residentIdBirthDate('1101')).toBeUndefined();
  });
});
