/** The demo centre's queues (§7.1.6.2, §7.1.6.3, §6.4.7): a working hall out of the box. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../test/harness.ts';
import { centres } from '../organisation/schema.ts';
import { DEMO_ITEMS } from './demo-items.ts';
import { DEMO_QUEUES, demoQueueItems } from './demo-queues.ts';
import { seedDemo, type DemoAccount } from './seed.ts';

let ctx: TestContext;
let accounts: DemoAccount[];
let centreId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  ({ accounts } = await seedDemo(ctx.deps));
  centreId = (await ctx.deps.db.select().from(centres))[0]!.id;
});
afterAll(() => ctx.close());

async function login(username: string): Promise<Session> {
  const password = accounts.find((a) => a.username === username)!.password;
  const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  const cookie = res.cookies.find((c) => c.name === 'govhall_session')!;
  return { cookie: `govhall_session=${cookie.value}`, csrfToken: res.json<{ csrfToken: string }>().csrfToken, userId: '' };
}

describe('the demo queues', () => {
  it('every item of a served department has exactly one queue; prefixes A–H; tidal thresholds name the tidal counters', async () => {
    const manager = await login('manager');
    const res = await ctx.as(manager, { method: 'GET', url: `/api/v1/centres/${centreId}/queues` });
    const queues = res.json<{ items: { prefix: string; name: string; pool: string; itemIds: string[]; tidal: { tidalCounterIds: string[] } | null }[] }>().items;
    expect(queues.map((q) => `${q.prefix} ${q.name}`)).toEqual(['A 综合受理', 'B 不动产登记', 'C 社保医保', 'D 企业开办', 'E 出入境', 'F 户政车驾管', 'G 税务', 'H 公积金']);
    const served = DEMO_QUEUES.flatMap(demoQueueItems);
    expect(new Set(served).size).toBe(served.length);
    const covered = new Set(DEMO_QUEUES.flatMap((q) => q.departments));
    expect(DEMO_ITEMS.filter((i) => covered.has(i.department)).every((i) => served.includes(i.key))).toBe(true);
    expect(queues.find((q) => q.prefix === 'A')!.tidal!.tidalCounterIds).toHaveLength(2);
  });

  it('a kiosk offers them by department, and the demo clerk can sign in at a 税务 counter and call a 税务 ticket', async () => {
    const kiosk = (await ctx.app.inject({ method: 'GET', url: `/api/v1/public/centres/${centreId}/kiosk` })).json<{ openNow: boolean; departments: { name: string; items: { queueId: string }[] }[] }>();
    expect(kiosk.openNow).toBe(true);
    expect(kiosk.departments.length).toBeGreaterThanOrEqual(10);
    const tax = kiosk.departments.find((d) => d.name.includes('税务'))!;
    const ticket = await ctx.app.inject({ method: 'POST', url: `/api/v1/public/centres/${centreId}/tickets`, payload: { queueId: tax.items[0]!.queueId, phone: '13600000001' } });
    expect(ticket.statusCode).toBe(201);
    expect(ticket.json().number).toBe('G001');
    const clerk = await login('clerk');
    const counters = (await ctx.as(clerk, { method: 'GET', url: `/api/v1/centres/${centreId}/counters` })).json<{ items: { id: string; number: string }[] }>().items;
    const c24 = counters.find((c) => c.number === '24')!.id;
    expect((await ctx.as(clerk, { method: 'POST', url: `/api/v1/counters/${c24}/sign-in` })).statusCode).toBe(200);
    const called = await ctx.as(clerk, { method: 'POST', url: `/api/v1/counters/${c24}/call-next` });
    expect(called.json()).toMatchObject({ number: 'G001', counterNumber: '24' });
  });
});
