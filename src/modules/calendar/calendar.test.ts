import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SHIPPED_YEARS } from '../../domain/calendar/shipped.ts';
import { auditLog } from '../../platform/audit/schema.ts';
import { centreInput } from '../../test/factories.ts';
import { createTestContext, role, type Session, type TestContext } from '../../test/harness.ts';
import { RECHECK_MS } from './calendar.service.ts';
import { holidayYears } from './schema.ts';

let ctx: TestContext;
let admin: Session;
let clerk: Session;
let centreId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.userWith([role('system_admin')]);
  centreId = (await ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput() })).json<{ id: string }>().id;
  clerk = await ctx.userWith([role('window_clerk', centreId)]);
});
afterAll(() => ctx.close());

const get = (session: Session | null, url: string) => ctx.as(session, { method: 'GET', url });
const put = (session: Session, year: number, payload: unknown) => ctx.as(session, { method: 'PUT', url: `/api/v1/calendar/years/${year}`, payload: payload as Record<string, unknown> });

/** A made-up 2027 arrangement for tests: 元旦 1–3 January (Friday to Sunday), 春节 with a make-up Sunday. */
const y2027 = {
  year: 2027,
  papers: ['测试用安排'],
  days: [
    { name: '元旦', date: '2027-01-01', isOffDay: true },
    { name: '元旦', date: '2027-01-02', isOffDay: true },
    { name: '元旦', date: '2027-01-03', isOffDay: true },
    { name: '春节', date: '2027-01-31', isOffDay: false },
    { name: '春节', date: '2027-02-06', isOffDay: true },
  ],
};

describe('calendar questions', () => {
  it('answers what kind of day a date is', async () => {
    const holiday = await get(clerk, '/api/v1/calendar/days/2025-10-01');
    expect(holiday.statusCode).toBe(200);
    expect(holiday.json()).toEqual({ date: '2025-10-01', workingDay: false, kind: 'holiday', name: '国庆节、中秋节' });
    expect((await get(clerk, '/api/v1/calendar/days/2025-09-28')).json()).toEqual({ date: '2025-09-28', workingDay: true, kind: 'makeup-workday', name: '国庆节、中秋节' });
    expect((await get(clerk, '/api/v1/calendar/days/2025-03-08')).json()).toEqual({ date: '2025-03-08', workingDay: false, kind: 'weekend' });
    expect((await get(clerk, `/api/v1/calendar/days/2025-03-03?centreId=${centreId}`)).json()).toEqual({ date: '2025-03-03', workingDay: true, kind: 'workday' });
  });

  it('adds working days across the Spring Festival and National Day', async () => {
    expect((await get(clerk, '/api/v1/calendar/add-working-days?from=2025-01-24&days=5')).json()).toEqual({ date: '2025-02-07' });
    expect((await get(clerk, '/api/v1/calendar/add-working-days?from=2024-09-27&days=3')).json()).toEqual({ date: '2024-10-08' });
    expect((await get(clerk, '/api/v1/calendar/add-working-days?from=2025-03-09&days=0')).json()).toEqual({ date: '2025-03-09' });
  });

  it('counts working days between two dates, negative backwards', async () => {
    expect((await get(clerk, '/api/v1/calendar/working-days-between?from=2025-01-24&to=2025-02-07')).json()).toEqual({ count: 5 });
    expect((await get(clerk, '/api/v1/calendar/working-days-between?from=2025-02-07&to=2025-01-24')).json()).toEqual({ count: -5 });
    expect((await get(clerk, '/api/v1/calendar/working-days-between?from=2025-10-01&to=2025-10-01')).json()).toEqual({ count: 0 });
  });

  it('answers bad input with the field at fault', async () => {
    const badDate = await get(clerk, '/api/v1/calendar/days/2025-02-30');
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error).toMatchObject({ code: 'DATE_INVALID', fields: [{ path: 'params:/date', code: 'DATE_INVALID' }] });
    const badFrom = await get(clerk, '/api/v1/calendar/add-working-days?from=2025-1-1&days=3');
    expect(badFrom.statusCode).toBe(400);
    expect(badFrom.json().error).toMatchObject({ code: 'DATE_INVALID', fields: [{ path: 'querystring:/from' }] });
    const badTo = await get(clerk, '/api/v1/calendar/working-days-between?from=2025-01-01&to=tomorrow');
    expect(badTo.json().error).toMatchObject({ code: 'DATE_INVALID', fields: [{ path: 'querystring:/to' }] });
    for (const days of ['abc', '-1', '1.5']) {
      const res = await get(clerk, `/api/v1/calendar/add-working-days?from=2025-01-24&days=${days}`);
      expect(res.statusCode, days).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['querystring:/days']);
    }
    const missing = await get(clerk, '/api/v1/calendar/add-working-days?from=2025-01-24');
    expect(missing.json().error.fields).toEqual([expect.objectContaining({ path: 'querystring:/days', code: 'required' })]);
    expect((await get(clerk, '/api/v1/calendar/add-working-days?from=2025-01-24&days=1&centreId=nope')).statusCode).toBe(404);
  });

  it('refuses years that are not loaded, naming the year', async () => {
    const day = await get(clerk, '/api/v1/calendar/days/2030-01-02');
    expect(day.statusCode).toBe(422);
    expect(day.json().error).toMatchObject({ code: 'CALENDAR_YEAR_NOT_LOADED', details: { year: 2030 } });
    expect(day.json().error.message).toContain('2030 年');
    const year = await get(clerk, '/api/v1/calendar/years/2030');
    expect(year.statusCode).toBe(422);
    expect(year.json().error.code).toBe('CALENDAR_YEAR_NOT_LOADED');
    // Past the last loaded year: never a guess from weekdays.
    const past = await get(clerk, '/api/v1/calendar/add-working-days?from=2026-12-30&days=5');
    expect(past.statusCode).toBe(422);
    expect(past.json().error).toMatchObject({ code: 'CALENDAR_YEAR_NOT_LOADED', details: { year: 2027 } });
    const between = await get(clerk, '/api/v1/calendar/working-days-between?from=2026-12-01&to=2027-01-10');
    expect(between.json().error).toMatchObject({ code: 'CALENDAR_YEAR_NOT_LOADED', details: { year: 2027 } });
  });

  it('needs a login, and the caller must be allowed in the centre asked about', async () => {
    expect((await get(null, '/api/v1/calendar/days/2025-10-01')).statusCode).toBe(401);
    const other = (await ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput() })).json<{ id: string }>().id;
    const res = await get(clerk, `/api/v1/calendar/days/2025-10-01?centreId=${other}`);
    expect(res.statusCode).toBe(403);
    const unknown = await get(admin, '/api/v1/calendar/days/2025-10-01?centreId=00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('CENTRE_NOT_FOUND');
  });
});

describe('holiday years', () => {
  it('are documented in the OpenAPI document', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toEqual(
      expect.arrayContaining(['/api/v1/calendar/years/{year}', '/api/v1/calendar/add-working-days', '/api/v1/centres/{centreId}/closed-days', '/api/v1/closed-days/{id}']),
    );
  });


  it('lists the shipped years with their counts', async () => {
    const res = await get(clerk, '/api/v1/calendar/years');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { year: number }[];
    expect(items.map((i) => i.year)).toEqual([2024, 2025, 2026]);
    // 2024 notice: 28 listed days off, 8 make-up working days, 251 working days.
    expect(items[0]).toEqual({
      year: 2024,
      source: 'shipped',
      replacesShipped: false,
      papers: ['https://www.gov.cn/zhengce/content/202310/content_6911527.htm'],
      offDays: 28,
      makeupWorkdays: 8,
      workingDays: 251,
      loadedAt: null,
      loadedBy: null,
    });
    expect(items.map((i) => (i as unknown as { workingDays: number }).workingDays)).toEqual([251, 248, 248]);
  });

  it('shows one year’s arrangement', async () => {
    const res = await get(clerk, '/api/v1/calendar/years/2026');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ year: 2026, source: 'shipped', offDays: 33, makeupWorkdays: 6 });
    expect(res.json().days).toEqual(SHIPPED_YEARS.find((y) => y.year === 2026)!.days);
  });

  it('refuses malformed arrangements and stores nothing', async () => {
    const broken = await ctx.as(admin, {
      method: 'PUT',
      url: '/api/v1/calendar/years/2027',
      headers: { 'content-type': 'application/json' },
      payload: '{"year": 2027, "days": [',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('MALFORMED_JSON');

    const wrongType = await put(admin, 2027, { year: 2027, days: { date: '2027-01-01' } });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ path: '/days' })] });

    const days = [...y2027.days.slice(0, 3), { name: '春节', date: '2027-02-30', isOffDay: true }, { name: ' ', date: '2026-02-06', isOffDay: true }, y2027.days[0]];
    const invalid = await put(admin, 2027, { year: 2027, days });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().error.code).toBe('CALENDAR_DATA_INVALID');
    expect(invalid.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['/days/3/date', '/days/4/name', '/days/4/date', '/days/5/date']);

    const extra = await put(admin, 2027, { ...y2027, region: '江西' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.fields).toEqual([expect.objectContaining({ path: '/region' })]);

    const mismatch = await put(admin, 2027, { ...y2027, year: 2028 });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().error.fields).toEqual([expect.objectContaining({ path: '/year' })]);

    expect((await put(admin, 1999, { ...y2027, year: 1999 })).statusCode).toBe(400);
    expect((await get(admin, '/api/v1/calendar/years/2027')).json().error.code).toBe('CALENDAR_YEAR_NOT_LOADED');
    expect(await ctx.deps.db.select().from(holidayYears)).toEqual([]);
  });

  it('is loaded by a system administrator only', async () => {
    const manager = await ctx.userWith([role('centre_manager', centreId)]);
    const res = await put(manager, 2027, y2027);
    expect(res.statusCode).toBe(403);
    expect((await put(clerk, 2027, y2027)).statusCode).toBe(403);
    expect(await ctx.deps.db.select().from(holidayYears)).toEqual([]);
  });

  it('lets an administrator load 2027 without a release, then computes across 2026 → 2027', async () => {
    const res = await put(admin, 2027, { $schema: 'https://example.org/holiday-cn/schema.json', $id: 'https://example.org/holiday-cn/2027.json', ...y2027 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ year: 2027, source: 'loaded', replacesShipped: false, papers: ['测试用安排'], offDays: 4, makeupWorkdays: 1, loadedBy: admin.userId });
    // 2026-12-30 Wed → 12-31 Thu 1, off 2027-01-01..03, 01-04 Mon 2, 01-05 Tue 3.
    expect((await get(clerk, '/api/v1/calendar/add-working-days?from=2026-12-30&days=3')).json()).toEqual({ date: '2027-01-05' });
    expect((await get(clerk, '/api/v1/calendar/days/2027-01-31')).json()).toEqual({ date: '2027-01-31', workingDay: true, kind: 'makeup-workday', name: '春节' });
    expect((await get(clerk, '/api/v1/calendar/working-days-between?from=2026-12-30&to=2027-01-05')).json()).toEqual({ count: 3 });
    const years = (await get(clerk, '/api/v1/calendar/years')).json().items as { year: number; source: string }[];
    expect(years.map((y) => [y.year, y.source])).toEqual([[2024, 'shipped'], [2025, 'shipped'], [2026, 'shipped'], [2027, 'loaded']]);
    const audit = await ctx.deps.db.select().from(auditLog).where(and(eq(auditLog.entity, 'holiday_year'), eq(auditLog.entityId, '2027')));
    expect(audit.map((a) => a.action)).toEqual(['load']);
    expect(audit[0]!.actorId).toBe(admin.userId);
  });

  it('replaces a loaded year, audited with before and after', async () => {
    const corrected = { ...y2027, days: [...y2027.days, { name: '元旦', date: '2027-01-04', isOffDay: true }] };
    const res = await put(admin, 2027, corrected);
    expect(res.statusCode).toBe(200);
    expect((await get(clerk, '/api/v1/calendar/add-working-days?from=2026-12-30&days=3')).json()).toEqual({ date: '2027-01-06' });
    const audit = await ctx.deps.db.select().from(auditLog).where(and(eq(auditLog.entity, 'holiday_year'), eq(auditLog.entityId, '2027')));
    expect(audit.map((a) => a.action)).toEqual(['load', 'replace']);
    expect((audit[1]!.before as { days: unknown[] }).days).toHaveLength(5);
    expect((audit[1]!.after as { days: unknown[] }).days).toHaveLength(6);
  });

  it('replaces a shipped year (a correction without a release)', async () => {
    const shipped = SHIPPED_YEARS.find((y) => y.year === 2024)!;
    expect((await get(clerk, '/api/v1/calendar/days/2024-03-01')).json().kind).toBe('workday');
    const res = await put(admin, 2024, { ...shipped, days: [...shipped.days, { name: '测试', date: '2024-03-01', isOffDay: true }] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ source: 'loaded', replacesShipped: true, offDays: 29 });
    expect((await get(clerk, '/api/v1/calendar/days/2024-03-01')).json()).toEqual({ date: '2024-03-01', workingDay: false, kind: 'holiday', name: '测试' });
    // Put it back as published.
    expect((await put(admin, 2024, shipped)).statusCode).toBe(200);
    expect((await get(clerk, '/api/v1/calendar/days/2024-03-01')).json().kind).toBe('workday');
  });

  it('notices a year loaded by another process within the recheck interval', async () => {
    const t = performance.now();
    const clock = vi.spyOn(performance, 'now').mockReturnValue(t + RECHECK_MS);
    try {
      // A recheck is due: this process looks at the tables, then keeps its calendar.
      expect((await get(clerk, '/api/v1/calendar/days/2028-01-03')).statusCode).toBe(422);
      // Another server process loads 2028.
      await ctx.deps.db.insert(holidayYears).values({
        year: 2028,
        days: [{ name: '元旦', date: '2028-01-03', isOffDay: true }],
        source: '',
        loadedAt: new Date('2025-03-04T10:00:00+08:00'),
      });
      clock.mockReturnValue(t + RECHECK_MS + 1_000);
      expect((await get(clerk, '/api/v1/calendar/days/2028-01-03')).statusCode).toBe(422);
      clock.mockReturnValue(t + 2 * RECHECK_MS + 1);
      expect((await get(clerk, '/api/v1/calendar/days/2028-01-03')).json()).toEqual({ date: '2028-01-03', workingDay: false, kind: 'holiday', name: '元旦' });
    } finally {
      clock.mockRestore();
    }
  });
});
