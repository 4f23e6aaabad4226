import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centreInput } from '../../test/factories.ts';
import { createTestContext, role, type Session, type TestContext } from '../../test/harness.ts';
import { SYSTEM_ACTOR } from '../auth/principal.ts';
import { writeAudit } from './audit.ts';

let ctx: TestContext;
let admin: Session;
let centreA: string;
let centreB: string;
let managerA: Session;
const t0 = new Date('2025-03-03T10:00:00+08:00');

interface Item {
  id: number;
  at: string;
  centreId: string | null;
  entity: string;
  entityId: string;
  action: string;
  actorId: string | null;
  before: unknown;
  after: unknown;
}

beforeAll(async () => {
  ctx = await createTestContext({ now: t0 });
  admin = await ctx.userWith([role('system_admin')]);
  centreA = (await ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput() })).json().id;
  ctx.setNow(new Date(t0.getTime() + 60_000));
  centreB = (await ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput() })).json().id;
  ctx.setNow(new Date(t0.getTime() + 120_000));
  managerA = await ctx.userWith([role('centre_manager', centreA)]);
  await ctx.as(managerA, { method: 'PATCH', url: `/api/v1/centres/${centreA}`, payload: { address: '新建区长征路 8 号' } });
  ctx.setNow(new Date(t0.getTime() + 180_000));
  await ctx.as(admin, { method: 'PATCH', url: `/api/v1/centres/${centreB}`, payload: { address: '新建区长征路 9 号' } });
});
afterAll(() => ctx.close());

async function query(as: Session, qs: string) {
  return ctx.as(as, { method: 'GET', url: `/api/v1/audit${qs}` });
}

describe('audit query', () => {
  it('gives a system administrator the whole trail, newest first', async () => {
    const res = await query(admin, '?limit=500');
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json() as { items: Item[]; total: number };
    expect(total).toBe(items.length);
    const times = items.map((i) => Date.parse(i.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(items[0]).toMatchObject({ entity: 'centre', entityId: centreB, action: 'update', actorId: admin.userId });
    // Records of no centre (logins) are the administrator's to see.
    expect(items.some((i) => i.centreId === null && i.action === 'login')).toBe(true);
    expect(new Set(items.map((i) => i.centreId))).toEqual(new Set([centreA, centreB, null]));
  });

  it('filters by entity, action, actor and time, and pages', async () => {
    const byEntity = (await query(admin, `?entity=centre&entityId=${centreA}`)).json();
    expect(byEntity.items.map((i: Item) => i.action)).toEqual(['update', 'create']);
    expect(byEntity.items[0].before).toMatchObject({ address: '江西省南昌市新建区长堎镇长征路 1 号' });
    expect(byEntity.items[0].after).toMatchObject({ address: '新建区长征路 8 号' });
    const byActor = (await query(admin, `?actorId=${managerA.userId}`)).json();
    expect(byActor.items.map((i: Item) => i.action).sort()).toEqual(['login', 'update']);
    const byAction = (await query(admin, '?entity=centre&action=create')).json();
    expect(byAction.items.map((i: Item) => i.entityId).sort()).toEqual([centreA, centreB].sort());
    const from = encodeURIComponent(new Date(t0.getTime() + 60_000).toISOString());
    const to = encodeURIComponent(new Date(t0.getTime() + 180_000).toISOString());
    const window = (await query(admin, `?entity=centre&from=${from}&to=${to}`)).json();
    expect(window.items.map((i: Item) => [i.entityId, i.action])).toEqual([
      [centreA, 'update'],
      [centreB, 'create'],
    ]);
    const page = (await query(admin, '?limit=2&offset=1')).json();
    const all = (await query(admin, '?limit=500')).json();
    expect(page.total).toBe(all.total);
    expect(page.items.map((i: Item) => i.id)).toEqual(all.items.slice(1, 3).map((i: Item) => i.id));
  });

  it("keeps a centre manager and an auditor to their own centre's records", async () => {
    const auditor = await ctx.userWith([role('auditor', centreA)]);
    for (const who of [managerA, auditor]) {
      const own = await query(who, `?centreId=${centreA}`);
      expect(own.statusCode).toBe(200);
      const items = own.json().items as Item[];
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((i) => i.centreId === centreA)).toBe(true);
      const other = await query(who, `?centreId=${centreB}`);
      expect(other.statusCode).toBe(403);
      const none = await query(who, '');
      expect(none.statusCode).toBe(400);
      expect(none.json().error.fields[0].path).toBe('querystring:/centreId');
      // Asking for another centre's entity by id yields nothing of it.
      const sneaky = (await query(who, `?centreId=${centreA}&entityId=${centreB}`)).json();
      expect(sneaky.items).toEqual([]);
    }
    const clerk = await ctx.userWith([role('window_clerk', centreA)]);
    expect((await query(clerk, `?centreId=${centreA}`)).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/audit?centreId=${centreA}` })).statusCode).toBe(401);
  });

  it('returns personal data as masked when it was written', async () => {
    await ctx.deps.db.transaction((tx) =>
      writeAudit(tx, SYSTEM_ACTOR, ctx.deps.clock(), {
        centreId: centreA,
        entity: 'staff',
        entityId: 'masking-check',
        action: 'update',
        after: { name: '张三', phone: '13812345678', idNumber: '360102199001011234', password: 'Secret-2025' },
      }),
    );
    const res = await query(managerA, `?centreId=${centreA}&entityId=masking-check`);
    expect(res.json().items[0].after).toEqual({ name: '张三', phone: '138****5678', idNumber: '3601**********1234' });
    expect(res.body).not.toContain('13812345678');
    expect(res.body).not.toContain('Secret-2025');
  });
});
