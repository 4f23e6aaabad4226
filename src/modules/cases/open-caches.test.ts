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
import { makeCaseHall, openCase, person, post, user, type CaseHall } from './test-helpers.ts';

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

});
