/**
 * Case handling through the API (issue 5; DB36/T 2016 §8.1.2, §8.2.4–§8.2.7, §7.2.1):
 * opening from a ticket or directly, the checklist from the published version, the
 * transitions of the one table with their events, due dates, timeline and audit, the
 * lists, personal data, notifications.
 */
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/schema.ts';
import { createTestContext, role, type Session, type TestContext } from '../../test/harness.ts';
import { setCaseNotifier, type CaseMessage } from './notify.ts';
import { cases } from './schema.ts';
import { act, COMPLETE, get, ID_NUMBER, makeCaseHall, ok, openCase, person, PHONE, post, relogin, reloginHall, TOLERATED, user, type CaseBody, type CaseHall } from './test-helpers.ts';

let ctx: TestContext;
let admin: Session;
let hall: CaseHall;
const messages: CaseMessage[] = [];
const MONDAY_10 = new Date('2025-03-03T10:00:00+08:00');
const at = (text: string) => new Date(`${text.replace(' ', 'T')}+08:00`);
const endOf = (date: string) => at(`${date} 23:59:59.999`).toISOString();
const PLAIN_COMPLETE = [
  { name: '居民身份证', status: 'provided' },
  { name: '食品经营许可申请书', status: 'provided' },
];

beforeAll(async () => {
  ctx = await createTestContext({ now: MONDAY_10 });
  admin = await user(ctx, [role('system_admin')]);
  hall = await makeCaseHall(ctx, admin);
  const log = { info: () => undefined, error: () => undefined };
  setCaseNotifier(ctx.deps, { send: (m) => (messages.push(m), Promise.resolve()) }, log);
});
afterAll(() => ctx.close());
let moved = false;
// Each test starts on Monday 2025-03-03 10:00 with live sessions.
afterEach(async () => {
  if (moved) await moveTo(MONDAY_10);
  moved = false;
});

/** Moves the clock and renews the sessions (they last 12 hours of the test clock). */
async function moveTo(instant: Date): Promise<void> {
  moved = true;
  ctx.setNow(instant);
  await reloginHall(ctx, hall);
  admin = await relogin(ctx, admin);
}

const auditOf = (id: string) => ctx.deps.db.select().from(auditLog).where(and(eq(auditLog.entity, 'case'), eq(auditLog.entityId, id))).orderBy(asc(auditLog.id));
const read = (as: Session, id: string, query = '') => get<CaseBody & Record<string, unknown>>(ctx, as, `/api/v1/cases/${id}${query}`);

describe('opening a case (§8.1.2.3)', () => {
  it('opens directly: the case number is the implementation code + day + sequence; checklist from the published version', async () => {
    const c = await openCase(ctx, hall.clerk, hall);
    expect(c.caseNumber).toBe(`${hall.implementationCode}202503030001`);
    expect(c).toMatchObject({
      status: 'opened',
      statusLabel: '材料核验中',
      stage: 'acceptance',
      title: '食品经营许可证核发',
      counterNumber: '5',
      clerkName: '张敏',
      applicantName: '张**',
      phoneMasked: '138****5678',
      applicant: { kind: 'person', name: '张**', idNumber: '1101**********002X', phone: '138****5678', address: '江西省南昌市****', masked: true },
      promisedDueAt: null,
    });
    // §8.1.2.3c: the business licence comes by data sharing and is never asked.
    expect((c.checklist as { name: string; status: string }[]).map((e) => [e.name, e.status])).toEqual([
      ['居民身份证', 'missing'],
      ['食品经营许可申请书', 'missing'],
      ['经营场所照片', 'missing'],
      ['营业执照', 'shared'],
    ]);
    expect(c.allowedDecisions).toEqual(['correction', 'refuse']);
    const second = await openCase(ctx, hall.clerk2, hall, { materials: COMPLETE });
    expect(second.caseNumber).toBe(`${hall.implementationCode}202503030002`);
    expect(second.allowedDecisions).toEqual(['accept_normal', 'accept_commitment', 'refuse']);
    expect(second.counterNumber).toBe('6');
  });

  it('stores no personal data in the clear: the row holds cipher, digests and masks; the audit masks', async () => {
    const c = await openCase(ctx, hall.clerk, hall);
    const [row] = await ctx.deps.db.select().from(cases).where(eq(cases.id, c.id));
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(ID_NUMBER);
    expect(stored).not.toContain(PHONE);
    expect(stored).not.toContain('张三丰');
    const audit = JSON.stringify(await auditOf(c.id));
    expect(audit).not.toContain(ID_NUMBER);
    expect(audit).not.toContain(PHONE);
    expect((await auditOf(c.id)).map((a) => a.action)).toEqual(['open']);
  });

  it('opens from the ticket being served; the timeline names the counter and the clerk', async () => {
    const ticket = await post<{ id: string }>(ctx, hall.clerk, `/api/v1/centres/${hall.centreId}/tickets`, { source: 'counter', queueId: await queueId() });
    expect(ticket.status, JSON.stringify(ticket.body)).toBe(201);
    const called = await post<{ id: string }>(ctx, hall.clerk, `/api/v1/counters/${hall.counterId}/call-next`);
    expect(called.status, JSON.stringify(called.body)).toBe(200);
    expect((await post(ctx, hall.clerk, `/api/v1/tickets/${ticket.body.id}/start`)).status).toBe(200);
    const c = await openCase(ctx, hall.clerk, hall, { ticketId: ticket.body.id, materials: COMPLETE });
    expect(c.ticketId).toBe(ticket.body.id);
    expect((c.timeline as { stage: string; state: string; counters: string[]; staff: string[] }[])[1]).toMatchObject({ stage: 'acceptance', state: 'current', counters: ['5'], staff: ['张敏'] });
  });

  it('an organisation applicant with its USCC; a 帮代办 agent (§8.2.2)', async () => {
    const staffList = await get<{ items: { id: string; name: string }[] }>(ctx, hall.manager, `/api/v1/centres/${hall.centreId}/staff`);
    const agent = staffList.body.items.find((s) => s.name === '李华')!;
    const c = await openCase(ctx, hall.clerk, hall, {
      applicant: { kind: 'organisation', name: '南昌某某餐饮有限公司', uscc: '91360100MA35T0XK46', contactName: '王五', phone: '0791-88886666' },
      agentStaffId: agent.id,
    });
    expect(c.applicant).toMatchObject({ kind: 'organisation', name: '南昌某某餐饮有限公司', uscc: '91360100MA35T0XK46', contactName: '王*', phone: '079****6666' });
    expect(c.agentStaffId).toBe(agent.id);
  });
});

async function queueId(): Promise<string> {
  const res = await post<{ id: string }>(ctx, hall.manager, `/api/v1/centres/${hall.centreId}/queues`, { name: `综合${Math.random()}`.slice(0, 20), prefix: 'Q', pool: 'comprehensive' });
  if (res.status === 201) return res.body.id;
  const list = await get<{ id: string; prefix: string }[]>(ctx, hall.manager, `/api/v1/centres/${hall.centreId}/queues`);
  return list.body.find((q) => q.prefix === 'Q')!.id;
}

describe('a case from acceptance to archive', () => {
  it('correction (one notice), acceptance with due dates, steps, decision, pickup, archive; events, audit, notices', async () => {
    messages.length = 0;
    const c = await openCase(ctx, hall.clerk, hall);
    const corrected = await ok(ctx, hall.clerk, c.id, 'request_correction', {
      materials: [
        { name: '居民身份证', status: 'wrong', note: '复印件不清晰' },
        { name: '食品经营许可申请书', status: 'missing' },
        { name: '经营场所照片', status: 'provided' },
      ],
    });
    expect(corrected).toMatchObject({ status: 'correction', promisedDueAt: null });
    expect(messages.at(-1)).toMatchObject({ kind: 'correction', phone: PHONE, phoneMasked: '138****5678' });
    expect(messages.at(-1)!.text).toContain('居民身份证（复印件不清晰）；食品经营许可申请书（缺少）');

    await moveTo(at('2025-03-03 14:00'));
    await ok(ctx, hall.clerk, c.id, 'resubmit', { materials: COMPLETE });
    const accepted = await ok(ctx, hall.clerk, c.id, 'accept', { mode: 'normal' });
    // Mon 03-03: 5 working days promised (Mon 03-10), 20 legal (Mon 03-31).
    expect(accepted).toMatchObject({ status: 'accepted', mode: 'normal', acceptedAt: at('2025-03-03 14:00').toISOString(), promisedDueAt: endOf('2025-03-10'), legalDueAt: endOf('2025-03-31'), deadlineState: 'on_time' });
    expect(messages.at(-1)).toMatchObject({ kind: 'accepted' });
    expect(messages.at(-1)!.text).toContain('承诺办结日期 2025年3月10日');

    await moveTo(at('2025-03-04 09:00'));
    await ok(ctx, hall.manager, c.id, 'start_step', { name: '审查', handler: '王审查' });
    await moveTo(at('2025-03-04 11:00'));
    await ok(ctx, hall.manager, c.id, 'finish_step', { name: '审查', opinion: '材料齐全，符合条件' });
    await ok(ctx, hall.manager, c.id, 'start_step', { name: '决定', handler: '李科长' });
    await moveTo(at('2025-03-05 10:00'));
    const decided = await ok(ctx, hall.manager, c.id, 'decide', { decision: 'approve' });
    expect(decided).toMatchObject({ status: 'decided', decision: 'approve', stage: 'delivery' });
    expect((decided.steps as { name: string; finishedAt: string | null }[]).map((s) => [s.name, s.finishedAt])).toEqual([
      ['审查', at('2025-03-04 11:00').toISOString()],
      ['决定', at('2025-03-05 10:00').toISOString()],
    ]);
    expect(messages.at(-1)).toMatchObject({ kind: 'decided' });
    expect((await act(ctx, hall.manager, c.id, 'decide', { decision: 'reject', reasons: '改判' })).body.error?.code).toBe('CASE_ALREADY_DECIDED');

    await ok(ctx, hall.clerk, c.id, 'notify_pickup', { place: '一楼统一出件窗口' });
    expect(messages.at(-1)!.text).toContain('一楼统一出件窗口');
    await moveTo(at('2025-03-05 15:00'));
    const picked = await ok(ctx, hall.clerk, c.id, 'picked_up', { pickerName: '张三丰', pickerIdType: 'resident_id', pickerIdNumber: ID_NUMBER, identityChecked: true, relation: 'applicant' });
    expect(picked).toMatchObject({ status: 'delivered', deliveredAt: at('2025-03-05 15:00').toISOString() });
    expect(JSON.stringify(picked)).not.toContain(ID_NUMBER);
    const archived = await ok(ctx, hall.manager, c.id, 'archive', { location: '档案室 A-01-03' });
    expect(archived).toMatchObject({ status: 'archived', detail: { archive: { location: '档案室 A-01-03', retentionYears: 5, medium: 'paper' } } });

    // §8.1.2.1: the five stages with start, end and duration.
    const stages = archived.timeline as { stage: string; state: string; startedAt: string | null; endedAt: string | null; durationSeconds: number | null; counters: string[]; staff: string[] }[];
    expect(stages.map((s) => [s.stage, s.state])).toEqual([
      ['consultation', 'skipped'],
      ['acceptance', 'done'],
      ['processing', 'done'],
      ['delivery', 'done'],
      ['archiving', 'done'],
    ]);
    expect(stages[1]).toMatchObject({ startedAt: MONDAY_10.toISOString(), endedAt: at('2025-03-03 14:00').toISOString(), durationSeconds: 4 * 3600, counters: ['5'], staff: ['张敏'] });
    expect(stages[3]).toMatchObject({ startedAt: at('2025-03-05 10:00').toISOString(), endedAt: at('2025-03-05 15:00').toISOString(), durationSeconds: 5 * 3600 });
    expect((archived.events as { type: string }[]).map((e) => e.type)).toEqual([
      'opened',
      'correction_requested',
      'resubmitted',
      'accepted',
      'step_started',
      'step_finished',
      'step_started',
      'decided',
      'pickup_notified',
      'picked_up',
      'archived',
    ]);
    expect((await auditOf(c.id)).map((a) => a.action)).toEqual(['open', 'request_correction', 'resubmit', 'accept', 'start_step', 'finish_step', 'start_step', 'decide', 'notify_pickup', 'picked_up', 'archive']);
    // Read-only from now on.
    const locked = await act(ctx, hall.manager, c.id, 'withdraw', { reason: '撤回' });
    expect(locked.status).toBe(409);
    expect(locked.body.error).toMatchObject({ code: 'CASE_ARCHIVED' });
  });

  it('§8.2.7 容缺: accepted with the site photos outstanding until the 5th working day; completed in time; approval waits for it', async () => {
    const c = await openCase(ctx, hall.clerk, hall);
    const accepted = await ok(ctx, hall.clerk, c.id, 'accept', { mode: 'tolerance', materials: TOLERATED, commitment: '承诺五个工作日内补齐经营场所照片' });
    expect(accepted).toMatchObject({ mode: 'tolerance', detail: { tolerance: { deadline: endOf('2025-03-10'), commitment: '承诺五个工作日内补齐经营场所照片', completedAt: null } } });
    expect((await act(ctx, hall.manager, c.id, 'decide', { decision: 'approve' })).body.error?.code).toBe('CASE_TOLERANCE_OUTSTANDING');
    await moveTo(at('2025-03-07 10:00'));
    const done = await ok(ctx, hall.clerk, c.id, 'complete_tolerance', {});
    expect(done.detail).toMatchObject({ tolerance: { completedAt: at('2025-03-07 10:00').toISOString() } });
    expect(await ok(ctx, hall.manager, c.id, 'decide', { decision: 'approve' })).toMatchObject({ status: 'decided' });
  });

  it('告知承诺 records the commitment; refusal needs the flag-free reason and legal basis and files a report', async () => {
    const c = await openCase(ctx, hall.clerk, hall, { materials: COMPLETE });
    const accepted = await ok(ctx, hall.clerk, c.id, 'accept', { mode: 'commitment', commitment: '本人承诺已符合食品经营许可条件' });
    expect(accepted).toMatchObject({ mode: 'commitment', detail: { commitment: '本人承诺已符合食品经营许可条件' } });
    const r = await openCase(ctx, hall.clerk, hall);
    const refused = await ok(ctx, hall.clerk, r.id, 'refuse', { reason: '申请事项依法不需要取得行政许可', legalBasis: '《中华人民共和国行政许可法》第三十二条第一款第（一）项' });
    expect(refused).toMatchObject({ status: 'refused', stage: 'archiving', refusalReview: { status: 'pending', overdue: false } });
  });

  it('suspension stops the clock (due dates undefined meanwhile), resumption moves them; extension with approver', async () => {
    const c = await openCase(ctx, hall.clerk, hall, { materials: COMPLETE });
    await ok(ctx, hall.clerk, c.id, 'accept', { mode: 'normal' });
    await moveTo(at('2025-03-04 09:00'));
    const suspended = await ok(ctx, hall.manager, c.id, 'suspend', { kind: 'expert_review', reason: '需组织专家评审', approver: '张局长' });
    expect(suspended).toMatchObject({ status: 'suspended', promisedDueAt: null, legalDueAt: null, remainingText: '暂停计时' });
    await moveTo(at('2025-03-06 09:00'));
    const resumed = await ok(ctx, hall.manager, c.id, 'resume', { note: '评审完毕' });
    // Tue and Wed suspended: Mon 03-10 becomes Wed 03-12; 03-31 becomes 04-02.
    expect(resumed).toMatchObject({ status: 'accepted', promisedDueAt: endOf('2025-03-12'), legalDueAt: endOf('2025-04-02'), suspendedSeconds: 2 * 86_400 });
    const extended = await ok(ctx, hall.manager, c.id, 'extend', { days: 10, reason: '情况复杂', approver: '张局长' });
    expect(extended).toMatchObject({ promisedDueAt: endOf('2025-03-26'), legalDueAt: endOf('2025-04-17') });
  });

  it('post and delivered, each timed; the address is kept encrypted, shown masked', async () => {
    const c = await openCase(ctx, hall.clerk, hall, { materials: COMPLETE });
    await ok(ctx, hall.clerk, c.id, 'accept', { mode: 'normal' });
    await ok(ctx, hall.manager, c.id, 'decide', { decision: 'reject', reasons: '经营场所不符合食品安全要求，请整改后重新申请' });
    const posted = await ok(ctx, hall.clerk, c.id, 'post', { address: '江西省南昌市新建区长征路 99 号', carrier: '中国邮政 EMS', trackingNumber: 'EMS9876543210' });
    expect(posted).toMatchObject({ status: 'posted', detail: { delivery: { method: 'post', address: '江西省南昌市****', carrier: '中国邮政 EMS', free: true } } });
    expect(messages.at(-1)!.text).toContain('EMS9876543210');
    const [row] = await ctx.deps.db.select().from(cases).where(eq(cases.id, c.id));
    expect(JSON.stringify(row)).not.toContain('长征路 99 号');
    expect(row!.deliveryAddressCipher).toBeTruthy();
    expect(await ok(ctx, hall.clerk, c.id, 'delivered', { signedBy: '张三丰' })).toMatchObject({ status: 'delivered' });
  });
});

describe('bundles (§8.2.4) and cross-region acceptance (§8.2.6)', () => {
  it('a bundle case accepts once, numbers under the lead item, and tracks each item to its decision', async () => {
    const c = await openCase(ctx, hall.clerk, hall, { itemId: undefined, bundleId: hall.bundleId, materials: COMPLETE });
    expect(c.caseNumber.startsWith(hall.implementationCode)).toBe(true);
    expect(c.title).toBe('开办餐饮店一件事');
    expect((c.items as { itemId: string }[]).map((i) => i.itemId)).toEqual([hall.itemId, hall.plainItemId]);
    const accepted = await ok(ctx, hall.clerk, c.id, 'accept', { mode: 'normal' });
    // The earliest undecided item: the plain item's 3 working days (Thu 03-06).
    expect(accepted.promisedDueAt).toBe(endOf('2025-03-06'));
    expect((await act(ctx, hall.manager, c.id, 'decide', { decision: 'approve' })).body.error?.code).toBe('CASE_ITEM_REQUIRED');
    const one = await ok(ctx, hall.manager, c.id, 'decide', { decision: 'approve', itemId: hall.plainItemId });
    expect(one).toMatchObject({ status: 'processing', promisedDueAt: endOf('2025-03-10') });
    const both = await ok(ctx, hall.manager, c.id, 'decide', { decision: 'approve', itemId: hall.itemId });
    expect(both).toMatchObject({ status: 'decided', decision: 'approve' });
    expect((await act(ctx, hall.manager, c.id, 'start_step', { name: '并联审批', handler: 'x' })).body.error).toMatchObject({ code: 'CASE_TRANSITION_NOT_ALLOWED', details: { action: 'start_step', status: 'decided' } });
  });

  it('a 跨省通办 case records where it is decided; an item outside the scope is refused', async () => {
    const c = await openCase(ctx, hall.clerk, hall, { itemId: hall.plainItemId, crossRegion: { scope: 'cross_province', decidingPlace: '广东省深圳市市场监督管理局' } });
    expect(c.crossRegion).toEqual({ scope: 'cross_province', decidingPlace: '广东省深圳市市场监督管理局' });
    const refused = await post<{ error: { code: string; fields: { path: string }[] } }>(ctx, hall.clerk, `/api/v1/centres/${hall.centreId}/cases`, {
      itemId: hall.itemId,
      applicant: person(),
      crossRegion: { scope: 'within_city', decidingPlace: '南昌市' },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'CASE_CROSS_REGION_NOT_ALLOWED', fields: [{ path: '/crossRegion/scope' }] });
  });
});

describe('lists and access', () => {
  it('overdue and due-soon lists by promised due date; stage, status and clerk filters', async () => {
    // Items are published (effective) on the day the hall is made: make it before the earliest acceptance.
    await moveTo(at('2025-02-24 09:00'));
    const other = await makeCaseHall(ctx, admin, { name: '南昌县政务服务中心', divisionCode: '360121' });
    const dueOn = async (acceptAt: Date) => {
      ctx.setNow(acceptAt);
      await reloginHall(ctx, other);
      const c = await openCase(ctx, other.clerk, other, { itemId: other.plainItemId });
      await ok(ctx, other.clerk, c.id, 'accept', { mode: 'normal', materials: PLAIN_COMPLETE });
      return c.id;
    };
    // Plain item: 3 working days. Accepted Mon 02-24 → due Thu 02-27; Mon 03-03 → Thu 03-06; Tue 03-04 → Fri 03-07; Wed 03-05 → Mon 03-10.
    const late = await dueOn(at('2025-02-24 10:00'));
    const thu = await dueOn(at('2025-03-03 09:00'));
    const fri = await dueOn(at('2025-03-04 09:00'));
    const mon = await dueOn(at('2025-03-05 09:00'));
    const opened = await openCase(ctx, other.clerk2, other, { itemId: other.plainItemId });
    ctx.setNow(at('2025-03-05 12:00'));
    await reloginHall(ctx, other);
    const url = (q: string) => `/api/v1/centres/${other.centreId}/cases?${q}`;
    const ids = async (q: string) => (await get<{ items: { id: string; deadlineState: string | null }[]; total: number }>(ctx, other.manager, url(q))).body;
    expect((await ids('overdue=true')).items.map((c) => c.id)).toEqual([late]);
    expect((await ids('overdue=true')).items[0]?.deadlineState).toBe('overdue');
    // Wednesday, warn 2 working days (today counts): due Wed or Thu.
    expect((await ids('dueSoon=true')).items.map((c) => [c.id, c.deadlineState])).toEqual([[thu, 'due_soon']]);
    expect((await ids('stage=processing')).total).toBe(4);
    expect((await ids('stage=acceptance')).items.map((c) => c.id)).toEqual([opened.id]);
    expect((await ids('status=accepted&limit=2')).items).toHaveLength(2);
    expect((await ids(`itemId=${other.itemId}`)).total).toBe(0);
    expect((await ids('')).total).toBe(5);
    void fri;
    void mon;
  });

  it('personal data in full only on request, to handling roles; archived cases to managers only; audited', async () => {
    const c = await openCase(ctx, hall.clerk, hall);
    const auditor = await ctx.userWith([role('auditor', hall.centreId)]);
    expect((await read(auditor, c.id)).status).toBe(200);
    expect((await read(auditor, c.id, '?reveal=true')).status).toBe(403);
    const full = await read(hall.clerk, c.id, '?reveal=true');
    expect(full.body.applicant).toMatchObject({ name: '张三丰', idNumber: ID_NUMBER, phone: PHONE, masked: false });
    expect((await auditOf(c.id)).map((a) => a.action)).toContain('reveal_personal_data');
    // A clerk scoped to another department does not see the case at all, nor in the list.
    expect((await read(hall.deptClerk, c.id)).status).toBe(403);
    const listed = await get<{ items: { id: string }[]; total: number }>(ctx, hall.deptClerk, `/api/v1/centres/${hall.centreId}/cases`);
    expect(listed.status).toBe(200);
    expect(listed.body.total).toBe(0);
    expect((await get<{ total: number }>(ctx, hall.clerk, `/api/v1/centres/${hall.centreId}/cases`)).body.total).toBeGreaterThan(0);
    await ok(ctx, hall.clerk, c.id, 'withdraw', { reason: '申请人书面撤回' });
    await ok(ctx, hall.clerk, c.id, 'archive', { location: 'B-02', retentionYears: 10 });
    expect((await read(hall.clerk, c.id, '?reveal=true')).status).toBe(403);
    expect((await read(hall.manager, c.id, '?reveal=true')).body.applicant).toMatchObject({ idNumber: ID_NUMBER });
  });
});
