/** DB36/T 2016 §5.1.3.1 service hours and §8.1.3.5 a–d extended and off-peak service. */
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SERVICE_HOURS } from '../organisation/centre-rules.ts';
import type { ServiceHours } from '../organisation/types.ts';
import type { AppError } from '../shared/errors.ts';
import { nextOpening, serviceModeAt } from './service-mode.ts';
import { SHIPPED_YEARS } from './shipped.ts';
import { WorkingCalendar } from './working-calendar.ts';

const calendar = new WorkingCalendar(SHIPPED_YEARS);
// 09:00–12:00, 13:30–17:00, lunch service, early 08:00–09:00, late 17:00–18:30, Saturday 09:00–12:00, no Sunday.
const hours: ServiceHours = DEFAULT_SERVICE_HOURS;

/** The mode at a Shanghai wall-clock time. */
const at = (local: string, h: ServiceHours = hours, cal: WorkingCalendar = calendar) => serviceModeAt(h, cal, new Date(`${local}:00+08:00`));

describe('serviceModeAt on a working day (Monday 2025-03-03)', () => {
  it('follows the regular windows, lunch (§8.1.3.5 b) and the off-peak windows (§8.1.3.5 a) at their boundaries', () => {
    const cases: [string, string][] = [
      ['07:59', 'closed'],
      ['08:00', 'extended'],
      ['08:59', 'extended'],
      ['09:00', 'regular'],
      ['11:59', 'regular'],
      ['12:00', 'lunch'],
      ['13:29', 'lunch'],
      ['13:30', 'regular'],
      ['16:59', 'regular'],
      ['17:00', 'extended'],
      ['18:29', 'extended'],
      ['18:30', 'closed'],
      ['23:59', 'closed'],
      ['00:00', 'closed'],
    ];
    expect(cases.map(([t]) => [t, at(`2025-03-03T${t}`)])).toEqual(cases);
  });

  it('closes at lunch without lunch service and outside regular hours without off-peak windows', () => {
    const plain: ServiceHours = { ...hours, lunchService: false, early: null, late: null };
    expect(at('2025-03-03T12:00', plain)).toBe('closed');
    expect(at('2025-03-03T13:29', plain)).toBe('closed');
    expect(at('2025-03-03T08:59', plain)).toBe('closed');
    expect(at('2025-03-03T09:00', plain)).toBe('regular');
    expect(at('2025-03-03T17:00', plain)).toBe('closed');
  });

  it('counts seconds: 08:59:59 is still off-peak', () => {
    expect(serviceModeAt(hours, calendar, new Date('2025-03-03T08:59:59+08:00'))).toBe('extended');
  });
});

describe('serviceModeAt on weekends and holidays', () => {
  it('serves appointment items on an ordinary Saturday (§8.1.3.5 c)', () => {
    expect(at('2025-03-08T08:59')).toBe('closed');
    expect(at('2025-03-08T09:00')).toBe('appointment-only');
    expect(at('2025-03-08T11:59')).toBe('appointment-only');
    expect(at('2025-03-08T12:00')).toBe('closed');
    expect(at('2025-03-08T14:00')).toBe('closed');
    expect(at('2025-03-08T17:30')).toBe('closed');
  });

  it('serves on Sunday only with a Sunday window (§8.1.3.5 d)', () => {
    expect(at('2025-03-09T10:00')).toBe('closed');
    const sunday: ServiceHours = { ...hours, sunday: { start: '10:00', end: '12:00' } };
    expect(at('2025-03-09T09:59', sunday)).toBe('closed');
    expect(at('2025-03-09T10:00', sunday)).toBe('appointment-only');
    expect(at('2025-03-08T11:00', { ...hours, saturday: null })).toBe('closed');
  });

  it('follows working-day hours on a make-up working Saturday or Sunday', () => {
    // 2025-02-08 (Saturday) and 2025-01-26 (Sunday) are make-up working days of the Spring Festival.
    expect(at('2025-02-08T08:30')).toBe('extended');
    expect(at('2025-02-08T09:00')).toBe('regular');
    expect(at('2025-02-08T12:30')).toBe('lunch');
    expect(at('2025-02-08T15:00')).toBe('regular');
    expect(at('2025-02-08T17:30')).toBe('extended');
    expect(at('2025-01-26T10:00')).toBe('regular');
  });

  it('closes on statutory holidays, Saturdays inside a holiday included (§8.1.3.5 c: 除法定节假日外)', () => {
    expect(at('2025-10-01T10:00')).toBe('closed');
    expect(at('2025-10-04T10:00')).toBe('closed'); // Saturday in National Day
    expect(at('2025-02-01T10:00')).toBe('closed'); // Saturday in the Spring Festival
    expect(at('2026-01-01T08:30')).toBe('closed');
  });

  it("closes on the centre's closed days, weekday or Saturday", () => {
    const centre = calendar.withClosedDays([
      { date: '2025-03-03', reason: '中心搬迁' },
      { date: '2025-03-08', reason: '中心搬迁' },
    ]);
    expect(at('2025-03-03T10:00', hours, centre)).toBe('closed');
    expect(at('2025-03-08T10:00', hours, centre)).toBe('closed');
    expect(at('2025-03-04T10:00', hours, centre)).toBe('regular');
  });

  it('refuses an instant of a year not loaded', () => {
    expect(() => at('2027-03-01T10:00')).toThrowError(expect.objectContaining({ code: 'CALENDAR_YEAR_NOT_LOADED' }) as AppError);
  });
});

describe('serviceModeAt is Asia/Shanghai whatever the process time zone', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    process.env.TZ = saved;
  });

  it('reads UTC instants as UTC+8', () => {
    for (const tz of ['UTC', 'America/New_York', 'Asia/Shanghai']) {
      process.env.TZ = tz;
      expect(serviceModeAt(hours, calendar, new Date('2025-03-03T01:00:00Z'))).toBe('regular'); // 09:00 Monday
      expect(serviceModeAt(hours, calendar, new Date('2025-03-03T00:59:00Z'))).toBe('extended'); // 08:59
      expect(serviceModeAt(hours, calendar, new Date('2025-03-07T16:30:00Z'))).toBe('closed'); // Saturday 00:30
      expect(serviceModeAt(hours, calendar, new Date('2025-03-08T01:30:00Z'))).toBe('appointment-only'); // Saturday 09:30
      expect(serviceModeAt(hours, calendar, new Date('2025-09-30T16:00:00Z'))).toBe('closed'); // 2025-10-01 00:00
    }
  });
});

describe('nextOpening', () => {
  const next = (local: string) => {
    const r = nextOpening(hours, calendar, new Date(`${local}:00+08:00`));
    return r && { at: r.at.toISOString(), mode: r.mode };
  };

  it('is now when open, else the next window start', () => {
    expect(next('2025-03-03T10:00')).toEqual({ at: '2025-03-03T02:00:00.000Z', mode: 'regular' });
    expect(next('2025-03-03T07:00')).toEqual({ at: '2025-03-03T00:00:00.000Z', mode: 'extended' });
    expect(next('2025-03-03T19:00')).toEqual({ at: '2025-03-04T00:00:00.000Z', mode: 'extended' });
    // Friday evening → Saturday appointment service (§8.1.3.5 c) at 09:00.
    expect(next('2025-03-07T19:00')).toEqual({ at: '2025-03-08T01:00:00.000Z', mode: 'appointment-only' });
    // Saturday noon → Monday 08:00 (no Sunday window).
    expect(next('2025-03-08T12:00')).toEqual({ at: '2025-03-10T00:00:00.000Z', mode: 'extended' });
  });

  it('skips holidays and opens on a make-up Sunday', () => {
    expect(next('2025-09-30T19:00')).toEqual({ at: '2025-10-09T00:00:00.000Z', mode: 'extended' });
    expect(next('2025-01-25T12:00')).toEqual({ at: '2025-01-26T00:00:00.000Z', mode: 'extended' });
  });

  it('is null when nothing opens in the period looked at', () => {
    const never: ServiceHours = { ...hours, saturday: null };
    expect(nextOpening(never, calendar, new Date('2025-10-01T10:00:00+08:00'), 3)).toBeNull();
  });
});
