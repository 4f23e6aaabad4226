/**
 * Check characters of Chinese identity numbers: the unified social credit code of
 * organisations (GB 32100) and the resident identity number of people (GB 11643).
 */

/** GB 32100: the 31 characters of a USCC (no I, O, S, V, Z); a character's value is its index. */
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
/** Positions 3–8 are the GB/T 2260 division code of the registering authority: digits. */
const USCC_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/**
 * The 18th character of a USCC from its first 17 (GB 32100): 31 − (Σ value·weight mod 31),
 * where 31 stands for `0`. Undefined when the 17 characters are not all from the charset.
 */
export function usccCheckChar(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17[i]!);
    if (value < 0) return undefined;
    sum += value * USCC_WEIGHTS[i]!;
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

/** Whether `value` is a well-formed unified social credit code with a correct check character (GB 32100). */
export function isValidUscc(value: string): boolean {
  if (!USCC_SHAPE.test(value)) return false;
  return usccCheckChar(value.slice(0, 17)) === value[17];
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = '10X98765432';

/** The 18th character of a resident ID number from its first 17 digits (GB 11643). */
export function residentIdCheckChar(first17: string): string | undefined {
  if (!/^\d{17}$/.test(first17)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11];
}

/** The birth date (characters 7–14, `YYYYMMDD`) of a resident ID number, when it is a real date. */
export function residentIdBirthDate(value: string): { year: number; month: number; day: number } | undefined {
  const m = /^\d{6}(\d{4})(\d{2})(\d{2})/.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1800 || month < 1 || month > 12 || day < 1) return undefined;
  // Day 0 of the next month is the last day of this one (UTC: no time zone involved).
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  return { year, month, day };
}

/**
 * Whether `value` is an 18-character resident identity number (GB 11643) with a real
 * birth date and a correct check character. A lower-case `x` is accepted as `X`.
 */
export function isValidResidentId(value: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(value)) return false;
  if (!residentIdBirthDate(value)) return false;
  return residentIdCheckChar(value.slice(0, 17)) === value[17]!.toUpperCase();
}
