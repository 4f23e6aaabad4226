/**
 * Opening and moving a case read the centre, the item's published versions and who acts
 * from per-process copies (sources-cache.ts, queue/config-cache.ts, actor-cache.ts);
 * every change is seen by the very next case (§7.3.2.1 one source of truth; §8.1.2.1 the
 * counter and staff of each stage): a department moved, a version withdrawn, an item
 * retired, the centre retired, a clerk moved to another counter, a staff record renamed.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departmentInput } from '../../test/factories.ts';
import { createTestContext, role, type Session, type TestContext } from '../../test/harness.ts';
import { staff } from '../organisation/schema.ts';
import { cases } from './schema.ts';
import { SYSTEM_ACTOR } from '../../platform/auth/principal.ts';
import { publishItem } from '../catalogue/item-version.service.ts';
import { act, COMPLETE, get, makeCaseHall, ok, openCase, person, post, user, type CaseBody, type CaseHall } from './test-helpers.ts';

let ctx: TestContext;
let admin: Session;
let hall: CaseHall;

beforeAll(async () => {
  ctx = await createTestContext({ now: new Date('2025-03-03T10:00:00+08:00') });
  admin = await user(ctx, [role('system_admin')]);
  hall = await makeCaseHall(ctx, admin);
});
afterAll(() => ctx.close());

const open = (itemId: string) => post<{ id: string; error?: { code: string; fields: { path: string }[] } }>(ctx, hall.clerk, `/api/v1/centres/${hall.centreId}/cases`, { itemId, applicant: person() });

describe('what opening a case keeps in memory follows every change (§7.3.2.1)', () => {
  it('a clerk who moves to another counter, and is renamed, acts there under the new name', async () => {
    const first = await openCase(ctx, hall.clerk, hall, { itemId: undefined, bundleId: hall.bundleId });
    expect(first).toMatchObject({ counterNumber: '5', clerkName: '张敏' });
    const moved = await post(ctx, hall.clerk, `/api/v1/counters/${hall.counter2Id}/sign-in`);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(await openCase(ctx, hall.clerk, hall, { itemId: undefined, bundleId: hall.bundleId })).toMatchObject({ counterNumber: '6', clerkName: '张敏' });
    const staffId = (await ctx.deps.db.select({ id: staff.id }).from(staff).where(eq(staff.name, '张敏')))[0]!.id;
    const renamed = await ctx.as(hall.manager, { method: 'PATCH', url: `/api/v1/staff/${staffId}`, payload: { name: '张敏华' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const second = await openCase(ctx, hall.clerk, hall, { itemId: undefined, bundleId: hall.bundleId });
    expect(second).toMatchObject({ counterNumber: '6', clerkName: '张敏华' });
    const withdrawn = await post<{ events: { type: string; counterNumber: string | null; staffName: string | null }[] }>(ctx, hall.clerk, `/api/v1/cases/${second.id}/transitions`, { action: 'withdraw', data: { reason: '申请人撤回申请' } });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect(withdrawn.body.events.at(-1)).toMatchObject({ type: 'withdrawn', counterNumber: '6', staffName: '张敏华' });
  });

  it('an item moved to another department: the next case belongs to the new one', async () => {
    await openCase(ctx, hall.clerk, hall, { itemId: hall.plainItemId });
    const other = await post<{ id: string }>(ctx, hall.manager, `/api/v1/centres/${hall.centreId}/departments`, departmentInput({ name: '县行政审批局' }));
    const moved = await ctx.as(hall.manager, { method: 'PATCH', url: `/api/v1/items/${hall.plainItemId}`, payload: { departmentId: other.body.id } });
    expect(moved.statusCode, moved.body).toBe(200);
    const next = await open(hall.plainItemId);
    expect(next.status, JSON.stringify(next.body)).toBe(201);
    const [stored] = await ctx.deps.db.select({ departmentId: cases.departmentId }).from(cases).where(eq(cases.id, next.body.id));
    expect(stored?.departmentId).toBe(other.body.id);
  });

  it('a withdrawn version: the next opening is refused as not published', async () => {
    await openCase(ctx, hall.clerk, hall);
    const withdrawn = await post(ctx, hall.manager, `/api/v1/items/${hall.itemId}/versions/1/withdraw`, { reason: '事项调整' });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    const refused = await open(hall.itemId);
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'ITEM_NOT_PUBLISHED', fields: [{ path: '/itemId' }] });
  });

  it('a retired item: refused as not published', async () => {
    await openCase(ctx, hall.clerk, hall, { itemId: hall.plainItemId });
    const retired = await ctx.as(hall.manager, { method: 'DELETE', url: `/api/v1/items/${hall.plainItemId}` });
    expect(retired.statusCode, retired.body).toBe(200);
    const refused = await open(hall.plainItemId);
    expect(refused.status).toBe(422);
    expect(refused.body.error?.code).toBe('ITEM_NOT_PUBLISHED');
  });

  it('a retired centre: refused as retired', async () => {
    const second = await makeCaseHall(ctx, admin);
    await openCase(ctx, second.clerk, second);
    const retired = await ctx.as(admin, { method: 'DELETE', url: `/api/v1/centres/${second.centreId}` });
    expect(retired.statusCode, retired.body).toBe(200);
    const refused = await post<{ error?: { code: string } }>(ctx, second.clerk, `/api/v1/centres/${second.centreId}/cases`, { itemId: second.itemId, applicant: person() });
    expect(refused.body.error?.code).toBe('CENTRE_RETIRED');
  });


  it('a new edition of the guide: the next case opens under it; a running case keeps the steps of its own (§7.3.2.1)', async () => {
    const h = await makeCaseHall(ctx, admin);
    const running = await openCase(ctx, h.clerk, h, { materials: COMPLETE });
    const accepted = await ok(ctx, h.clerk, running.id, 'accept', { mode: 'normal' });
    const names = (d: CaseBody) => (d.processSteps as { name: string }[]).map((st) => st.name);
    expect(names(accepted)).toEqual(['申请', '受理', '审查', '决定', '送达']);

    const edited = await ctx.as(h.manager, { method: 'PATCH', url: `/api/v1/items/${h.itemId}`, payload: { guide: { process: [{ name: '受理' }, { name: '现场核查' }, { name: '决定' }] } } });
    expect(edited.statusCode, edited.body).toBe(200);
    await publishItem(ctx.deps, SYSTEM_ACTOR, h.itemId, { reviewer: '法制审核科', opinion: '同意发布' });

    const next = await openCase(ctx, h.clerk, h, { materials: COMPLETE });
    const [stored] = await ctx.deps.db.select({ versionId: cases.versionId }).from(cases).where(eq(cases.id, next.id));
    const [own] = await ctx.deps.db.select({ versionId: cases.versionId }).from(cases).where(eq(cases.id, running.id));
    expect(stored?.versionId).not.toBe(own?.versionId);
    expect(names(await ok(ctx, h.clerk, next.id, 'accept', { mode: 'normal' }))).toEqual(['受理', '现场核查', '决定']);

    const read = await get<CaseBody>(ctx, h.clerk, `/api/v1/cases/${running.id}`);
    expect(names(read.body)).toEqual(['申请', '受理', '审查', '决定', '送达']);
    const refused = await act(ctx, h.clerk, running.id, 'start_step', { name: '现场核查', handler: '王审查' });
    expect(refused.status).toBe(422);
    expect(names(await ok(ctx, h.clerk, running.id, 'start_step', { name: '审查', handler: '王审查' }))).toEqual(['申请', '受理', '审查', '决定', '送达']);
  });
});
