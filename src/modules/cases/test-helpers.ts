/** A centre ready to handle cases, for the module tests: counters, clerks signed in, published items and a bundle. */
import { expect } from 'vitest';
import { flags, material } from '../../domain/catalogue/test-fixtures.ts';
import type { ItemGuide } from '../../domain/catalogue/guide.ts';
import { SYSTEM_ACTOR } from '../../platform/auth/principal.ts';
import { centreInput, counterInput, departmentInput } from '../../test/factories.ts';
import { role, TEST_PASSWORD, type Session, type TestContext } from '../../test/harness.ts';
import { publishItem } from '../catalogue/item-version.service.ts';
import { itemInput } from '../catalogue/test-helpers.ts';
import { get, post } from '../queue/test-helpers.ts';
import { nextSeq, staffInput } from '../../test/factories.ts';

export { get, post };

export interface CaseHall {
  readonly centreId: string;
  /** Sessions expire after 12 hours of the test clock: {@link relogin} renews them. */
  manager: Session;
  /** A clerk signed in at counter 5, another at counter 6 (no staff scope), a clerk scoped to another department. */
  clerk: Session;
  clerk2: Session;
  deptClerk: Session;
  readonly counterId: string;
  readonly counter2Id: string;
  readonly departmentId: string;
  /** 食品经营许可: 容缺 for the site photos (5 working days), 告知承诺, the business licence by data sharing; process 申请 受理 审查 决定 送达. */
  readonly itemId: string;
  readonly implementationCode: string;
  /** A plain item (no 容缺, no 告知承诺), 3 working days promised, 10 legal; 跨省通办. */
  readonly plainItemId: string;
  readonly bundleId: string;
  /** A draft item, never published. */
  readonly draftItemId: string;
}

export const ID_NUMBER = '11010519491231002X';
export const PHONE = '13812345678';

/** 容缺 material, shared material, 告知承诺: the guide of the main test item. */
export function toleranceGuide(): Partial<ItemGuide> {
  return {
    materials: [
      material({ name: '居民身份证' }),
      material({ name: '食品经营许可申请书', issuingBody: null, copies: 0 }),
      material({ name: '经营场所照片', issuingBody: null, tolerance: { conditions: '场所装修未完成', completionDeadline: { value: 5, unit: 'working_day' } } }),
      material({ name: '营业执照', issuingBody: '市场监督管理局', viaDataSharing: true, required: false, originals: 0, copies: 0 }),
    ],
    flags: flags({ toleranceAcceptance: true, notifyCommit: true }),
  };
}

const usernames = new Map<string, string>();

/** A user with a known username, so that the test can log in again after moving the clock. */
export async function user(ctx: TestContext, grants: Parameters<TestContext['userWith']>[0]): Promise<Session> {
  const username = `case.user.${nextSeq()}.${Math.random().toString(36).slice(2, 8)}`;
  const session = await ctx.userWith(grants, username);
  usernames.set(session.userId, username);
  return session;
}

/** A new session of the same user (at the test clock's now). */
export async function relogin(ctx: TestContext, session: Session): Promise<Session> {
  const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: usernames.get(session.userId), password: TEST_PASSWORD } });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'govhall_session')!;
  return { cookie: `govhall_session=${cookie.value}`, csrfToken: res.json<{ csrfToken: string }>().csrfToken, userId: session.userId };
}

/** Renews every session of the hall. */
export async function reloginHall(ctx: TestContext, hall: CaseHall): Promise<void> {
  hall.manager = await relogin(ctx, hall.manager);
  hall.clerk = await relogin(ctx, hall.clerk);
  hall.clerk2 = await relogin(ctx, hall.clerk2);
  hall.deptClerk = await relogin(ctx, hall.deptClerk);
}

async function clerk(ctx: TestContext, manager: Session, centreId: string, name: string): Promise<Session> {
  const session = await user(ctx, [role('window_clerk', centreId)]);
  const res = await post(ctx, manager, `/api/v1/centres/${centreId}/staff`, staffInput({ name, userId: session.userId }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return session;
}

export async function makeCaseHall(ctx: TestContext, admin: Session, centre: Record<string, unknown> = {}): Promise<CaseHall> {
  const centreId = (await post<{ id: string }>(ctx, admin, '/api/v1/centres', centreInput(centre))).body.id;
  const manager = await user(ctx, [role('centre_manager', centreId)]);
  const departmentId = (await post<{ id: string }>(ctx, manager, `/api/v1/centres/${centreId}/departments`, departmentInput({ name: '县市场监督管理局' }))).body.id;
  const otherDept = (await post<{ id: string }>(ctx, manager, `/api/v1/centres/${centreId}/departments`, departmentInput({ name: '县人力资源和社会保障局' }))).body.id;
  const counter = async (number: string) => (await post<{ id: string }>(ctx, manager, `/api/v1/centres/${centreId}/counters`, counterInput({ number, name: '综合受理', kind: 'comprehensive' }))).body.id;
  const counterId = await counter('5');
  const counter2Id = await counter('6');
  const c1 = await clerk(ctx, manager, centreId, '张敏');
  const c2 = await clerk(ctx, manager, centreId, '李华');
  const deptClerkSession = await user(ctx, [role('window_clerk', centreId, otherDept)]);
  expect((await post(ctx, c1, `/api/v1/counters/${counterId}/sign-in`)).status).toBe(200);
  expect((await post(ctx, c2, `/api/v1/counters/${counter2Id}/sign-in`)).status).toBe(200);

  const publish = async (guideOverrides: Partial<ItemGuide>) => {
    const created = await post<{ id: string; implementationCode: string }>(ctx, manager, `/api/v1/centres/${centreId}/items`, itemInput(departmentId, {}, guideOverrides));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await publishItem(ctx.deps, SYSTEM_ACTOR, created.body.id, { reviewer: '法制审核科', opinion: '同意发布' });
    return created.body;
  };
  const main = await publish(toleranceGuide());
  const plain = await publish({
    name: '个体工商户登记',
    promisedTimeLimit: { value: 3, unit: 'working_day' },
    legalTimeLimit: { value: 10, unit: 'working_day' },
    throughScope: '1',
    flags: flags({ crossProvince: true, withinProvince: true, withinCity: true }),
  });
  const draft = await post<{ id: string }>(ctx, manager, `/api/v1/centres/${centreId}/items`, itemInput(departmentId));
  const bundle = await post<{ id: string }>(ctx, manager, `/api/v1/centres/${centreId}/bundles`, {
    name: '开办餐饮店一件事',
    itemIds: [main.id, plain.id],
    steps: [
      { order: 1, name: '综合受理', itemIds: [main.id, plain.id] },
      { order: 2, name: '并联审批', itemIds: [main.id, plain.id] },
    ],
    acceptingCounterKind: 'comprehensive',
  });
  expect(bundle.status, JSON.stringify(bundle.body)).toBe(201);
  return {
    centreId,
    manager,
    clerk: c1,
    clerk2: c2,
    deptClerk: deptClerkSession,
    counterId,
    counter2Id,
    departmentId,
    itemId: main.id,
    implementationCode: main.implementationCode,
    plainItemId: plain.id,
    bundleId: bundle.body.id,
    draftItemId: draft.body.id,
  };
}

export function person(overrides: Record<string, unknown> = {}) {
  return { kind: 'person', name: '张三丰', idType: 'resident_id', idNumber: ID_NUMBER, phone: PHONE, address: '江西省南昌市新建区长征路 1 号', ...overrides };
}

/** Every required material provided (the shared one left out). */
export const COMPLETE = [
  { name: '居民身份证', status: 'provided' },
  { name: '食品经营许可申请书', status: 'provided' },
  { name: '经营场所照片', status: 'provided' },
];

export const TOLERATED = COMPLETE.map((e) => (e.name === '经营场所照片' ? { ...e, status: 'tolerated' } : e));

export interface CaseBody {
  readonly id: string;
  readonly caseNumber: string;
  readonly status: string;
  readonly [key: string]: unknown;
}

export async function openCase(ctx: TestContext, as: Session, hall: CaseHall, body: Record<string, unknown> = {}): Promise<CaseBody> {
  const res = await post<CaseBody>(ctx, as, `/api/v1/centres/${hall.centreId}/cases`, { itemId: hall.itemId, applicant: person(), ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export async function act(ctx: TestContext, as: Session, caseId: string, action: string, data?: Record<string, unknown>) {
  return post<CaseBody & { error?: { code: string; message: string; fields: { path: string; code: string }[]; details?: Record<string, unknown> } }>(
    ctx,
    as,
    `/api/v1/cases/${caseId}/transitions`,
    data === undefined ? { action } : { action, data },
  );
}

export async function ok(ctx: TestContext, as: Session, caseId: string, action: string, data?: Record<string, unknown>): Promise<CaseBody> {
  const res = await act(ctx, as, caseId, action, data);
  expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
}
