/** Chinese wording of hours, limits and codes for the portal. */
import { TIME_LIMIT_UNITS } from '../../src/domain/catalogue/codes.ts';
import type { TimeLimit } from './types.ts';

export interface Window {
  readonly start: string;
  readonly end: string;
}

export function windowText(w: Window | null | undefined): string {
  return w ? `${w.start}—${w.end}` : '不提供';
}

export function timeLimitText(limit: TimeLimit | null | undefined): string {
  if (!limit) return '未公布';
  const unit = TIME_LIMIT_UNITS[limit.unit] ?? limit.unit;
  return `${limit.value} 个${unit}${limit.note ? `（${limit.note}）` : ''}`;
}

export function yesNo(value: boolean | null | undefined): string {
  if (value === null || value === undefined) return '未公布';
  return value ? '支持' : '不支持';
}
