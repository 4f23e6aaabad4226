/** A small hall for the queue's module tests: a centre, counters, clerks signed in, queues. */
import { asc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { streamEvents } from '../../platform/events/schema.ts';
import { centreInput, counterInput, departmentInput, staffInput } from '../../test/factories.ts';
import { role, type Session, type TestContext } from '../../test/harness.ts';

export interface Hall {
  readonly centreId: string;
  readonly manager: Session;
  /** Four comprehensive counters (1–4), a 不动产 counter (21), a tidal counter (14). */
  readonly counters: { readonly comp: string[]; readonly estate: string; readonly tidal: string };
  /** One clerk per comprehensive counter, one for 不动产, one spare. */
  readonly clerks: { readonly comp: Session[]; readonly estate: Session; readonly spare: Session };
  /** 综合受理 A, 社保 C (comprehensive), 不动产 B (professional). */
  readonly queues: { readonly a: string; readonly b: string; readonly c: string };
}

export async function post<T = Record<string, unknown>>(ctx: TestContext, as: Session | null, url: string, payload: unknown = {}): Promise<{ status: number; body: T }> {
  const res = await ctx.as(as, { method: 'POST', url, payload: payload as Record<string, unknown> });
  return { status: res.statusCode, body: (res.body ? res.json() : null) as T };
}

export async function get<T = Record<string, unknown>>(ctx: TestContext, as: Session | null, url: string): Promise<{ status: number; body: T }> {
  const res = await ctx.as(as, { method: 'GET', url });
  return { status: res.statusCode, body: (res.body ? res.json() : null) as T };
}

/** A clerk: an account with the role in the centre and the staff record linked to it (§6.4.2 needs the card). */
export async function clerk(ctx: TestContext, manager: Session, centreId: string, name: string, extra: Record<string, unknown> = {}): Promise<Session> {
  const session = await ctx.userWith([role('window_clerk', centreId)]);
  const res = await post(ctx, manager, `/api/v1/centres/${centreId}/staff`, staffInput({ name, userId: session.userId, ...extra }));
  expect(res.status).toBe(201);
  return session;
}

export async function makeHall(ctx: TestContext, admin: Session, options: { signIn?: boolean; centre?: Record<string, unknown> } = {}): Promise<Hall> {
  const centreId = (await post<{ id: string }>(ctx, admin, '/api/v1/centres', centreInput(options.centre ?? {}))).body.id;
  const manager = await ctx.userWith([role('centre_manager', centreId)]);
  const counter = async (input: Record<string, unknown>) => (await post<{ id: string }>(ctx, manager, `/api/v1/centres/${centreId}/counters`, counterInput(input))).body.id;
  const comp = [];
  for (const n of ['1', '2', '3', '4']) comp.push(await counter({ number: n, name: '综合受理（无差别）', kind: 'comprehensive' }));
  const dept = (await post<{ id: string }>(ctx, manager, `/api/v1/centres/${centreId}/departments`, departmentInput({ name: '县自然资源局' }))).body.id;
  const estate = await counter({ number: '21', name: '不动产登记受理', kind: 'professional', areaName: '不动产登记专区', departmentId: dept });
  const tidal = await counter({ number: '14', name: '潮汐窗口', kind: 'tidal' });
  const clerks = { comp: [] as Session[], estate: null as unknown as Session, spare: null as unknown as Session };
  for (const [i, name] of ['张敏', '李华', '王芳', '赵磊'].entries()) clerks.comp.push(await clerk(ctx, manager, centreId, name, { title: i === 0 ? '综合受理员' : '窗口工作人员' }));
  clerks.estate = await clerk(ctx, manager, centreId, '刘洋', { departmentId: dept });
  clerks.spare = await clerk(ctx, manager, centreId, '陈静');
  const queue = async (input: Record<string, unknown>) => {
    const res = await post<{ id: string }>(ctx, manager, `/api/v1/centres/${centreId}/queues`, input);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id;
  };
  const queues = {
    a: await queue({ name: '综合受理', prefix: 'A', pool: 'comprehensive', sortOrder: 1 }),
    b: await queue({ name: '不动产登记', prefix: 'B', pool: 'professional', areaName: '不动产登记专区', sortOrder: 2 }),
    c: await queue({ name: '社保医保', prefix: 'C', pool: 'comprehensive', sortOrder: 3 }),
  };
  const hall: Hall = { centreId, manager, counters: { comp, estate, tidal }, clerks, queues };
  if (options.signIn !== false) {
    for (const [i, c] of comp.entries()) expect((await post(ctx, clerks.comp[i]!, `/api/v1/counters/${c}/sign-in`)).status).toBe(200);
    expect((await post(ctx, clerks.estate, `/api/v1/counters/${estate}/sign-in`)).status).toBe(200);
  }
  return hall;
}

export interface Issued {
  readonly id: string;
  readonly number: string;
  readonly peopleAhead: number;
  readonly estimatedWaitMinutes: number | null;
  readonly estimateText: string;
  readonly priorityClass: string;
  readonly status: string;
}

/** Issues a ticket as `as` (a clerk: source counter by default). */
export async function issue(ctx: TestContext, as: Session, hall: Hall, body: Record<string, unknown>): Promise<Issued> {
  const res = await post<Issued>(ctx, as, `/api/v1/centres/${hall.centreId}/tickets`, { source: 'counter', ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** The centre's stream events of a type, oldest first. */
export async function streamed<T = Record<string, unknown>>(ctx: TestContext, centreId: string, type: string): Promise<T[]> {
  const rows = await ctx.deps.db.select().from(streamEvents).where(eq(streamEvents.centreId, centreId)).orderBy(asc(streamEvents.id));
  return rows.filter((r) => r.type === type).map((r) => r.data as T);
}
