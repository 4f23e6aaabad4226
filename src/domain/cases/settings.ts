/**
 * Settings of case handling, one object per centre, every part with a default:
 * - `refusalReviewWorkingDays` (3): a refusal report (否定事项报备, DB36/T 2016 §7.5.2.3)
 *   not reviewed within this many working days is flagged overdue;
 * - `dueSoonWorkingDays` (2): a case is "due soon" when its promised due day is among
 *   the next this-many working days (deadlines.ts `deadlineState`);
 * - `toleranceReminderWorkingDays` (1): the applicant is reminded this many working days
 *   before the completion deadline of tolerated materials (容缺, §8.2.7).
 */
import { AppError, type FieldIssue } from '../shared/errors.ts';

export interface CaseSettings {
  readonly refusalReviewWorkingDays: number;
  readonly dueSoonWorkingDays: number;
  readonly toleranceReminderWorkingDays: number;
}

export type CaseSettingsInput = Partial<CaseSettings>;

export const DEFAULT_CASE_SETTINGS: CaseSettings = {
  refusalReviewWorkingDays: 3,
  dueSoonWorkingDays: 2,
  toleranceReminderWorkingDays: 1,
};

const LIMITS: Readonly<Record<keyof CaseSettings, { readonly min: number; readonly max: number; readonly label: string }>> = {
  refusalReviewWorkingDays: { min: 1, max: 30, label: '否定事项报备复核时限（工作日）' },
  dueSoonWorkingDays: { min: 0, max: 30, label: '临近到期预警（工作日）' },
  toleranceReminderWorkingDays: { min: 0, max: 30, label: '容缺材料补齐提醒（提前工作日）' },
};

/** The settings with defaults filled in; CASE_SETTINGS_INVALID listing every bad field. */
export function resolveCaseSettings(input: CaseSettingsInput | null | undefined): CaseSettings {
  const merged = { ...DEFAULT_CASE_SETTINGS, ...(input ?? {}) };
  const issues: FieldIssue[] = [];
  for (const [key, rule] of Object.entries(LIMITS) as [keyof CaseSettings, (typeof LIMITS)[keyof CaseSettings]][]) {
    const v = merged[key];
    if (!Number.isInteger(v) || v < rule.min || v > rule.max) {
      issues.push({ path: `/${key}`, code: 'CASE_SETTINGS_INVALID', message: `${rule.label}应为 ${rule.min}–${rule.max} 的整数，实为 ${String(v)}` });
    }
  }
  if (issues.length > 0) throw new AppError('CASE_SETTINGS_INVALID', { message: issues.map((i) => i.message).join('；'), fields: issues });
  return merged;
}
