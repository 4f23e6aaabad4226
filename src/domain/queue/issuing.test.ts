/** DB36/T 2016 §5.2.2 排队取号机, §6.2, §7.1.5, §8.1.3.5: may a ticket be issued now. */
import { describe, expect, it } from 'vitest';
import { SHIPPED_YEARS } from '../calendar/shipped.ts';
import { WorkingCalendar } from '../calendar/working-calendar.ts';
import { DEFAULT_SERVICE_HOURS } from '../organisation/centre-rules.ts';
import { AppError } from '../shared/errors.ts';
import { residentIdCheckChar } from '../shared/identity.ts';
import {
  DEFAULT_ISSUING_LIMITS,
  assertMayIssue,
  checkIssuingSettings,
  countsTowardQuota,
  decideIssue,
  describeOpening,
  normaliseIssueRequest,
  refusalError,
  type IssueDecision,
  type IssueRequest,
  type IssuedCounts,
  type IssuingQueue,
} from './issuing.ts';
import { caught } from '../shared/caught.ts';

// Hours: 09:00–12:00, 13:30–17:00 with lunch service; off-peak 08:00–09:00 and 17:00–18:30; Saturday 09:00–12:00.
const centre = { hours: DEFAULT_SERVICE_HOURS, calendar: new WorkingCalendar(SHIPPED_YEARS) };
const queue: IssuingQueue = {
  id: 'qA',
  name: '企业开办',
  issuingWindows: [
    { start: '09:00', end: '11:30' },
    { start: '13:30', end: '16:30' },
  ],
  dailyQuota: 100,
};
const none: IssuedCounts = { queueToday: 0, phoneToday: 0, idNumberToday: 0 };
const local = (s: string) => new Date(`${s}+08:00`);
const ID = (() => {
  const first17 = '36010219800101123';
  return first17 + residentIdCheckChar(first17)!;
})();

function decide(nowLocal: string, request: IssueRequest = { source: 'kiosk' }, counts: IssuedCounts = none, q: IssuingQueue = queue): IssueDecision {
  return decideIssue({ queue: q, centre, request: normaliseIssueRequest(request), counts, limits: DEFAULT_ISSUING_LIMITS, now: local(nowLocal) });
}

function refusal(d: IssueDecision) {
  if (d.ok) throw new Error('expected a refusal');
  return d.refusal;
}

describe('the centre’s service mode (calendar/service-mode.ts)', () => {
  it('issues during regular hours, with the service day', () => {
    expect(decide('2025-03-03T10:00:00')).toEqual({ ok: true, serviceDay: '2025-03-03', mode: 'regular' });
  });

  it('closed at night: CENTRE_CLOSED_NOW, saying when issuing opens next', () => {
    const r = refusal(decide('2025-03-03T19:00:00'));
    expect(r).toMatchObject({ code: 'CENTRE_CLOSED_NOW', nextOpenAt: local('2025-03-04T09:00:00') });
    expect(r.message).toBe('当前不在中心服务时间，下次可取号时间：明天 09:00');
  });

  it('§8.1.3.5 a: the early off-peak window serves appointments only; walk-ins learn when they may take a number', () => {
    const r = refusal(decide('2025-03-03T08:30:00'));
    expect(r).toMatchObject({ code: 'CENTRE_APPOINTMENT_ONLY', mode: 'extended', nextOpenAt: local('2025-03-03T09:00:00') });
    expect(r.message).toContain('现场取号时间：今天 09:00');
    expect(decide('2025-03-03T08:30:00', { source: 'appointment' })).toMatchObject({ ok: true, mode: 'extended' });
  });

  it('§8.1.3.5 c: Saturday is appointment-only, so on Friday night a kiosk ticket waits for Monday, an appointment for Saturday', () => {
    const kiosk = refusal(decide('2025-03-07T19:00:00'));
    expect(kiosk).toMatchObject({ code: 'CENTRE_CLOSED_NOW', nextOpenAt: local('2025-03-10T09:00:00') });
    expect(kiosk.message).toContain('3月10日（星期一）09:00');
    expect(refusal(decide('2025-03-08T10:00:00'))).toMatchObject({ code: 'CENTRE_APPOINTMENT_ONLY', mode: 'appointment-only' });
    expect(refusal(decide('2025-03-07T19:00:00', { source: 'appointment' }))).toMatchObject({ nextOpenAt: local('2025-03-08T09:00:00') });
  });

  it('holidays are closed; the next opening skips the National Day holiday', () => {
    const r = refusal(decide('2025-10-01T10:00:00'));
    expect(r).toMatchObject({ code: 'CENTRE_CLOSED_NOW', nextOpenAt: local('2025-10-09T09:00:00') });
    expect(r.message).toContain('10月9日（星期四）09:00');
  });

  it('says nothing about the next opening beyond the loaded calendar years', () => {
    const r = refusal(decide('2026-12-31T19:00:00'));
    expect(r).toMatchObject({ code: 'CENTRE_CLOSED_NOW', nextOpenAt: null });
    expect(r.message).toBe('当前不在中心服务时间');
  });
});

describe('the queue’s issuing windows', () => {
  it('outside them (during lunch service): QUEUE_ISSUING_CLOSED with the next window', () => {
    const r = refusal(decide('2025-03-03T11:45:00'));
    expect(r).toMatchObject({ code: 'QUEUE_ISSUING_CLOSED', nextOpenAt: local('2025-03-03T13:30:00') });
    expect(r.message).toBe('“企业开办”的取号时间为 09:00–11:30、13:30–16:30，下次开始取号：今天 13:30');
    expect(refusal(decide('2025-03-03T16:30:00'))).toMatchObject({ code: 'QUEUE_ISSUING_CLOSED', nextOpenAt: local('2025-03-04T09:00:00') });
  });

  it('window boundaries: open from the start, closed at the end', () => {
    expect(decide('2025-03-03T09:00:00').ok).toBe(true);
    expect(decide('2025-03-03T11:29:59').ok).toBe(true);
    expect(decide('2025-03-03T11:30:00').ok).toBe(false);
  });

  it('the next opening is where the queue window and the centre’s walk-in hours meet', () => {
    const early: IssuingQueue = { ...queue, issuingWindows: [{ start: '08:00', end: '11:00' }] };
    // 08:00–09:00 is the centre's appointment-only window: a kiosk ticket first at 09:00.
    expect(refusal(decide('2025-03-03T07:30:00', { source: 'kiosk' }, none, early))).toMatchObject({ nextOpenAt: local('2025-03-03T09:00:00') });
  });

  it('bind kiosk and mobile only: a clerk at the counter and an appointment check-in are bound by the centre’s hours', () => {
    expect(decide('2025-03-03T11:45:00', { source: 'counter' }).ok).toBe(true);
    expect(decide('2025-03-03T16:45:00', { source: 'appointment' }).ok).toBe(true);
    expect(refusal(decide('2025-03-03T11:45:00', { source: 'mobile', phone: '13812345678' })).code).toBe('QUEUE_ISSUING_CLOSED');
    expect(refusal(decide('2025-03-03T19:00:00', { source: 'counter' })).code).toBe('CENTRE_CLOSED_NOW');
  });

  it('no windows: whenever the centre serves walk-ins', () => {
    const open: IssuingQueue = { ...queue, issuingWindows: [] };
    expect(decide('2025-03-03T12:30:00', { source: 'kiosk' }, none, open)).toMatchObject({ ok: true, mode: 'lunch' });
  });
});

describe('daily quota', () => {
  it('QUEUE_QUOTA_SPENT at the quota, for kiosk and mobile tickets only', () => {
    expect(decide('2025-03-03T10:00:00', { source: 'kiosk' }, { ...none, queueToday: 99 }).ok).toBe(true);
    const r = refusal(decide('2025-03-03T10:00:00', { source: 'kiosk' }, { ...none, queueToday: 100 }));
    expect(r).toEqual({ code: 'QUEUE_QUOTA_SPENT', quota: 100, message: '今日“企业开办”号源已取完（每日 100 个），请改日再来或网上预约' });
    expect(decide('2025-03-03T10:00:00', { source: 'counter' }, { ...none, queueToday: 100 }).ok).toBe(true);
    expect(decide('2025-03-03T10:00:00', { source: 'appointment' }, { ...none, queueToday: 100 }).ok).toBe(true);
    expect(decide('2025-03-03T10:00:00', { source: 'kiosk' }, { ...none, queueToday: 100000 }, { ...queue, dailyQuota: null }).ok).toBe(true);
    expect((['kiosk', 'mobile', 'counter', 'appointment'] as const).filter(countsTowardQuota)).toEqual(['kiosk', 'mobile']);
  });
});

describe('mobile tickets: phone required, limits per phone and per ID number per day', () => {
  it('normalises the phone (+86, spaces, dashes) and the ID number (x → X)', () => {
    expect(normaliseIssueRequest({ source: 'mobile', phone: '+86 138-1234-5678', idNumber: ` ${ID.toLowerCase()} ` })).toEqual({ source: 'mobile', phone: '13812345678', idNumber: ID.toUpperCase() });
    expect(normaliseIssueRequest({ source: 'kiosk' })).toEqual({ source: 'kiosk', phone: null, idNumber: null });
  });

  it('refuses a missing or bad phone and a bad ID number, all at once, masked', () => {
    const missing = caught(() => normaliseIssueRequest({ source: 'mobile' }));
    expect(missing.code).toBe('MOBILE_PHONE_REQUIRED');
    const bad = caught(() => normaliseIssueRequest({ source: 'kiosk', phone: '12345678901', idNumber: '360102198001011230' }));
    expect(bad.code).toBe('PHONE_INVALID');
    expect(bad.fields.map((f) => [f.path, f.code])).toEqual([
      ['/phone', 'PHONE_INVALID'],
      ['/idNumber', 'ID_NUMBER_INVALID'],
    ]);
    expect(bad.message).toContain('123****8901');
    expect(bad.message).toContain('3601**********1230');
    expect(bad.message).not.toContain('198001011230');
  });

  it('MOBILE_PHONE_LIMIT and MOBILE_ID_LIMIT at the limits (429); other sources are not limited', () => {
    const mobile = { source: 'mobile' as const, phone: '13812345678', idNumber: ID };
    expect(decide('2025-03-03T10:00:00', mobile, { ...none, phoneToday: 2, idNumberToday: 2 }).ok).toBe(true);
    const byPhone = refusal(decide('2025-03-03T10:00:00', mobile, { ...none, phoneToday: 3 }));
    expect(byPhone).toMatchObject({ code: 'MOBILE_PHONE_LIMIT', limit: 3 });
    expect(refusalError(byPhone).kind).toBe('too_many');
    expect(refusal(decide('2025-03-03T10:00:00', mobile, { ...none, idNumberToday: 3 }))).toMatchObject({ code: 'MOBILE_ID_LIMIT', limit: 3 });
    expect(decide('2025-03-03T10:00:00', { source: 'kiosk', phone: '13812345678' }, { ...none, phoneToday: 9 }).ok).toBe(true);
  });

  it('the quota is checked before the personal limits', () => {
    const mobile = { source: 'mobile' as const, phone: '13812345678' };
    expect(refusal(decide('2025-03-03T10:00:00', mobile, { queueToday: 100, phoneToday: 3, idNumberToday: 0 })).code).toBe('QUEUE_QUOTA_SPENT');
  });
});

describe('refusalError, assertMayIssue', () => {
  it('turns a refusal into an AppError of the error table, dates as ISO strings', () => {
    const err = refusalError(refusal(decide('2025-03-03T19:00:00')));
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('CENTRE_CLOSED_NOW');
    expect(err.kind).toBe('rule');
    expect(err.details).toEqual({ nextOpenAt: '2025-03-04T01:00:00.000Z' });
  });

  it('returns the normalised request and service day, or throws', () => {
    const base = { queue, centre, counts: none, limits: DEFAULT_ISSUING_LIMITS };
    expect(assertMayIssue({ ...base, request: { source: 'mobile', phone: '138 1234 5678' }, now: local('2025-03-03T10:00:00') })).toEqual({
      source: 'mobile',
      phone: '13812345678',
      idNumber: null,
      serviceDay: '2025-03-03',
    });
    expect(caught(() => assertMayIssue({ ...base, request: { source: 'kiosk' }, now: local('2025-03-03T12:00:00') })).code).toBe('QUEUE_ISSUING_CLOSED');
  });
});

describe('describeOpening', () => {
  it('today, tomorrow, or the date with its weekday', () => {
    const now = local('2025-03-03T19:00:00');
    expect(describeOpening(local('2025-03-03T20:05:00'), now)).toBe('今天 20:05');
    expect(describeOpening(local('2025-03-04T09:00:00'), now)).toBe('明天 09:00');
    expect(describeOpening(local('2025-03-09T08:00:00'), now)).toBe('3月9日（星期日）08:00');
  });
});

describe('checkIssuingSettings', () => {
  it('windows HH:MM, start before end, in order without overlap; quota a positive whole number or none', () => {
    expect(checkIssuingSettings(queue)).toEqual([]);
    expect(checkIssuingSettings({ issuingWindows: [], dailyQuota: null })).toEqual([]);
    const issues = checkIssuingSettings({
      issuingWindows: [
        { start: '9:00', end: '11:00' },
        { start: '10:00', end: '09:00' },
        { start: '13:00', end: '15:00' },
        { start: '14:00', end: '16:00' },
      ],
      dailyQuota: 0,
    });
    expect(issues.map((i) => i.path)).toEqual(['/issuingWindows/0', '/issuingWindows/1', '/issuingWindows/3', '/dailyQuota']);
    expect(checkIssuingSettings({ issuingWindows: [], dailyQuota: 2.5 })).toHaveLength(1);
  });
});
