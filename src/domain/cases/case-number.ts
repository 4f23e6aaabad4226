/**
 * Case numbers (办件编号, REFERENCES.md "Service item data"): the item's 31-character
 * implementation code (GB/T 39554), the service day `yyyyMMdd` (Asia/Shanghai), and a
 * 4-digit sequence that restarts every day per implementation code — 43 characters,
 * e.g. `11440232MB2D06811W4000117051000` + `20250303` + `0001`.
 *
 * A handling item (业务办理项, 33 characters) numbers under the implementation code it
 * starts with, and a "一件事" bundle case under its lead item's code, so that one
 * sequence row serves each implementation code and day. The caller draws the sequence
 * inside the opening transaction (a row lock, like ticket numbers); the 10,000th case
 * of one code in one day is refused rather than given a duplicate number.
 */
import { shanghaiDayAndMinute, formatDate } from '../calendar/dates.ts';
import { AppError } from '../shared/errors.ts';

export const CASE_SEQUENCE_WIDTH = 4;
export const CASE_SEQUENCE_MAX = 9999;
export const CASE_NUMBER_LENGTH = 31 + 8 + CASE_SEQUENCE_WIDTH;

const IMPLEMENTATION_CODE = /^[0-9A-Z]{31}$/;
const CASE_NUMBER = /^([0-9A-Z]{31})(\d{4})(\d{2})(\d{2})(\d{4})$/;

/** The implementation code a case numbers under: an item's own, or the first 31 characters of a handling item's code. */
export function numberingCode(item: { readonly implementationCode: string | null; readonly handlingCode: string | null }): string {
  const code = item.implementationCode ?? item.handlingCode?.slice(0, 31) ?? '';
  if (!IMPLEMENTATION_CODE.test(code)) {
    throw new AppError('ITEM_IMPLEMENTATION_CODE_INVALID', { message: '该事项没有 31 位实施编码，不能生成办件编号', details: { code } });
  }
  return code;
}

/** `YYYY-MM-DD`: the service day (Asia/Shanghai) a case opened at `instant` numbers under. */
export function caseDay(instant: Date): string {
  return formatDate(shanghaiDayAndMinute(instant).epochDay);
}

/**
 * The case number of the `sequence`-th case of `implementationCode` on `day`
 * (`YYYY-MM-DD`). Throws CASE_NUMBERS_EXHAUSTED past {@link CASE_SEQUENCE_MAX}.
 */
export function formatCaseNumber(implementationCode: string, day: string, sequence: number): string {
  if (!IMPLEMENTATION_CODE.test(implementationCode)) throw new AppError('ITEM_IMPLEMENTATION_CODE_INVALID', { details: { implementationCode } });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new AppError('DATE_INVALID', { details: { day } });
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`case sequence ${sequence} is not a positive integer`);
  if (sequence > CASE_SEQUENCE_MAX) {
    throw new AppError('CASE_NUMBERS_EXHAUSTED', {
      message: `实施编码 ${implementationCode} 今日已生成 ${CASE_SEQUENCE_MAX} 个办件编号，编号已用尽`,
      details: { implementationCode, day, sequence },
    });
  }
  return `${implementationCode}${day.replaceAll('-', '')}${String(sequence).padStart(CASE_SEQUENCE_WIDTH, '0')}`;
}

export interface ParsedCaseNumber {
  readonly implementationCode: string;
  readonly day: string;
  readonly sequence: number;
}

/** The parts of a case number; undefined for anything that is not one (a bad date or sequence 0000 included). */
export function parseCaseNumber(value: string): ParsedCaseNumber | undefined {
  const m = CASE_NUMBER.exec(value);
  if (!m) return undefined;
  const [, code, y, mo, d, seq] = m as unknown as [string, string, string, string, string, string];
  const month = Number(mo);
  const dayOfMonth = Number(d);
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > new Date(Date.UTC(Number(y), month, 0)).getUTCDate()) return undefined;
  const sequence = Number(seq);
  if (sequence < 1) return undefined;
  return { implementationCode: code, day: `${y}-${mo}-${d}`, sequence };
}
