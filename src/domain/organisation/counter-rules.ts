/** Rules of counters (窗口): numbering, kinds, and the service status shown on the counter sign. */
import { AppError, type FieldIssue } from '../shared/errors.ts';
import type { Warning } from './centre-rules.ts';
import type { CounterKind, CounterStatus } from './types.ts';

/** Longest counter number; digit runs are padded to this width so that any number sorts naturally. */
export const COUNTER_NUMBER_MAX = 16;

/**
 * The key counters are listed by: every run of digits zero-padded, so that 2 comes
 * before 10 and A2 before A10 (the order of the signs in the hall, §6.4.2).
 */
export function counterSortKey(number: string): string {
  return number
    .trim()
    .toUpperCase()
    .replace(/\d+/g, (digits) => digits.replace(/^0+(?=\d)/, '').padStart(COUNTER_NUMBER_MAX, '0'));
}

/**
 * DB36/T 2016 §3.6, §7.1.6.3: a professional-area counter (专业区域窗口) belongs to a
 * named area (公安, 税务, 不动产 ...); the area must be given.
 */
export function checkCounterKind(kind: CounterKind, areaName: string | null | undefined): FieldIssue[] {
  if (kind === 'professional' && !areaName?.trim()) {
    return [{ path: '/areaName', code: 'COUNTER_AREA_REQUIRED', message: '专业区域窗口须填写所属专业区名称（DB36/T 2016 §7.1.6.3）' }];
  }
  return [];
}

/** §7.1.6.3: 专业区域要求不多于6个. */
export const MAX_PROFESSIONAL_AREAS = 6;

/**
 * A warning when the active professional counters of a centre name more than six
 * areas (§7.1.6.3). A warning, not a refusal: a centre that is still reorganising
 * must be able to record what it has.
 */
export function professionalAreaWarning(areaNames: readonly string[]): Warning | null {
  const areas = new Set(areaNames.map((a) => a.trim()).filter((a) => a.length > 0));
  if (areas.size <= MAX_PROFESSIONAL_AREAS) return null;
  return {
    code: 'PROFESSIONAL_AREAS_EXCEED',
    path: '/areaName',
    message: `专业区域已有 ${areas.size} 个，DB36/T 2016 §7.1.6.3 要求不多于 ${MAX_PROFESSIONAL_AREAS} 个`,
  };
}

export interface CounterStatusChange {
  readonly status: CounterStatus;
  readonly awayReason?: string | null | undefined;
  readonly expectedReturnAt?: Date | null | undefined;
}

export interface CounterStatusState {
  readonly status: CounterStatus;
  readonly awayReason: string | null;
  readonly expectedReturnAt: Date | null;
}

/**
 * DB36/T 2016 §5.1.5.1, §6.4.6: a clerk who steps away must show where they went and
 * that service is paused; the sign then also says when they will be back. Any status
 * may follow any other (a counter opens, pauses, empties and closes as the day goes);
 * whereabouts are kept only while the clerk is away.
 */
export function applyCounterStatus(change: CounterStatusChange, now: Date): CounterStatusState {
  if (change.status === 'paused') {
    // Issue 4: "pause with reason" — 暂停服务 and the reason shown on the counter screen; a return time is optional.
    const back = change.expectedReturnAt ?? null;
    if (back && back.getTime() <= now.getTime()) {
      throw new AppError('COUNTER_RETURN_TIME_INVALID', {
        fields: [{ path: '/expectedReturnAt', code: 'COUNTER_RETURN_TIME_INVALID', message: '预计恢复时间应晚于当前时间' }],
      });
    }
    return { status: 'paused', awayReason: change.awayReason?.trim() || null, expectedReturnAt: back };
  }
  if (change.status !== 'away') return { status: change.status, awayReason: null, expectedReturnAt: null };
  const reason = change.awayReason?.trim() ?? '';
  const issues: FieldIssue[] = [];
  if (!reason) issues.push({ path: '/awayReason', code: 'COUNTER_AWAY_REASON_REQUIRED', message: '暂时离开须填写去向（DB36/T 2016 §5.1.5.1）' });
  if (!change.expectedReturnAt) {
    issues.push({ path: '/expectedReturnAt', code: 'COUNTER_AWAY_REASON_REQUIRED', message: '暂时离开须填写预计返回时间' });
  }
  if (issues.length > 0) throw new AppError('COUNTER_AWAY_REASON_REQUIRED', { fields: issues, message: issues.map((i) => i.message).join('；') });
  if (change.expectedReturnAt!.getTime() <= now.getTime()) {
    throw new AppError('COUNTER_RETURN_TIME_INVALID', {
      fields: [{ path: '/expectedReturnAt', code: 'COUNTER_RETURN_TIME_INVALID', message: '预计返回时间应晚于当前时间' }],
    });
  }
  return { status: 'away', awayReason: reason, expectedReturnAt: change.expectedReturnAt! };
}
