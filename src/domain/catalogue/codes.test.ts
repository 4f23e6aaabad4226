import { describe, expect, it } from 'vitest';
import { ERRORS } from '../shared/errors.ts';
import { usccCheckChar } from '../shared/identity.ts';
import {
  CASE_KINDS,
  EXERCISE_LEVELS,
  HANDLING_FORMS,
  IMPLEMENTER_NATURES,
  ITEM_KINDS,
  SERVICE_OBJECTS,
  THROUGH_SCOPES,
  TIME_LIMIT_UNITS,
  splitImplementationCode,
  typeCodeLabel,
  typeCodeMatchesKind,
  validateBasicCode,
  validateHandlingCode,
  validateImplementationCode,
  validateTypeCode,
  validateTypeCodeForKind,
  type ItemKind,
} from './codes.ts';

/** A real implementation code seen in a provincial system (REFERENCES.md). */
const REAL = '11440232MB2D06811W4000117051000';
const USCC = '11440232MB2D06811W';
const BASIC = '000117051000';

const codes = (issues: readonly { code: string }[]) => issues.map((i) => i.code);

describe('基本编码 (GB/T 39046; DB36/T 2016 §7.3.3.2)', () => {
  it('accepts 10 and 12 characters of digits and upper-case letters', () => {
    expect(validateBasicCode('0001170510')).toEqual([]);
    expect(validateBasicCode(BASIC)).toEqual([]);
    expect(validateBasicCode('AB12CD34EF56')).toEqual([]);
  });
  it('refuses other lengths, naming the length', () => {
    for (const bad of ['', '123456789', '12345678901', '1234567890123']) {
      const issues = validateBasicCode(bad);
      expect(codes(issues)).toContain('ITEM_BASIC_CODE_INVALID');
      expect(issues[0]?.message).toContain(`${bad.length} 位`);
    }
  });
  it('refuses lower case, spaces and full-width characters, naming them', () => {
    const lower = validateBasicCode('00011705100a');
    expect(codes(lower)).toEqual(['ITEM_BASIC_CODE_INVALID']);
    expect(lower[0]?.message).toContain('“a”');
    expect(validateBasicCode('0001170 1000')[0]?.message).toContain('空格');
    expect(codes(validateBasicCode('０００１１７０５１０'))).toEqual(['ITEM_BASIC_CODE_INVALID']);
  });
  it('reports length and charset together, at the given path', () => {
    const issues = validateBasicCode('abc', '/items/3/basicCode');
    expect(issues).toHaveLength(2);
    expect(issues.every((i) => i.path === '/items/3/basicCode')).toBe(true);
  });
});

describe('实施编码 = USCC (GB 32100) + 行使层级 + 基本编码 (REFERENCES.md)', () => {
  it('accepts the real example and splits it', () => {
    expect(validateImplementationCode(REAL)).toEqual([]);
    expect(splitImplementationCode(REAL)).toEqual({ uscc: USCC, level: '4', basicCode: BASIC });
  });
  it('accepts a code built from a USCC with a computed check character', () => {
    const first17 = '11360100MB1234567';
    const uscc = first17 + usccCheckChar(first17)!;
    expect(validateImplementationCode(`${uscc}3${BASIC}`, { implementerUscc: uscc, basicCode: BASIC })).toEqual([]);
  });
  it('refuses a wrong length, naming it', () => {
    const issues = validateImplementationCode(REAL.slice(0, 30));
    expect(codes(issues)).toEqual(['ITEM_IMPLEMENTATION_CODE_INVALID']);
    expect(issues[0]?.message).toContain('30 位');
    expect(codes(validateImplementationCode(`${REAL}0`))).toEqual(['ITEM_IMPLEMENTATION_CODE_INVALID']);
  });
  it('refuses characters outside [0-9A-Z]', () => {
    expect(codes(validateImplementationCode(REAL.replace('MB', 'mb')))).toEqual(['ITEM_IMPLEMENTATION_CODE_INVALID']);
  });
  it('refuses a wrong USCC check character, saying which it should be', () => {
    const bad = `11440232MB2D06811X${REAL.slice(18)}`;
    const issues = validateImplementationCode(bad);
    expect(codes(issues)).toEqual(['ITEM_IMPLEMENTATION_USCC_INVALID']);
    expect(issues[0]?.message).toContain('校验码应为“W”');
  });
  it('refuses a USCC with letters where the division code must be digits', () => {
    const bad = `11A40232MB2D06811W${REAL.slice(18)}`;
    expect(codes(validateImplementationCode(bad))).toEqual(['ITEM_IMPLEMENTATION_USCC_INVALID']);
  });
  it('refuses a level digit outside 1–7 (行使层级)', () => {
    for (const level of ['0', '8', '9', 'A']) {
      const issues = validateImplementationCode(`${USCC}${level}${BASIC}`);
      expect(codes(issues)).toEqual(['ITEM_IMPLEMENTATION_LEVEL_INVALID']);
      expect(issues[0]?.message).toContain(`“${level}”`);
    }
    for (const level of Object.keys(EXERCISE_LEVELS)) expect(validateImplementationCode(`${USCC}${level}${BASIC}`)).toEqual([]);
  });
  it('refuses a code whose end is not the basic code', () => {
    const issues = validateImplementationCode(REAL, { basicCode: '000117052000' });
    expect(codes(issues)).toEqual(['ITEM_IMPLEMENTATION_BASIC_MISMATCH']);
    expect(issues[0]?.message).toContain('000117052000');
  });
  it('accepts a 10-character basic code at the very end, refuses it elsewhere', () => {
    expect(validateImplementationCode(REAL, { basicCode: '0117051000' })).toEqual([]);
    expect(codes(validateImplementationCode(REAL, { basicCode: '0001170510' }))).toEqual(['ITEM_IMPLEMENTATION_BASIC_MISMATCH']);
  });
  it('refuses a code that does not start with the implementing body’s USCC', () => {
    const other = '11360100MB1234567' + usccCheckChar('11360100MB1234567')!;
    expect(codes(validateImplementationCode(REAL, { implementerUscc: other }))).toEqual(['ITEM_IMPLEMENTATION_USCC_MISMATCH']);
  });
  it('reports several positional faults at once', () => {
    const bad = `11440232MB2D06811X9${BASIC}`;
    expect(codes(validateImplementationCode(bad, { basicCode: 'ZZZZZZZZZZZZ' }))).toEqual([
      'ITEM_IMPLEMENTATION_USCC_INVALID',
      'ITEM_IMPLEMENTATION_LEVEL_INVALID',
      'ITEM_IMPLEMENTATION_BASIC_MISMATCH',
    ]);
  });
});

describe('业务办理项编码 = 实施编码 + 2-digit sequence (§7.3.2.2e)', () => {
  it('accepts 33 characters under its parent', () => {
    expect(validateHandlingCode(`${REAL}01`, REAL)).toEqual([]);
    expect(validateHandlingCode(`${REAL}99`)).toEqual([]);
  });
  it('refuses a wrong length', () => {
    expect(codes(validateHandlingCode(`${REAL}1`))).toEqual(['ITEM_HANDLING_CODE_INVALID']);
    expect(codes(validateHandlingCode(REAL))).toEqual(['ITEM_HANDLING_CODE_INVALID']);
  });
  it('refuses a non-digit or 00 sequence', () => {
    expect(codes(validateHandlingCode(`${REAL}0A`))).toEqual(['ITEM_HANDLING_CODE_INVALID']);
    expect(codes(validateHandlingCode(`${REAL}00`))).toEqual(['ITEM_HANDLING_CODE_INVALID']);
  });
  it('refuses a code not starting with the parent implementation code', () => {
    const parent = `${USCC}3${BASIC}`;
    const issues = validateHandlingCode(`${REAL}01`, parent);
    expect(codes(issues)).toEqual(['ITEM_HANDLING_CODE_PARENT_MISMATCH']);
    expect(issues[0]?.message).toContain(parent);
  });
  it('checks the embedded implementation code too', () => {
    expect(codes(validateHandlingCode(`11440232MB2D06811X4${BASIC}01`))).toEqual(['ITEM_IMPLEMENTATION_USCC_INVALID']);
  });
});

describe('事项类型代码 and 事项类型', () => {
  it('accepts 00–10, 20 and the local extensions', () => {
    for (const code of ['00', '01', '05', '10', '11', '19', '20', '21', '99']) expect(validateTypeCode(code)).toEqual([]);
  });
  it('refuses other shapes', () => {
    for (const code of ['1', '001', 'A1', '', ' 1']) expect(codes(validateTypeCode(code))).toEqual(['ITEM_TYPE_CODE_INVALID']);
  });
  it('labels codes, including local extensions', () => {
    expect(typeCodeLabel('01')).toBe('行政许可');
    expect(typeCodeLabel('20')).toBe('公共服务事项');
    expect(typeCodeLabel('15')).toBe('地方扩展行政权力事项');
    expect(typeCodeLabel('25')).toBe('地方扩展公共服务事项');
    expect(typeCodeLabel('x')).toBeUndefined();
  });
  it('matches each national kind to exactly its own code', () => {
    const national = (Object.keys(ITEM_KINDS) as ItemKind[]).filter((k) => k !== 'filing' && k !== 'public_service');
    for (const kind of national) {
      for (const other of national) expect(typeCodeMatchesKind(kind, ITEM_KINDS[other].code)).toBe(kind === other);
    }
  });
  it('codes 行政备案 (DB36/T 2016 §3.1, local kind) in 11–19', () => {
    expect(typeCodeMatchesKind('filing', '11')).toBe(true);
    expect(typeCodeMatchesKind('filing', '19')).toBe(true);
    expect(typeCodeMatchesKind('filing', '10')).toBe(false);
    expect(typeCodeMatchesKind('filing', '20')).toBe(false);
    expect(typeCodeMatchesKind('licensing', '11')).toBe(false);
  });
  it('lets 公共服务 take 20 and local 21+', () => {
    expect(typeCodeMatchesKind('public_service', '20')).toBe(true);
    expect(typeCodeMatchesKind('public_service', '23')).toBe(true);
    expect(typeCodeMatchesKind('public_service', '01')).toBe(false);
    expect(typeCodeMatchesKind('public_service', 'xx')).toBe(false);
  });
  it('reports a type code contradicting the type, naming both', () => {
    const issues = validateTypeCodeForKind('licensing', '07');
    expect(codes(issues)).toEqual(['ITEM_TYPE_CODE_MISMATCH']);
    expect(issues[0]?.message).toContain('行政确认');
    expect(issues[0]?.message).toContain('行政许可');
    expect(validateTypeCodeForKind('licensing', '01')).toEqual([]);
    expect(codes(validateTypeCodeForKind('licensing', '1'))).toEqual(['ITEM_TYPE_CODE_INVALID']);
  });
});

describe('enumerations carry Chinese labels (REFERENCES.md)', () => {
  it('has the codes in use', () => {
    expect(Object.keys(CASE_KINDS)).toEqual(['1', '2', '9']);
    expect(CASE_KINDS['1']).toBe('即办件');
    expect(Object.keys(HANDLING_FORMS)).toEqual(['1', '2', '3', '4', '9']);
    expect(Object.keys(THROUGH_SCOPES)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(Object.keys(SERVICE_OBJECTS)).toHaveLength(6);
    expect(Object.keys(IMPLEMENTER_NATURES)).toEqual(['1', '2', '3', '9']);
    expect(TIME_LIMIT_UNITS).toEqual({ working_day: '工作日', calendar_day: '自然日', hour: '小时' });
  });
  it('every issue code used here is in the error table', () => {
    const used = [
      ...validateBasicCode('a'),
      ...validateImplementationCode(`11440232MB2D06811X9${BASIC}`, { basicCode: 'ZZZZZZZZZZZZ', implementerUscc: 'X' }),
      ...validateImplementationCode('a'),
      ...validateHandlingCode('a'),
      ...validateHandlingCode(`${REAL}01`, `${USCC}3${BASIC}`),
      ...validateTypeCode('a'),
      ...validateTypeCodeForKind('licensing', '02'),
    ];
    for (const i of used) expect(Object.keys(ERRORS)).toContain(i.code);
  });
});
