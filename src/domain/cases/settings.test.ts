/** Case settings (§7.5.2.3 review within N working days, default 3; warnings; 容缺 reminders §8.2.7). */
import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.ts';
import { SHIPPED_YEARS } from '../calendar/shipped.ts';
import { WorkingCalendar } from '../calendar/working-calendar.ts';
import { DEFAULT_CASE_SETTINGS, resolveCaseSettings } from './settings.ts';
import { decideReview, isReviewOverdue, reviewDueAt } from './refusal-review.ts';

const calendar = new WorkingCalendar(SHIPPED_YEARS);
const at = (text: string) => new Date(`${text.replace(' ', 'T')}+08:00`);

describe('case settings', () => {
  it('defaults: review within 3 working days, warn 2 working days ahead, remind 1 day before a 容缺 deadline', () => {
    expect(resolveCaseSettings(undefined)).toEqual({ refusalReviewWorkingDays: 3, dueSoonWorkingDays: 2, toleranceReminderWorkingDays: 1 });
    expect(resolveCaseSettings({ refusalReviewWorkingDays: 5 })).toEqual({ ...DEFAULT_CASE_SETTINGS, refusalReviewWorkingDays: 5 });
  });

  it('lists every bad field', () => {
    try {
      resolveCaseSettings({ refusalReviewWorkingDays: 0, dueSoonWorkingDays: 1.5 });
      throw new Error('expected a refusal');
    } catch (e) {
      expect((e as AppError).code).toBe('CASE_SETTINGS_INVALID');
      expect((e as AppError).fields.map((f) => f.path)).toEqual(['/refusalReviewWorkingDays', '/dueSoonWorkingDays']);
    }
  });
});

describe('§7.5.2.3 refusal reports: review due, overdue, decided once', () => {
  it('filed Friday 2025-09-26: Sunday 09-28 is a make-up working day, so 3 working days end Tuesday 09-30', () => {
    expect(reviewDueAt(calendar, at('2025-09-26 16:00'), 3)).toEqual(at('2025-09-30 23:59:59.999'));
    expect(reviewDueAt(calendar, at('2025-09-30 16:00'), 1)).toEqual(at('2025-10-09 23:59:59.999'));
    expect(reviewDueAt(calendar, at('2025-03-03 10:00'), 3)).toEqual(at('2025-03-06 23:59:59.999'));
  });

  it('overdue only while pending and after the due date; a second decision is refused', () => {
    const dueAt = at('2025-03-06 23:59:59.999');
    expect(isReviewOverdue({ status: 'pending', dueAt }, at('2025-03-06 23:00'))).toBe(false);
    expect(isReviewOverdue({ status: 'pending', dueAt }, at('2025-03-07 00:00'))).toBe(true);
    expect(isReviewOverdue({ status: 'confirmed', dueAt }, at('2025-03-07 00:00'))).toBe(false);
    expect(decideReview({ status: 'pending', dueAt }, 'overturn', ' 应予受理 ', at('2025-03-07 09:00'))).toEqual({ status: 'overturned', opinion: '应予受理', reviewedAt: at('2025-03-07 09:00'), late: true });
    expect(() => decideReview({ status: 'confirmed', dueAt }, 'confirm', '维持', at('2025-03-05 09:00'))).toThrow(expect.objectContaining({ code: 'REFUSAL_REVIEW_ALREADY_DECIDED' }));
    expect(() => decideReview({ status: 'pending', dueAt }, 'confirm', '  ', at('2025-03-05 09:00'))).toThrow(expect.objectContaining({ code: 'CASE_DATA_INVALID' }));
  });
});
