/**
 * The applicant of a case (申请人, DB36/T 2016 §8.1.2.3): a natural person with an
 * identity document, or an organisation with its unified social credit code, and an
 * optional 帮代办 staff member who handles the application for them (§8.2.2).
 *
 * The resident identity number is checked against GB 11643 (birth date and check
 * character) and the USCC against GB 32100; the other documents are checked for
 * their shape only. Every fault is reported at its field (`/applicant/idNumber` …),
 * all of them at once.
 */
import { AppError, type ErrorCode, type FieldIssue } from '../shared/errors.ts';
import { isValidResidentId, isValidUscc } from '../shared/identity.ts';
import { maskIdNumber, maskName, maskPhone } from '../shared/privacy.ts';

export const ID_TYPES = ['resident_id', 'passport', 'hk_macao_permit', 'taiwan_permit', 'foreign_permanent'] as const;
export type IdType = (typeof ID_TYPES)[number];

export const ID_TYPE_LABELS: Readonly<Record<IdType, string>> = {
  resident_id: '居民身份证',
  passport: '护照',
  hk_macao_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
  foreign_permanent: '外国人永久居留身份证',
};

/**
 * Shapes of the documents checked by format only (upper-cased, spaces removed):
 * - passport: 5–17 letters and digits (Chinese passports E12345678 / EA1234567; foreign ones vary);
 * - 港澳通行证 (回乡证): H or M and 8 digits (older cards: 10);
 * - 台胞证: 8 digits (cards since 2015), older ones 10 digits and up to two letters;
 * - 外国人永久居留身份证: 3 letters and 12 digits (until 2023), or 18 characters starting with 9 (2023 card).
 */
const ID_SHAPES: Readonly<Record<Exclude<IdType, 'resident_id'>, { readonly pattern: RegExp; readonly hint: string }>> = {
  passport: { pattern: /^[A-Z0-9]{5,17}$/, hint: '5–17 位字母或数字' },
  hk_macao_permit: { pattern: /^[HM]\d{8}(\d{2})?$/, hint: 'H 或 M 加 8 位（旧证 10 位）数字' },
  taiwan_permit: { pattern: /^(\d{8}|\d{10}[A-Z]{0,2})$/, hint: '8 位数字（旧证 10 位数字加字母）' },
  foreign_permanent: { pattern: /^([A-Z]{3}\d{12}|9\d{16}[\dX])$/, hint: '3 位字母加 12 位数字，或以 9 开头的 18 位' },
};

/** A mainland mobile number (11 digits) or a landline with its area code (0791-88888888). */
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}\d{7,8}$/;

export interface PersonInput {
  readonly kind: 'person';
  readonly name: string;
  readonly idType: IdType;
  readonly idNumber: string;
  readonly phone: string;
  readonly address?: string | null;
}

export interface OrganisationInput {
  readonly kind: 'organisation';
  readonly name: string;
  readonly uscc: string;
  /** 法定代表人 or 经办人. */
  readonly contactName: string;
  readonly phone: string;
  readonly address?: string | null;
}

export type ApplicantInput = PersonInput | OrganisationInput;

/** A checked applicant: trimmed, upper-cased numbers, the phone as digits. */
export type Applicant = (PersonInput | OrganisationInput) & { readonly address: string | null };

const trim = (v: string | null | undefined): string => (v ?? '').trim();
const compact = (v: string): string => v.replace(/[\s-]/g, '').toUpperCase();

/** Digits of a phone as stored: spaces and dashes dropped, a +86 before a mobile number too. */
export function normalisePhone(raw: string): string {
  return raw.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
}

export function isValidPhone(phone: string): boolean {
  return MOBILE.test(phone) || LANDLINE.test(phone);
}

/** Whether `number` is a well-formed document number of `type` (GB 11643 checked for the resident ID). */
export function isValidIdNumber(type: IdType, number: string): boolean {
  if (type === 'resident_id') return isValidResidentId(number);
  return ID_SHAPES[type].pattern.test(number);
}

/**
 * The applicant as stored, or CASE_ID_NUMBER_INVALID / CASE_USCC_INVALID /
 * CASE_PHONE_INVALID listing every field at fault under `base` (default `/applicant`),
 * with the values masked in the messages.
 */
export function checkApplicant(input: ApplicantInput, base = '/applicant'): Applicant {
  const issues: (FieldIssue & { readonly code: ErrorCode })[] = [];
  const add = (path: string, code: ErrorCode, message: string) => issues.push({ path: `${base}${path}`, code, message });
  const name = trim(input.name);
  if (!name) add('/name', 'CASE_DATA_INVALID', input.kind === 'person' ? '须填写申请人姓名' : '须填写申请单位名称');
  const phone = normalisePhone(trim(input.phone));
  if (!isValidPhone(phone)) add('/phone', 'CASE_PHONE_INVALID', `联系电话“${maskPhone(phone)}”不正确，应为 11 位手机号或带区号的固定电话`);
  const address = trim(input.address) || null;

  let applicant: Applicant;
  if (input.kind === 'person') {
    const idNumber = compact(input.idNumber);
    if (!isValidIdNumber(input.idType, idNumber)) {
      const label = ID_TYPE_LABELS[input.idType];
      const rule = input.idType === 'resident_id' ? '出生日期或校验码不正确（GB 11643）' : `格式应为${ID_SHAPES[input.idType].hint}`;
      add('/idNumber', 'CASE_ID_NUMBER_INVALID', `${label}号码“${maskIdNumber(idNumber)}”不正确：${rule}`);
    }
    applicant = { kind: 'person', name, idType: input.idType, idNumber, phone, address };
  } else {
    const uscc = compact(input.uscc);
    if (!isValidUscc(uscc)) add('/uscc', 'CASE_USCC_INVALID', `统一社会信用代码“${uscc}”不正确（GB 32100 校验码）`);
    const contactName = trim(input.contactName);
    if (!contactName) add('/contactName', 'CASE_DATA_INVALID', '须填写单位经办人或法定代表人姓名');
    applicant = { kind: 'organisation', name, uscc, contactName, phone, address };
  }
  if (issues.length > 0) {
    throw new AppError(issues[0]!.code, { message: issues.map((i) => i.message).join('；'), fields: issues });
  }
  return applicant;
}

/** What every reader sees: a person's name and numbers masked; an organisation's name and USCC are public registry data. */
export interface MaskedApplicant {
  readonly kind: 'person' | 'organisation';
  readonly name: string;
  readonly idType: IdType | null;
  readonly idNumber: string | null;
  readonly uscc: string | null;
  readonly contactName: string | null;
  readonly phone: string;
  readonly address: string | null;
}

export function maskApplicant(a: Applicant): MaskedApplicant {
  if (a.kind === 'person') {
    return { kind: 'person', name: maskName(a.name), idType: a.idType, idNumber: maskIdNumber(a.idNumber), uscc: null, contactName: null, phone: maskPhone(a.phone), address: a.address ? maskAddress(a.address) : null };
  }
  return { kind: 'organisation', name: a.name, idType: null, idNumber: null, uscc: a.uscc, contactName: maskName(a.contactName), phone: maskPhone(a.phone), address: a.address };
}

/** 江西省南昌市新建区长征路1号 → 江西省南昌市**** : the first 6 characters, the rest hidden. */
export function maskAddress(address: string): string {
  const chars = Array.from(address);
  return chars.length <= 6 ? chars[0] + '*'.repeat(Math.max(0, chars.length - 1)) : chars.slice(0, 6).join('') + '****';
}

/** The last four digits of the applicant's phone: the check code of the public progress query (§8.1.2.1). */
export function phoneCheckCode(phone: string): string {
  return phone.slice(-4);
}
