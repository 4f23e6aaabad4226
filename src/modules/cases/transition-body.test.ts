/**
 * The transitions route checks each action's data against that action's schema with the
 * API's own validation: a JSON null in a nullable field is accepted as on every other
 * route (the OpenAPI document allows it), a fault is reported once at its field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, role, type TestContext } from '../../test/harness.ts';
import { act, COMPLETE, makeCaseHall, ok, openCase, user, type CaseHall } from './test-helpers.ts';

let ctx: TestContext;
let hall: CaseHall;

beforeAll(async () => {
  ctx = await createTestContext({ now: new Date('2025-03-03T10:00:00+08:00') });
  hall = await makeCaseHall(ctx, await user(ctx, [role('system_admin')]));
});
afterAll(() => ctx.close());

describe('the data of a transition', () => {
  it('takes null in nullable fields (commitment, completionDeadline, reasons, itemId, issuingBody)', async () => {
    const c = await openCase(ctx, hall.clerk, hall);
    const materials = COMPLETE.map((m) => ({ ...m, issuingBody: null, note: null }));
    await ok(ctx, hall.clerk, c.id, 'accept', { mode: 'normal', materials, commitment: null, completionDeadline: null });
    const decided = await ok(ctx, hall.clerk, c.id, 'decide', { decision: 'approve', reasons: null, itemId: null });
    expect(decided.status).toBe('decided');
  });

  it('reports a fault once, at its field under /data, and leaves the case as it was', async () => {
    const c = await openCase(ctx, hall.clerk, hall);
    const res = await act(ctx, hall.clerk, c.id, 'refuse', { reason: '', legalBasis: {} });
    expect(res.status).toBe(400);
    const fields = (res.body as { error: { fields: { path: string }[] } }).error.fields.map((f) => f.path).sort();
    expect(fields).toEqual(['/data/legalBasis', '/data/reason']);
    expect((await ctx.as(hall.clerk, { method: 'GET', url: `/api/v1/cases/${c.id}` })).json()).toMatchObject({ status: 'opened' });
  });
});
