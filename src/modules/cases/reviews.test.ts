/**
 * 否定事项报备 (DB36/T 2016 §7.5.2.3), the consultation register (§8.1.2.2), the centre's
 * case settings and the 容缺 reminder (§8.2.7).
 */
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/schema.ts';
import { createTestContext, role, type Session, type TestContext } from '../../test/harness.ts';
import { setCaseNotifier, type CaseMessage } from './notify.ts';
import { sendToleranceReminders } from './reminders.ts';
import { act, get, makeCaseHall, ok, openCase, PHONE, post, reloginHall, TOLERATED, user, type CaseHall } from './test-helpers.ts';

let ctx: TestContext;
let admin: Session;
let hall: CaseHall;
const messages: CaseMessage[] = [];
const MONDAY_10 = new Date('2025-03-03T10:00:00+08:00');
const at = (text: string) => new Date(`${text.replace(' ', 'T')}+08:00`);

beforeAll(async () => {
  ctx = await createTestContext({ now: MONDAY_10 });
  admin = await user(ctx, [role('system_admin')]);
  hall = await makeCaseHall(ctx, admin);
  setCaseNotifier(ctx.deps, { send: (m) => (messages.push(m), Promise.resolve()) }, { info: () => undefined, error: () => undefined });
});
afterAll(() => ctx.close());
afterEach(async () => {
  ctx.setNow(MONDAY_10);
  await reloginHall(ctx, hall);
});

interface Review {
  id: string;
  caseId: string | null;
  caseNumber: string | null;
  status: string;
  overdue: boolean;
  dueAt: string;
  applicantName: string;
  late: boolean | null;
  counterNumber: string | null;
  clerkName: string | null;
}
const reviewsUrl = () => `/api/v1/centres/${hall.centreId}/refusal-reviews`;
const refuse = (caseId: string) => ok(ctx, hall.clerk, caseId, 'refuse', { reason: '申请人不具备主体资格', legalBasis: '《食品经营许可和备案管理办法》第十条' });

describe('§7.5.2.3 refusal reports', () => {
  it('a refusal files a report for review by the 3rd working day; overdue after; archiving waits; confirmed once', async () => {
    const c = await openCase(ctx, hall.clerk, hall);
    await refuse(c.id);
    const list = await get<{ items: Review[]; total: number }>(ctx, hall.manager, `${reviewsUrl()}?status=pending`);
    const review = list.body.items.find((r) => r.caseId === c.id)!;
    expect(review).toMatchObject({ caseNumber: c.caseNumber, status: 'pending', overdue: false, dueAt: at('2025-03-06 23:59:59.999').toISOString(), applicantName: '张**', counterNumber: '5', clerkName: '张敏' });
    const blocked = await act(ctx, hall.clerk, c.id, 'archive', { location: 'A-1' });
    expect(blocked.status).toBe(422);
    expect(blocked.body.error?.code).toBe('CASE_REVIEW_PENDING');

    ctx.setNow(at('2025-03-07 09:00'));
    await reloginHall(ctx, hall);
    const overdue = await get<{ items: Review[] }>(ctx, hall.manager, `${reviewsUrl()}?overdue=true`);
    expect(overdue.body.items.map((r) => r.id)).toContain(review.id);
    // A clerk may not review.
    expect((await post(ctx, hall.clerk, `/api/v1/refusal-reviews/${review.id}/decision`, { decision: 'confirm', opinion: '维持' })).status).toBe(403);
    const confirmed = await post<Review>(ctx, hall.manager, `/api/v1/refusal-reviews/${review.id}/decision`, { decision: 'confirm', opinion: '理由充分，维持不予受理' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', overdue: false, late: true });
    const again = await post<{ error: { code: string } }>(ctx, hall.manager, `/api/v1/refusal-reviews/${review.id}/decision`, { decision: 'overturn', opinion: '改判' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('REFUSAL_REVIEW_ALREADY_DECIDED');
    expect(await ok(ctx, hall.clerk, c.id, 'archive', { location: '档案室 A-1' })).toMatchObject({ status: 'archived' });
    const audit = await ctx.deps.db.select().from(auditLog).where(and(eq(auditLog.entity, 'refusal_review'), eq(auditLog.entityId, review.id))).orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.action)).toEqual(['confirm']);
  });

  it('overturned: the case reopens for acceptance, in the same transaction, with the opinion in its timeline', async () => {
    const c = await openCase(ctx, hall.clerk, hall);
    await refuse(c.id);
    const review = (await get<{ items: Review[] }>(ctx, hall.manager, reviewsUrl())).body.items.find((r) => r.caseId === c.id)!;
    const res = await post<Review>(ctx, hall.manager, `/api/v1/refusal-reviews/${review.id}/decision`, { decision: 'overturn', opinion: '申请人具备主体资格，应予受理' });
    expect(res.body).toMatchObject({ status: 'overturned', late: false });
    const after = await get<{ status: string; events: { type: string; data: Record<string, unknown> }[]; refusalReview: { status: string } }>(ctx, hall.clerk, `/api/v1/cases/${c.id}`);
    expect(after.body.status).toBe('opened');
    expect(after.body.events.at(-1)).toMatchObject({ type: 'reopened', data: { opinion: '申请人具备主体资格，应予受理' } });
    expect(after.body.refusalReview.status).toBe('overturned');
  });

  it('a request turned away without a case is reported too', async () => {
    const res = await post<Review>(ctx, hall.clerk, reviewsUrl(), { applicantName: '李四', itemId: hall.itemId, reason: '不属于本中心受理范围', legalBasis: '《江西省政务服务管理办法》' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ caseId: null, applicantName: '李*', status: 'pending', counterNumber: '5' });
    const blank = await post<{ error: { code: string; fields: { path: string }[] } }>(ctx, hall.clerk, reviewsUrl(), { applicantName: '李四', reason: '  ', legalBasis: 'x' });
    expect(blank.body.error).toMatchObject({ code: 'CASE_DATA_INVALID', fields: [{ path: '/reason' }] });
  });

  it('the review period is a setting (default 3 working days)', async () => {
    expect((await get(ctx, hall.clerk, `/api/v1/centres/${hall.centreId}/case-settings`)).body).toEqual({ refusalReviewWorkingDays: 3, dueSoonWorkingDays: 2, toleranceReminderWorkingDays: 1 });
    expect((await ctx.as(hall.clerk, { method: 'PUT', url: `/api/v1/centres/${hall.centreId}/case-settings`, payload: { refusalReviewWorkingDays: 5 } })).statusCode).toBe(403);
    const bad = await ctx.as(hall.manager, { method: 'PUT', url: `/api/v1/centres/${hall.centreId}/case-settings`, payload: { refusalReviewWorkingDays: 0 } });
    expect(bad.json().error).toMatchObject({ code: 'CASE_SETTINGS_INVALID', fields: [{ path: '/refusalReviewWorkingDays' }] });
    expect((await ctx.as(hall.manager, { method: 'PUT', url: `/api/v1/centres/${hall.centreId}/case-settings`, payload: { refusalReviewWorkingDays: 1 } })).statusCode).toBe(200);
    const c = await openCase(ctx, hall.clerk, hall);
    await refuse(c.id);
    const review = (await get<{ items: Review[] }>(ctx, hall.manager, reviewsUrl())).body.items.find((r) => r.caseId === c.id)!;
    expect(review.dueAt).toBe(at('2025-03-04 23:59:59.999').toISOString());
    await ctx.as(hall.manager, { method: 'PUT', url: `/api/v1/centres/${hall.centreId}/case-settings`, payload: {} });
  });
});

interface Consultation {
  id: string;
  applicantName: string;
  contact: string | null;
  masked: boolean;
  referred: boolean;
  referredTo: string | null;
  counterNumber: string | null;
  clerkName: string | null;
}
const consultationsUrl = () => `/api/v1/centres/${hall.centreId}/consultations`;

describe('§8.1.2.2 the consultation register', () => {
  it('records name, unit, contact, question, answer, clerk and counter; masked for every reader, in full on request to handling roles', async () => {
    const res = await post<Consultation>(ctx, hall.clerk, consultationsUrl(), {
      applicantName: '王小明',
      unit: '南昌某某餐饮有限公司',
      contact: PHONE,
      itemId: hall.itemId,
      question: '开办餐饮店需要哪些材料？',
      answer: '需身份证、申请书、经营场所照片；营业执照通过数据共享获取，无需提交。',
      startedAt: at('2025-03-03 09:50').toISOString(),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ applicantName: '王**', contact: '138****5678', masked: true, counterNumber: '5', clerkName: '张敏', referred: false });
    const auditor = await user(ctx, [role('auditor', hall.centreId)]);
    expect((await get(ctx, auditor, `${consultationsUrl()}?reveal=true`)).status).toBe(403);
    const full = await get<{ items: Consultation[] }>(ctx, hall.clerk, `${consultationsUrl()}?reveal=true`);
    expect(full.body.items.find((x) => x.id === res.body.id)).toMatchObject({ applicantName: '王小明', contact: PHONE, masked: false });
    // A case opened after the consultation starts its timeline with it.
    const c = await openCase(ctx, hall.clerk, hall, { consultationId: res.body.id });
    expect((c.timeline as { stage: string; state: string; durationSeconds: number; counters: string[] }[])[0]).toMatchObject({ stage: 'consultation', state: 'done', durationSeconds: 10 * 60, counters: ['5'] });
  });

  it('§8.1.2.2b referred elsewhere: where to, required', async () => {
    const body = { applicantName: '赵六', question: '办理社保转移在哪里？', answer: '请到二楼社保专区 12 号窗口', referred: true };
    const missing = await post<{ error: { code: string; fields: { path: string }[] } }>(ctx, hall.clerk, consultationsUrl(), body);
    expect(missing.body.error).toMatchObject({ code: 'CASE_DATA_INVALID', fields: [{ path: '/referredTo' }] });
    const res = await post<Consultation>(ctx, hall.clerk, consultationsUrl(), { ...body, referredTo: '二楼社保专区 12 号窗口' });
    expect(res.body).toMatchObject({ referred: true, referredTo: '二楼社保专区 12 号窗口' });
  });
});

describe('§8.2.7 the 容缺 reminder', () => {
  it('reminds the applicant once, in the working day before the completion deadline', async () => {
    const c = await openCase(ctx, hall.clerk, hall);
    await ok(ctx, hall.clerk, c.id, 'accept', { mode: 'tolerance', materials: TOLERATED, commitment: '五个工作日内补齐' });
    messages.length = 0;
    // Deadline Monday 03-10 24:00. On Friday 03-07 it is not yet within one working day.
    ctx.setNow(at('2025-03-07 10:00'));
    await sendToleranceReminders(ctx.deps);
    expect(messages.filter((m) => m.caseId === c.id)).toEqual([]);
    ctx.setNow(at('2025-03-10 08:00'));
    await sendToleranceReminders(ctx.deps);
    await sendToleranceReminders(ctx.deps);
    const sent = messages.filter((m) => m.caseId === c.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ kind: 'tolerance_reminder', phone: PHONE });
    expect(sent[0]!.text).toContain('经营场所照片');
    expect(sent[0]!.text).toContain('2025年3月10日');
  });
});
