/** DB36/T 2016 §8.1.2.3, §8.2.2: the applicant of a case — GB 11643 and GB 32100 checks, document shapes, masking. */
import { describe, expect, it } from 'vitest';
import { residentIdCheckChar, usccCheckChar } from '../shared/identity.ts';
import { checkApplicant, isValidIdNumber, maskApplicant, normalisePhone, phoneCheckCode, type ApplicantInput } from './applicant.ts';
import { caught } from '../shared/caught.ts';

const ID = '11010519491231002X';
const USCC = '91360100MA35XXXX0X'.slice(0, 17);
const VALID_USCC = USCC + usccCheckChar(USCC);

const person = (o: Partial<Extract<ApplicantInput, { kind: 'person' }>> = {}): ApplicantInput => ({ kind: 'person', name: ' 张三丰 ', idType: 'resident_id', idNumber: ID, phone: '138 1234 5678', ...o });

describe('natural person (GB 11643 for the resident ID)', () => {
  it('accepts a valid ID (lower-case x too), trims, normalises the phone', () => {
    expect(checkApplicant(person({ idNumber: ID.toLowerCase() }))).toEqual({ kind: 'person', name: '张三丰', idType: 'resident_id', idNumber: ID, phone: '13812345678', address: null });
  });

  it('a wrong check character is CASE_ID_NUMBER_INVALID at /applicant/idNumber, the number masked in the message', () => {
    const wrongCheck = ID.slice(0, 17) + (residentIdCheckChar(ID.slice(0, 17)) === '1' ? '2' : '1');
    const err = caught(() => checkApplicant(person({ idNumber: wrongCheck })));
    expect(err.code).toBe('CASE_ID_NUMBER_INVALID');
    expect(err.fields).toEqual([{ path: '/applicant/idNumber', code: 'CASE_ID_NUMBER_INVALID', message: expect.stringContaining('GB 11643') }]);
    expect(err.message).not.toContain(wrongCheck);
    // An impossible birth date with a correct check character is refused as well.
    const feb30 = '11010519490230001';
    expect(caught(() => checkApplicant(person({ idNumber: feb30 + residentIdCheckChar(feb30) }))).code).toBe('CASE_ID_NUMBER_INVALID');
  });

  it.each([
    ['passport', 'E12345678', 'E12'],
    ['hk_macao_permit', 'H12345678', 'X12345678'],
    ['taiwan_permit', '12345678', '1234567'],
    ['foreign_permanent', 'USA110012345678', 'US110012345678'],
    ['foreign_permanent', '931101199001011234', '831101199001011234'],
  ] as const)('%s is format-checked only: %s passes, %s does not', (idType, good, bad) => {
    expect(isValidIdNumber(idType, good)).toBe(true);
    expect(checkApplicant(person({ idType, idNumber: good.toLowerCase() })).kind).toBe('person');
    expect(caught(() => checkApplicant(person({ idType, idNumber: bad }))).fields[0]?.path).toBe('/applicant/idNumber');
  });

  it('lists every fault at once: name, phone and ID number', () => {
    const err = caught(() => checkApplicant(person({ name: ' ', phone: '12345', idNumber: '123' })));
    expect(err.fields.map((f) => [f.path, f.code])).toEqual([
      ['/applicant/name', 'CASE_DATA_INVALID'],
      ['/applicant/phone', 'CASE_PHONE_INVALID'],
      ['/applicant/idNumber', 'CASE_ID_NUMBER_INVALID'],
    ]);
  });

  it('phones: mobile (with +86) or landline with area code', () => {
    expect(normalisePhone('+86 138-1234-5678')).toBe('13812345678');
    expect(checkApplicant(person({ phone: '0791-88888888' })).phone).toBe('079188888888');
    expect(phoneCheckCode('079188888888')).toBe('8888');
  });
});

describe('organisation (GB 32100)', () => {
  const org = (uscc: string): ApplicantInput => ({ kind: 'organisation', name: '南昌某某餐饮有限公司', uscc, contactName: '李四', phone: '13912345678', address: '南昌市新建区长征路 2 号' });

  it('accepts a valid USCC; a wrong check character is CASE_USCC_INVALID at /applicant/uscc', () => {
    expect(checkApplicant(org(VALID_USCC.toLowerCase()))).toMatchObject({ kind: 'organisation', uscc: VALID_USCC });
    const wrong = VALID_USCC.slice(0, 17) + (VALID_USCC[17] === 'A' ? 'B' : 'A');
    const err = caught(() => checkApplicant(org(wrong)));
    expect(err.code).toBe('CASE_USCC_INVALID');
    expect(err.fields[0]?.path).toBe('/applicant/uscc');
  });

  it('masks a person’s name, numbers, phone and address; an organisation keeps its public name and USCC', () => {
    expect(maskApplicant(checkApplicant(person({ address: '江西省南昌市新建区长征路 1 号' })))).toEqual({
      kind: 'person',
      name: '张**',
      idType: 'resident_id',
      idNumber: '1101**********002X',
      uscc: null,
      contactName: null,
      phone: '138****5678',
      address: '江西省南昌市****',
    });
    expect(maskApplicant(checkApplicant(org(VALID_USCC)))).toMatchObject({ name: '南昌某某餐饮有限公司', uscc: VALID_USCC, contactName: '李*', phone: '139****5678' });
  });
});
