/**
 * The public progress query (DB36/T 2016 §8.1.2.1 办事过程信息 … 接受查询): no login, the
 * case number and the last four digits of the applicant's phone; personal data masked;
 * throttled per (address, case number) pair, with alarms per address and per case
 * number, against guessing (429 with Retry-After);
 * a wrong code and an unknown number answer alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, role, type Session, type TestContext } from '../../test/harness.ts';
import { COMPLETE, ID_NUMBER, makeCaseHall, ok, openCase, PHONE, reloginHall, user, type CaseBody, type CaseHall } from './test-helpers.ts';

let ctx: TestContext;
let admin: Session;
let hall: CaseHall;
let decided: CaseBody;
const MONDAY_10 = new Date('2025-03-03T10:00:00+08:00');

beforeAll(async () => {
  ctx = await createTestContext({ now: MONDAY_10 });
  admin = await user(ctx, [role('system_admin')]);
  hall = await makeCaseHall(ctx, admin);
  decided = await openCase(ctx, hall.clerk, hall, { materials: COMPLETE });
  await ok(ctx, hall.clerk, decided.id, 'accept', { mode: 'normal' });
  await ok(ctx, hall.manager, decided.id, 'start_step', { name: '审查', handler: '王审查' });
});
afterAll(() => ctx.close());

let address = 0;
/** Each test asks from addresses of its own, so the per-address count starts afresh. */
const nextAddress = () => `192.0.2.${++address}`;
const query = (caseNumber: string, check: string, remoteAddress: string) => ctx.app.inject({ method: 'GET', url: `/api/v1/public/cases/${caseNumber}?check=${check}`, remoteAddress });

describe('the public progress query', () => {
  it('answers the stage, dates, due date and timeline, the applicant masked, no staff and no numbers in full', async () => {
    const res = await query(decided.caseNumber, PHONE.slice(-4), nextAddress());
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body).toMatchObject({
      caseNumber: decided.caseNumber,
      title: '食品经营许可证核发',
      applicantName: '张**',
      status: 'processing',
      statusLabel: '办理中',
      stage: 'processing',
      stageLabel: '办理',
      acceptedAt: MONDAY_10.toISOString(),
      promisedDueAt: new Date('2025-03-10T23:59:59.999+08:00').toISOString(),
      decidedAt: null,
    });
    expect(body.timeline.map((s: { label: string; state: string }) => `${s.label}:${s.state}`)).toEqual(['咨询:skipped', '受理:done', '办理:current', '送达:pending', '归档:pending']);
    expect(body.timeline[1]).toMatchObject({ counters: ['5'] });
    expect(res.body).not.toContain(ID_NUMBER);
    expect(res.body).not.toContain(PHONE);
    expect(res.body).not.toContain('张三丰');
    expect(res.body).not.toContain('张敏');
    expect(res.body).not.toContain('staff');
  });

  it('a wrong code and an unknown or malformed number answer alike: CASE_CHECK_FAILED (404)', async () => {
    // The right code first: the kept answer remembers it, and no other code passes for it.
    expect((await query(decided.caseNumber, PHONE.slice(-4), nextAddress())).statusCode).toBe(200);
    const from = nextAddress();
    const answers = [
      await query(decided.caseNumber, '0000', from),
      await query(`${decided.caseNumber.slice(0, -4)}9999`, PHONE.slice(-4), from),
      await query('NOT-A-CASE', PHONE.slice(-4), from),
      await query(decided.caseNumber, 'abcd', from),
    ];
    for (const res of answers) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual(answers[0]!.json());
      expect(res.json().error.code).toBe('CASE_CHECK_FAILED');
    }
  });

  it('§8.1.2.1 5 wrong codes from one address lock that (address, case number) pair for 15 minutes (429, Retry-After), right code or not', async () => {
    const c = await openCase(ctx, hall.clerk, hall);
    const from = nextAddress();
    for (let i = 0; i < 5; i++) expect((await query(c.caseNumber, String(1000 + i), from)).statusCode).toBe(404);
    const locked = await query(c.caseNumber, PHONE.slice(-4), from);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('CASE_CHECK_LOCKED');
    expect(Number(locked.headers['retry-after'])).toBe(15 * 60);
    // The applicant asking from elsewhere, and other cases from this address, are not refused.
    expect((await query(c.caseNumber, PHONE.slice(-4), nextAddress())).statusCode).toBe(200);
    expect((await query(decided.caseNumber, PHONE.slice(-4), from)).statusCode).toBe(200);
    ctx.setNow(new Date(MONDAY_10.getTime() + 15 * 60_000 + 1_000));
    expect((await query(c.caseNumber, PHONE.slice(-4), from)).statusCode).toBe(200);
    ctx.setNow(MONDAY_10);
  });

  it('§8.1.2.1 behind one address (a proxy), 20 typos of others do not refuse a right code; the address in alarm, one more failure locks its pair', async () => {
    const proxy = nextAddress();
    for (let i = 0; i < 20; i++) expect((await query(`${decided.caseNumber.slice(0, -4)}${String(5000 + i)}`, '1234', proxy)).statusCode).toBe(404);
    expect((await query(decided.caseNumber, PHONE.slice(-4), proxy)).statusCode).toBe(200);
    const c = await openCase(ctx, hall.clerk, hall);
    expect((await query(c.caseNumber, '0000', proxy)).statusCode).toBe(404);
    expect((await query(c.caseNumber, PHONE.slice(-4), proxy)).statusCode).toBe(429);
    expect((await query(c.caseNumber, PHONE.slice(-4), nextAddress())).statusCode).toBe(200);
  });

  it('§8.1.2.1 a case under attack (10 failures from many addresses): the applicant’s right code still answers 200, each failing address gets one try a day', async () => {
    const c = await openCase(ctx, hall.clerk, hall);
    const attackers = Array.from({ length: 12 }, nextAddress);
    for (const [i, a] of attackers.slice(0, 9).entries()) expect((await query(c.caseNumber, String(2000 + i), a)).statusCode).toBe(404);
    // The 10th failure raises the alarm: from then on a failing pair is locked at once (for 24 hours).
    expect((await query(c.caseNumber, '2009', attackers[9]!)).statusCode).toBe(404);
    expect((await query(c.caseNumber, '2010', attackers[9]!)).statusCode).toBe(429);
    expect((await query(c.caseNumber, '2011', attackers[10]!)).statusCode).toBe(404);
    expect((await query(c.caseNumber, PHONE.slice(-4), attackers[10]!)).statusCode).toBe(429);
    ctx.setNow(new Date(MONDAY_10.getTime() + 23 * 3_600_000));
    expect((await query(c.caseNumber, PHONE.slice(-4), attackers[10]!)).statusCode).toBe(429);
    // An address that never failed, the applicant's, is answered.
    expect((await query(c.caseNumber, PHONE.slice(-4), attackers[11]!)).statusCode).toBe(200);
    ctx.setNow(MONDAY_10);
  });

  it('an IPv6 address counts by its /64 prefix', async () => {
    const c = await openCase(ctx, hall.clerk, hall);
    for (let i = 0; i < 5; i++) expect((await query(c.caseNumber, String(3000 + i), `2001:db8:1:2::${i + 1}`)).statusCode).toBe(404);
    expect((await query(c.caseNumber, PHONE.slice(-4), '2001:db8:1:2:ffff::9')).statusCode).toBe(429);
    expect((await query(c.caseNumber, PHONE.slice(-4), '2001:db8:1:3::1')).statusCode).toBe(200);
  });

  it('follows the case to its decision and delivery', async () => {
    await reloginHall(ctx, hall);
    await ok(ctx, hall.manager, decided.id, 'decide', { decision: 'approve' });
    await ok(ctx, hall.clerk, decided.id, 'post', { address: '南昌市新建区长征路 1 号', carrier: 'EMS', trackingNumber: 'EMS1' });
    const res = (await query(decided.caseNumber, PHONE.slice(-4), nextAddress())).json();
    expect(res).toMatchObject({ status: 'posted', statusLabel: '已寄出', stage: 'delivery', decision: '准予', deliveryMethod: 'post' });
    expect(JSON.stringify(res)).not.toContain('长征路');
  });
});
