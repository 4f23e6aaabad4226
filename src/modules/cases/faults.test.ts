/**
 * Bad input (issue 5 "Bad input"): a wrong ID or USCC check character, an item not
 * published, a material list not matching the version, a transition not allowed, a
 * second decision, an overdue 容缺 completion, a wrong progress check code — each
 * answers a stable error (the same on every attempt) and changes nothing: not the
 * cases, their items, events and steps, not the case numbers drawn, not the refusal
 * reports, not the audit log. And case numbers stay unique and gapless under
 * concurrent openings.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentIdCheckChar, usccCheckChar } from '../../domain/shared/identity.ts';
import { queryRows } from '../../platform/db/database.ts';
import { createTestContext, role, type Session, type TestContext } from '../../test/harness.ts';
import { act, COMPLETE, ID_NUMBER, makeCaseHall, ok, openCase, person, PHONE, post, relogin, reloginHall, TOLERATED, user, type CaseHall } from './test-helpers.ts';

let ctx: TestContext;
let admin: Session;
let hall: CaseHall;
let other: CaseHall;
const MONDAY_10 = new Date('2025-03-03T10:00:00+08:00');
const at = (text: string) => new Date(`${text.replace(' ', 'T')}+08:00`);

beforeAll(async () => {
  ctx = await createTestContext({ now: MONDAY_10 });
  admin = await user(ctx, [role('system_admin')]);
  hall = await makeCaseHall(ctx, admin);
  other = await makeCaseHall(ctx, admin, { name: '南昌县政务服务中心', divisionCode: '360121' });
});
afterAll(() => ctx.close());

interface Answer {
  readonly status: number;
  readonly body: { error?: { code: string; message: string; fields: { path: string; code: string }[]; details?: Record<string, unknown> } };
}

/** Everything a refused request could have touched, as rows (all columns). */
async function snapshot() {
  const rows = async (table: string) => (await queryRows<{ j: string }>(ctx.deps.db, sql.raw(`select row_to_json(t)::text as j from ${table} t order by 1`))).map((r) => r.j).sort();
  return {
    cases: await rows('cases'),
    items: await rows('case_items'),
    events: await rows('case_events'),
    steps: await rows('case_steps'),
    sequences: await rows('case_sequences'),
    reviews: await rows('refusal_reviews'),
    audit: await rows('audit_log'),
  };
}

/** The request answers `status` and `code` (at `path`), twice alike, and nothing changes. */
async function refusedUnchanged(send: () => Promise<Answer>, status: number, code: string, path?: string): Promise<Answer> {
  const before = await snapshot();
  const first = await send();
  const second = await send();
  for (const res of [first, second]) {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.body.error?.code).toBe(code);
    if (path) expect(res.body.error?.fields.map((f) => f.path)).toContain(path);
  }
  expect(second.body).toEqual(first.body);
  expect(await snapshot()).toEqual(before);
  return first;
}

const openUrl = (centreId = hall.centreId) => `/api/v1/centres/${centreId}/cases`;
const open = (body: Record<string, unknown>, as: Session = hall.clerk) => post(ctx, as, openUrl(), { itemId: hall.itemId, applicant: person(), ...body }) as Promise<Answer>;

describe('opening refused, nothing written', () => {
  it('GB 11643: a wrong check character of the resident ID → CASE_ID_NUMBER_INVALID at /applicant/idNumber', async () => {
    const first17 = ID_NUMBER.slice(0, 17);
    const wrong = first17 + (residentIdCheckChar(first17) === '5' ? '6' : '5');
    const res = await refusedUnchanged(() => open({ applicant: person({ idNumber: wrong }) }), 422, 'CASE_ID_NUMBER_INVALID', '/applicant/idNumber');
    expect(res.body.error!.message).not.toContain(wrong);
  });

  it('GB 32100: a wrong check character of the USCC → CASE_USCC_INVALID at /applicant/uscc', async () => {
    const first17 = '91360100MA35T0XK4';
    const wrong = first17 + (usccCheckChar(first17) === '1' ? '2' : '1');
    await refusedUnchanged(() => open({ applicant: { kind: 'organisation', name: '某公司', uscc: wrong, contactName: '王五', phone: PHONE } }), 422, 'CASE_USCC_INVALID', '/applicant/uscc');
  });

  it('an item not published (a draft, an unknown id, another centre’s item) → ITEM_NOT_PUBLISHED at /itemId', async () => {
    for (const itemId of [hall.draftItemId, '00000000-0000-4000-8000-000000000000', other.itemId]) {
      await refusedUnchanged(() => open({ itemId }), 422, 'ITEM_NOT_PUBLISHED', '/itemId');
    }
    await refusedUnchanged(() => open({ itemId: undefined }), 422, 'CASE_ITEM_OR_BUNDLE_REQUIRED', '/itemId');
  });

  it('a material list not matching the version → CASE_MATERIALS_MISMATCH naming the field', async () => {
    await refusedUnchanged(() => open({ materials: [...COMPLETE, { name: '户口簿', status: 'provided' }] }), 422, 'CASE_MATERIALS_MISMATCH', '/materials/3/name');
    await refusedUnchanged(() => open({ materials: COMPLETE.slice(1) }), 422, 'CASE_MATERIALS_MISMATCH', '/materials');
    // §8.1.2.3c: asking for what data sharing provides.
    await refusedUnchanged(() => open({ materials: [...COMPLETE, { name: '营业执照', status: 'provided' }] }), 422, 'CASE_MATERIALS_MISMATCH', '/materials/3/status');
  });

  it('a ticket not being served, a phone that is no phone', async () => {
    await refusedUnchanged(() => open({ applicant: person({ phone: '12345' }) }), 422, 'CASE_PHONE_INVALID', '/applicant/phone');
    await refusedUnchanged(() => open({ ticketId: '00000000-0000-4000-8000-000000000000' }), 422, 'TICKET_NOT_FOUND', '/ticketId');
  });
});

describe('transitions refused, the case unchanged', () => {
  it('a transition not allowed → CASE_TRANSITION_NOT_ALLOWED (409) naming the action and the status', async () => {
    const c = await openCase(ctx, hall.clerk, hall);
    const res = await refusedUnchanged(() => act(ctx, hall.clerk, c.id, 'decide', { decision: 'approve' }) as Promise<Answer>, 409, 'CASE_TRANSITION_NOT_ALLOWED');
    expect(res.body.error!.details).toMatchObject({ action: 'decide', status: 'opened', caseNumber: c.caseNumber });
    expect(res.body.error!.message).toContain('材料核验中');
  });

  it('materials not matching the version in a transition → at /data/materials/…; accepting incomplete materials → CASE_MATERIALS_INCOMPLETE', async () => {
    const c = await openCase(ctx, hall.clerk, hall);
    await refusedUnchanged(() => act(ctx, hall.clerk, c.id, 'accept', { mode: 'normal', materials: [{ name: '户口簿', status: 'provided' }] }) as Promise<Answer>, 422, 'CASE_MATERIALS_MISMATCH', '/data/materials/0/name');
    await refusedUnchanged(() => act(ctx, hall.clerk, c.id, 'accept', { mode: 'normal' }) as Promise<Answer>, 422, 'CASE_MATERIALS_INCOMPLETE', '/data/materials/0');
  });

  it('a second decision → CASE_ALREADY_DECIDED (409)', async () => {
    const c = await openCase(ctx, hall.clerk, hall, { materials: COMPLETE });
    await ok(ctx, hall.clerk, c.id, 'accept', { mode: 'normal' });
    await ok(ctx, hall.manager, c.id, 'decide', { decision: 'approve' });
    await refusedUnchanged(() => act(ctx, hall.manager, c.id, 'decide', { decision: 'reject', reasons: '改为不予' }) as Promise<Answer>, 409, 'CASE_ALREADY_DECIDED');
  });

  it('§8.2.7 completing tolerated materials after the deadline → CASE_TOLERANCE_OVERDUE', async () => {
    const c = await openCase(ctx, hall.clerk, hall);
    await ok(ctx, hall.clerk, c.id, 'accept', { mode: 'tolerance', materials: TOLERATED, commitment: '五个工作日内补齐' });
    // Due the 5th working day after Monday 03-03: Monday 03-10, 24:00.
    ctx.setNow(at('2025-03-11 00:00:01'));
    await reloginHall(ctx, hall);
    await refusedUnchanged(() => act(ctx, hall.clerk, c.id, 'complete_tolerance', {}) as Promise<Answer>, 422, 'CASE_TOLERANCE_OVERDUE');
    ctx.setNow(MONDAY_10);
    await reloginHall(ctx, hall);
  });

  it('an archived case is read-only → CASE_ARCHIVED; a malformed body → VALIDATION_FAILED at its field', async () => {
    const c = await openCase(ctx, hall.clerk, hall);
    await ok(ctx, hall.clerk, c.id, 'withdraw', { reason: '申请人撤回' });
    await ok(ctx, hall.clerk, c.id, 'archive', { location: 'A-1' });
    await refusedUnchanged(() => act(ctx, hall.manager, c.id, 'archive', { location: 'A-2' }) as Promise<Answer>, 409, 'CASE_ARCHIVED');
    const d = await openCase(ctx, hall.clerk, hall);
    await refusedUnchanged(() => act(ctx, hall.clerk, d.id, 'fly', {}) as Promise<Answer>, 400, 'VALIDATION_FAILED', '/action');
    const bad = await refusedUnchanged(() => act(ctx, hall.clerk, d.id, 'refuse', { reason: '', extra: 1 }) as Promise<Answer>, 400, 'VALIDATION_FAILED', '/data/reason');
    expect(bad.body.error!.fields.map((f) => f.path).sort()).toEqual(['/data/extra', '/data/legalBasis', '/data/reason']);
    await refusedUnchanged(() => act(ctx, hall.clerk, d.id, 'refuse', { reason: ' ', legalBasis: ' ' }) as Promise<Answer>, 422, 'CASE_DATA_INVALID', '/data/legalBasis');
    // The route's own `reopen` is not offered: only a review reopens.
    await refusedUnchanged(() => act(ctx, hall.manager, d.id, 'reopen', { opinion: 'x' }) as Promise<Answer>, 400, 'VALIDATION_FAILED', '/action');
  });

  it('another centre’s case is out of reach (403), an unknown one 404', async () => {
    const c = await openCase(ctx, other.clerk, other);
    await refusedUnchanged(() => act(ctx, hall.clerk, c.id, 'withdraw', { reason: 'x' }) as Promise<Answer>, 403, 'FORBIDDEN');
    await refusedUnchanged(() => act(ctx, hall.clerk, '00000000-0000-4000-8000-000000000000', 'withdraw', { reason: 'x' }) as Promise<Answer>, 404, 'CASE_NOT_FOUND');
  });
});

describe('the public progress check', () => {
  it('a wrong check code → CASE_CHECK_FAILED, no case data changed', async () => {
    const c = await openCase(ctx, hall.clerk, hall);
    const before = await snapshot();
    const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/public/cases/${c.caseNumber}?check=0000`, remoteAddress: '10.0.0.7' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('CASE_CHECK_FAILED');
    expect(await snapshot()).toEqual(before);
  });
});

describe('case numbers under concurrency', () => {
  it('30 parallel openings of one item draw 30 distinct numbers with no gap; refused ones draw none', async () => {
    const fresh = await makeCaseHall(ctx, admin, { name: '进贤县政务服务中心', divisionCode: '360124' });
    admin = await relogin(ctx, admin);
    const wrongId = ID_NUMBER.slice(0, 17) + (residentIdCheckChar(ID_NUMBER.slice(0, 17)) === '5' ? '6' : '5');
    const results = await Promise.all(
      Array.from({ length: 36 }, (_, i) =>
        post<{ caseNumber?: string }>(ctx, i % 2 === 0 ? fresh.clerk : fresh.clerk2, openUrl(fresh.centreId), {
          itemId: fresh.itemId,
          applicant: person(i % 6 === 5 ? { idNumber: wrongId } : {}),
        }),
      ),
    );
    const numbers = results.filter((r) => r.status === 201).map((r) => r.body.caseNumber!);
    expect(results.filter((r) => r.status === 422)).toHaveLength(6);
    expect(numbers).toHaveLength(30);
    expect(new Set(numbers).size).toBe(30);
    expect(numbers.map((n) => Number(n.slice(-4))).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const [seq] = await queryRows<{ last: number }>(ctx.deps.db, sql`select last from case_sequences where implementation_code = ${fresh.implementationCode}`);
    expect(Number(seq!.last)).toBe(30);
  });
});
