/**
 * Immediate feedback on the applicant's numbers while the clerk types (DB36/T 2016
 * §8.1.2.3): the same pure checks as the server (GB 11643 check character and birth date
 * of the resident ID, GB 32100 check character of the USCC, the phone's shape). They
 * only warn: the server's answer, shown at the field, decides.
 */
import { isValidIdNumber, isValidPhone, normalisePhone, type IdType } from '../../../src/domain/cases/applicant.ts';
import { isValidUscc, residentIdBirthDate, residentIdCheckChar } from '../../../src/domain/shared/identity.ts';

const compact = (v: string): string => v.replace(/[\s-]/g, '').toUpperCase();

/** Null when the number looks right (or is still empty); otherwise what is wrong, in Chinese. */
export function idNumberHint(type: IdType, raw: string | null | undefined): string | null {
  const value = compact(raw ?? '');
  if (!value) return null;
  if (type !== 'resident_id') return isValidIdNumber(type, value) ? null : '证件号码格式不正确，请核对';
  if (!/^\d{17}[\dX]$/.test(value)) return `居民身份证号码应为 18 位（已输入 ${value.length} 位），末位可为 X`;
  if (!residentIdBirthDate(value)) return '居民身份证号码中的出生日期不正确（GB 11643）';
  const expected = residentIdCheckChar(value.slice(0, 17));
  if (expected !== value[17]) return `居民身份证号码校验码不正确（GB 11643），请核对号码`;
  return null;
}

export function usccHint(raw: string | null | undefined): string | null {
  const value = compact(raw ?? '');
  if (!value) return null;
  if (value.length !== 18) return `统一社会信用代码应为 18 位（已输入 ${value.length} 位）`;
  return isValidUscc(value) ? null : '统一社会信用代码校验码不正确（GB 32100），请核对';
}

export function phoneHint(raw: string | null | undefined): string | null {
  const value = normalisePhone((raw ?? '').trim());
  if (!value) return null;
  return isValidPhone(value) ? null : '应为 11 位手机号或带区号的固定电话';
}

/** An antd rule that warns (never blocks) with `hint`'s message. */
export function warnRule(hint: (value: string | undefined) => string | null) {
  return {
    warningOnly: true,
    validator: (_: unknown, value: string | undefined) => {
      const message = hint(value);
      return message ? Promise.reject(new Error(message)) : Promise.resolve();
    },
  };
}
