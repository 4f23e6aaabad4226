/**
 * The notices of a case over HTTP (issue 5 "PDF notices"; DB36/T 2016 §8.1.2.3,
 * §8.1.2.5, §8.2.7, §7.5.2.3, §8.1.2.2): each exists once its event has happened and
 * carries the centre, the case number and what the case recorded; the applicant's ID
 * number is never printed in full; a notice of a step not taken is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centreInput } from '../../test/factories.ts';
import { createTestContext, role, type Session, type TestContext } from '../../test/harness.ts';
import { readPdf } from '../../test/read-pdf.ts';
import { COMPLETE, ID_NUMBER, makeCaseHall, ok, openCase, post, TOLERATED, user, type CaseHall } from './test-helpers.ts';

let ctx: TestContext;
let hall: CaseHall;
let admin: Session;

beforeAll(async () => {
  ctx = await createTestContext({ now: new Date('2025-03-03T10:00:00+08:00') });
  admin = await user(ctx, [role('system_admin')]);
  hall = await makeCaseHall(ctx, admin);
});
afterAll(() => ctx.close());

const pdfText = async (body: Buffer): Promise<string> => (await readPdf(body)).text;

async function notice(as: Session, caseId: string, kind: string) {
  const res = await ctx.as(as, { method: 'GET', url: `/api/v1/cases/${caseId}/notices/${kind}.pdf` });
  return res;
}

describe('case notices as PDF', () => {
  it('受理通知书 after acceptance: centre, case number, item, received materials; the ID number masked; not before', async () => {
    const c = await openCase(ctx, hall.clerk, hall);
    const early = await notice(hall.clerk, c.id, 'acceptance');
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ error: { code: 'CASE_NOTICE_NOT_AVAILABLE' } });
    await ok(ctx, hall.clerk, c.id, 'accept', { mode: 'normal', materials: COMPLETE });
    const res = await notice(hall.clerk, c.id, 'acceptance');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('受理通知书'));
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('受理通知书');
    expect(text).toContain(c.caseNumber);
    expect(text).toContain('居民身份证');
    expect(text).not.toContain(ID_NUMBER);
    expect(text).not.toContain(ID_NUMBER.slice(6, 14));
  });

  it('一次性告知书 lists every missing material at once (§8.1.2.3b); 不予受理决定书 gives reason and legal basis (§7.5.2.3)', async () => {
    const c = await openCase(ctx, hall.clerk, hall);
    const missing = COMPLETE.map((e, i) => (i < 2 ? { ...e, status: 'missing' } : e));
    await ok(ctx, hall.clerk, c.id, 'request_correction', { materials: missing });
    const text = await pdfText((await notice(hall.clerk, c.id, 'correction')).rawPayload);
    expect(text).toContain('一次性告知书');
    for (const m of missing.slice(0, 2)) expect(text).toContain(m.name.replace(/\s+/g, ''));

    const refused = await openCase(ctx, hall.clerk, hall);
    await ok(ctx, hall.clerk, refused.id, 'refuse', { reason: '申请事项不属于本机关职权范围', legalBasis: '《中华人民共和国行政许可法》第三十二条' });
    const refusal = await pdfText((await notice(hall.clerk, refused.id, 'refusal')).rawPayload);
    expect(refusal).toContain('不予受理决定书');
    expect(refusal).toContain('申请事项不属于本机关职权范围');
    expect(refusal).toContain('《中华人民共和国行政许可法》第三十二条');
    expect((await notice(hall.clerk, refused.id, 'tolerance')).json()).toMatchObject({ error: { code: 'CASE_NOTICE_NOT_AVAILABLE' } });
  });

  it('容缺受理告知书 names the tolerated material and its deadline (§8.2.7); 送达回证 after pickup (§8.1.2.5)', async () => {
    const c = await openCase(ctx, hall.clerk, hall);
    await ok(ctx, hall.clerk, c.id, 'accept', { mode: 'tolerance', materials: TOLERATED, commitment: '本人承诺在规定时限内补齐经营场所照片' });
    const text = await pdfText((await notice(hall.clerk, c.id, 'tolerance')).rawPayload);
    expect(text).toContain('容缺受理告知书');
    expect(text).toContain('经营场所照片');
    expect(text).toContain('本人承诺在规定时限内补齐经营场所照片');
    expect((await notice(hall.clerk, c.id, 'delivery_receipt')).statusCode).toBe(409);

    const done = await openCase(ctx, hall.clerk, hall);
    await ok(ctx, hall.clerk, done.id, 'accept', { mode: 'normal', materials: COMPLETE });
    await ok(ctx, hall.clerk, done.id, 'decide', { decision: 'approve' });
    await ok(ctx, hall.clerk, done.id, 'notify_pickup', { place: '一楼统一出件窗口' });
    expect((await notice(hall.clerk, done.id, 'delivery_receipt')).json()).toMatchObject({ error: { code: 'CASE_NOTICE_NOT_AVAILABLE' } });
    await ok(ctx, hall.clerk, done.id, 'picked_up', { pickerName: '王小明', pickerIdType: 'resident_id', pickerIdNumber: ID_NUMBER, identityChecked: true, relation: 'applicant' });
    const receipt = await pdfText((await notice(hall.clerk, done.id, 'delivery_receipt')).rawPayload);
    expect(receipt).toContain('送达回证');
    expect(receipt).toContain(done.caseNumber);
    expect(receipt).toContain('一楼统一出件窗口');
    expect(receipt).not.toContain(ID_NUMBER);
  });

  it('a notice of another centre’s case is not found; an unknown kind is a 400', async () => {
    const c = await openCase(ctx, hall.clerk, hall);
    const otherCentre = (await post<{ id: string }>(ctx, admin, '/api/v1/centres', centreInput())).body.id;
    const other = await user(ctx, [role('centre_manager', otherCentre)]);
    expect([403, 404]).toContain((await notice(other, c.id, 'acceptance')).statusCode);
    expect((await notice(hall.clerk, c.id, 'summons')).statusCode).toBe(400);
  });

  it('the consultation’s one-time answer (§8.1.2.2) prints question and answer', async () => {
    const created = await post<{ id: string }>(ctx, hall.clerk, `/api/v1/centres/${hall.centreId}/consultations`, {
      applicantName: '王小明',
      contact: '13800001111',
      itemId: hall.itemId,
      question: '开办餐饮店需要哪些材料？',
      answer: '需身份证、申请书、经营场所照片；营业执照通过数据共享获取，无需提交。',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const res = await ctx.as(hall.clerk, { method: 'GET', url: `/api/v1/centres/${hall.centreId}/consultations/${created.body.id}/notice.pdf` });
    expect(res.statusCode).toBe(200);
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('一次性告知单');
    expect(text).toContain('开办餐饮店需要哪些材料？');
    expect(text).toContain('营业执照通过数据共享获取，无需提交。');
  });
});
