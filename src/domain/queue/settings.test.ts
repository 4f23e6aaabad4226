/** A centre's queue settings: defaults, overlay, and one check of the whole. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.ts';
import { DEFAULT_QUEUE_SETTINGS, assertQueueSettings, checkQueueSettings, withDefaults } from './settings.ts';

describe('queue settings', () => {
  it('the defaults are valid: recall limit 2, elderly 60, fairness bound 60 minutes', () => {
    expect(checkQueueSettings(DEFAULT_QUEUE_SETTINGS)).toEqual([]);
    expect(DEFAULT_QUEUE_SETTINGS.recallLimit).toBe(2);
    expect(DEFAULT_QUEUE_SETTINGS.priority.elderlyAge).toBe(60);
  });

  it('withDefaults overlays what is stored, one class weight at a time', () => {
    const s = withDefaults({ recallLimit: 3, priority: { weights: { elderly: 45 } }, issuing: { mobilePerPhone: 1 } });
    expect(s.recallLimit).toBe(3);
    expect(s.priority.weights).toEqual({ ...DEFAULT_QUEUE_SETTINGS.priority.weights, elderly: 45 });
    expect(s.priority.ageingPerMinute).toBe(1);
    expect(s.issuing).toEqual({ mobilePerPhone: 1, mobilePerIdNumber: 3 });
    expect(withDefaults()).toEqual(DEFAULT_QUEUE_SETTINGS);
  });

  it('"your turn is near" at the 5th place and no hall notice by default; a 500-character notice is fine', () => {
    expect(DEFAULT_QUEUE_SETTINGS.notify.nearPlace).toBe(5);
    expect(DEFAULT_QUEUE_SETTINGS.display.notice).toBe('');
    expect(checkQueueSettings(withDefaults({ notify: { nearPlace: 50 }, display: { notice: '通'.repeat(500) } }))).toEqual([]);
    expect(withDefaults({ notify: { nearPlace: 2 } }).notify.nearPlace).toBe(2);
  });

  it('reports every bad field with its path', () => {
    const s = withDefaults({
      recallLimit: -1,
      priority: { ageingPerMinute: 0, elderlyAge: 45, weights: { military: 601 }, appointmentLateMinutes: 1.5 },
      issuing: { mobilePerPhone: 0, mobilePerIdNumber: 51 },
      estimate: { sampleSize: 0, priorWeight: -1, fallbackServiceMinutes: 0, maxSampleMinutes: Number.NaN },
      tidal: { clearRatio: 1, calmMinutes: -5 },
      voice: { repeat: 0, elderlyRepeat: 6, rate: 3, elderlyRate: 0.1, volume: 2 },
      notify: { nearPlace: 0 },
      display: { notice: '通'.repeat(501) },
    });
    expect(checkQueueSettings(s).map((i) => i.path)).toEqual([
      '/recallLimit',
      '/priority/weights/military',
      '/priority/ageingPerMinute',
      '/priority/elderlyAge',
      '/priority/appointmentLateMinutes',
      '/issuing/mobilePerPhone',
      '/issuing/mobilePerIdNumber',
      '/estimate/sampleSize',
      '/estimate/priorWeight',
      '/estimate/fallbackServiceMinutes',
      '/estimate/maxSampleMinutes',
      '/tidal/clearRatio',
      '/tidal/calmMinutes',
      '/voice/repeat',
      '/voice/elderlyRepeat',
      '/voice/rate',
      '/voice/elderlyRate',
      '/voice/volume',
      '/notify/nearPlace',
      '/display/notice',
    ]);
  });

  it('assertQueueSettings: QUEUE_SETTINGS_INVALID with the fields, or the full settings', () => {
    expect(assertQueueSettings({ recallLimit: 1 }).recallLimit).toBe(1);
    try {
      assertQueueSettings({ tidal: { clearRatio: 1.2 } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('QUEUE_SETTINGS_INVALID');
      expect((e as AppError).fields.map((f) => f.path)).toEqual(['/tidal/clearRatio']);
    }
  });
});
