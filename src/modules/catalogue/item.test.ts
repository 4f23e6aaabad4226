import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_USCC } from '../../domain/catalogue/test-fixtures.ts';
import { usccCheckChar } from '../../domain/shared/identity.ts';
import { auditLog } from '../../platform/audit/schema.ts';
import { centreInput, departmentInput } from '../../test/factories.ts';
import { createTestContext, role, type Session, type TestContext } from '../../test/harness.ts';
import { SYSTEM_ACTOR } from '../../platform/auth/principal.ts';
import type { ItemCreate } from './item.schemas.ts';
import { createItem } from './item.service.ts';
import { publishItem } from './item-version.service.ts';
import { listPublicItems } from './item-public.service.ts';
import { applyEffectiveVersions } from './effective-versions.ts';
import { basicCode, implementationCodeOf, itemInput } from './test-helpers.ts';

let ctx: TestContext;
let admin: Session;
let manager: Session;
let otherManager: Session;
let centreId: string;
let otherCentreId: string;
let departmentId: string;

const TODAY = '2025-03-03';
const review = { reviewer: '法制审核科 王五', opinion: '设定依据合法，要素齐全，同意发布', effectiveOn: TODAY };

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.userWith([role('system_admin')]);
  centreId = (await ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput() })).json().id;
  otherCentreId = (await ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput({ name: '南昌县政务服务中心', divisionCode: '360121' }) })).json().id;
  manager = await ctx.userWith([role('centre_manager', centreId)]);
  otherManager = await ctx.userWith([role('centre_manager', otherCentreId)]);
  departmentId = (await ctx.as(manager, { method: 'POST', url: `/api/v1/centres/${centreId}/departments`, payload: departmentInput({ name: '某市市场监督管理局' }) })).json().id;
});
afterAll(() => ctx.close());

const create = (payload: Record<string, unknown>, as: Session = manager) => ctx.as(as, { method: 'POST', url: `/api/v1/centres/${centreId}/items`, payload });
const act = (id: string, number: number, action: string, payload: Record<string, unknown> = {}, as: Session = manager) =>
  ctx.as(as, { method: 'POST', url: `/api/v1/items/${id}/versions/${number}/${action}`, payload });
const publicRead = (id: string, headers: Record<string, string> = {}) => ctx.app.inject({ method: 'GET', url: `/api/v1/public/items/${id}`, headers });
const publicSearch = (query: string) => ctx.app.inject({ method: 'GET', url: `/api/v1/public/centres/${centreId}/items?${query}` });
const auditOf = (entity: string, id: string) => ctx.deps.db.select().from(auditLog).where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, id))).orderBy(asc(auditLog.id));

async function publishedItem(guideOverrides: Record<string, unknown> = {}): Promise<{ id: string; implementationCode: string }> {
  const res = await create(itemInput(departmentId, {}, guideOverrides));
  expect(res.statusCode).toBe(201);
  const item = res.json();
  expect((await act(item.id, 1, 'submit')).statusCode).toBe(200);
  expect((await act(item.id, 1, 'approve', review)).statusCode).toBe(200);
  return item;
}

describe('items and their versions (DB36/T 2016 §7.3.2.2)', () => {
  it('creates a draft, submits, approves with the review recorded, and the public reads it with an ETag (304 when unchanged)', async () => {
    const res = await create(itemInput(departmentId, {}, { name: '食品经营许可证核发（新办）' }));
    expect(res.statusCode).toBe(201);
    const item = res.json();
    expect(item).toMatchObject({ centreId, departmentId, level: 'main', name: '食品经营许可证核发（新办）', publishedNumber: null, latest: { number: 1, status: 'draft' } });
    // A draft is not public.
    expect((await publicRead(item.id)).statusCode).toBe(404);

    const submitted = await act(item.id, 1, 'submit');
    expect(submitted.json()).toMatchObject({ status: 'submitted', submittedBy: expect.any(String) });
    const approved = await act(item.id, 1, 'approve', review);
    expect(approved.statusCode).toBe(200);
    // §7.3.2.2c: reviewer and opinion recorded.
    expect(approved.json()).toMatchObject({ status: 'published', reviewer: review.reviewer, opinion: review.opinion, reviewDecision: 'approved', effectiveOn: TODAY });

    const pub = await publicRead(item.id);
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ id: item.id, version: 1, guide: { name: '食品经营许可证核发（新办）' } });
    const etag = pub.headers.etag as string;
    expect(etag).toMatch(/^"v1-/);
    const again = await publicRead(item.id, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect((await auditOf('item_version', item.id)).map((x) => x.action)).toEqual(['submit', 'approve']);
  });

  it('refuses publication of an incomplete guide naming each missing element, and changes nothing', async () => {
    const item = (await create(itemInput(departmentId, {}, { legalBasis: null, resultName: null, supervisionPhone: null }))).json();
    const res = await act(item.id, 1, 'submit');
    expect(res.statusCode).toBe(422);
    const error = res.json().error;
    expect(error.code).toBe('ITEM_PUBLICATION_INCOMPLETE');
    expect(error.message).toContain('设定依据');
    expect(error.fields.map((f: { path: string }) => f.path)).toEqual(['/legalBasis', '/resultName', '/supervisionPhone']);
    const read = await ctx.as(manager, { method: 'GET', url: `/api/v1/items/${item.id}` });
    expect(read.json().latest).toMatchObject({ number: 1, status: 'draft', submittedAt: null });
    expect((await auditOf('item_version', item.id)).length).toBe(0);
  });

  it('edits a published item as a new draft; the public still sees the published version; the diff names the change', async () => {
    const item = await publishedItem();
    const edit = await ctx.as(manager, { method: 'PATCH', url: `/api/v1/items/${item.id}`, payload: { guide: { place: '市政务服务中心二楼 B 区', flags: { agencyHelp: true } } } });
    expect(edit.statusCode).toBe(200);
    expect(edit.json().latest).toMatchObject({ number: 2, status: 'draft' });
    expect(edit.json().publishedNumber).toBe(1);
    // Version 1 never changed.
    const v1 = await ctx.as(manager, { method: 'GET', url: `/api/v1/items/${item.id}/versions/1` });
    expect(v1.json()).toMatchObject({ status: 'published', guide: { place: '市政务服务中心一楼 A 区 5 号窗口' } });
    const pub = await publicRead(item.id);
    expect(pub.json()).toMatchObject({ version: 1, guide: { place: '市政务服务中心一楼 A 区 5 号窗口' } });
    // A second edit changes the same draft.
    const edit2 = await ctx.as(manager, { method: 'PATCH', url: `/api/v1/items/${item.id}`, payload: { guide: { hours: '工作日 8:30–17:30' } } });
    expect(edit2.json().latest.number).toBe(2);
    const diff = await ctx.as(manager, { method: 'GET', url: `/api/v1/items/${item.id}/diff?from=1&to=2` });
    expect(diff.statusCode).toBe(200);
    expect(diff.json().changes).toEqual(
      expect.arrayContaining([
        { path: '/hours', kind: 'changed', before: '工作日 9:00–12:00，13:30–17:00', after: '工作日 8:30–17:30' },
        { path: '/place', kind: 'changed', before: '市政务服务中心一楼 A 区 5 号窗口', after: '市政务服务中心二楼 B 区' },
        { path: '/flags/agencyHelp', kind: 'changed', before: false, after: true },
      ]),
    );
    expect(diff.json().changes).toHaveLength(3);
    // Publishing version 2 moves the public guide and its ETag.
    const etag1 = pub.headers.etag as string;
    await act(item.id, 2, 'submit');
    await act(item.id, 2, 'approve', review);
    const pub2 = await publicRead(item.id, { 'if-none-match': etag1 });
    expect(pub2.statusCode).toBe(200);
    expect(pub2.json()).toMatchObject({ version: 2, guide: { place: '市政务服务中心二楼 B 区' } });
    const versions = await ctx.as(manager, { method: 'GET', url: `/api/v1/items/${item.id}/versions` });
    expect(versions.json().items.map((v: { number: number; status: string }) => [v.number, v.status])).toEqual([
      [1, 'published'],
      [2, 'published'],
    ]);
  });

  it('withdraws a published version: it leaves the public side, and stays readable for staff', async () => {
    const item = await publishedItem();
    const res = await act(item.id, 1, 'withdraw', { reason: '事项取消' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'withdrawn', withdrawReason: '事项取消' });
    expect((await publicRead(item.id)).statusCode).toBe(404);
    const read = await ctx.as(manager, { method: 'GET', url: `/api/v1/items/${item.id}/versions/1` });
    expect(read.json()).toMatchObject({ status: 'withdrawn', guide: { name: '食品经营许可证核发' } });
    // The table allows nothing more on a withdrawn version.
    const again = await act(item.id, 1, 'approve', review);
    expect(again.json().error).toMatchObject({ code: 'ITEM_VERSION_TRANSITION_INVALID' });
  });

  it('keeps the public on the version in force until a later version\'s effective date comes (§7.3.2.2)', async () => {
    const item = await publishedItem();
    await ctx.as(manager, { method: 'PATCH', url: `/api/v1/items/${item.id}`, payload: { guide: { hours: '工作日 8:00–18:00' } } });
    await act(item.id, 2, 'submit');
    expect((await act(item.id, 2, 'approve', { ...review, effectiveOn: '2025-03-10' })).statusCode).toBe(200);
    expect((await publicRead(item.id)).json()).toMatchObject({ version: 1 });
    try {
      ctx.setNow(new Date('2025-03-10T09:00:00+08:00'));
      expect((await publicRead(item.id)).json()).toMatchObject({ version: 2, effectiveOn: '2025-03-10', guide: { hours: '工作日 8:00–18:00' } });
    } finally {
      ctx.setNow(new Date('2025-03-03T10:00:00+08:00'));
    }
  });

  it('moves the search row to the later version on its effective date, once, audited (§7.3.2.1)', async () => {
    const item = await publishedItem({ name: '个体工商户设立登记' });
    await ctx.as(manager, { method: 'PATCH', url: `/api/v1/items/${item.id}`, payload: { guide: { name: '个体工商户登记（设立）' } } });
    await act(item.id, 2, 'submit');
    expect((await act(item.id, 2, 'approve', { ...review, effectiveOn: '2025-03-12' })).statusCode).toBe(200);
    const found = async (q: string) => (await publicSearch(`q=${encodeURIComponent(q)}`)).json().items.map((i: { id: string; version: number }) => `${i.id}@${i.version}`);
    expect(await applyEffectiveVersions(ctx.deps)).toBe(0);
    expect(await found('个体工商户设立登记')).toEqual([`${item.id}@1`]);
    try {
      ctx.setNow(new Date('2025-03-12T00:05:00+08:00'));
      expect(await found('个体工商户登记（设立）')).toEqual([]);
      expect(await applyEffectiveVersions(ctx.deps)).toBeGreaterThanOrEqual(1);
      expect(await found('个体工商户登记（设立）')).toEqual([`${item.id}@2`]);
      expect(await found('个体工商户设立登记')).toEqual([]);
      // A second run (another server process) finds nothing left to do.
      expect(await applyEffectiveVersions(ctx.deps)).toBe(0);
      const audit = (await auditOf('item', item.id)).filter((a) => a.action === 'version.effective');
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actorType: 'system', after: { publishedNumber: 2 } });
    } finally {
      ctx.setNow(new Date('2025-03-03T10:00:00+08:00'));
    }
  });

  it('refuses an approval whose effective date is in the past', async () => {
    const item = (await create(itemInput(departmentId))).json();
    await act(item.id, 1, 'submit');
    const res = await act(item.id, 1, 'approve', { ...review, effectiveOn: '2025-03-02' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'ITEM_EFFECTIVE_DATE_INVALID', fields: [{ path: '/effectiveOn' }] });
  });
});

describe('createItem and publishItem (for seeding and import)', () => {
  it('creates and publishes in one audited step each; an incomplete guide is refused and stays a draft', async () => {
    const created = await createItem(ctx.deps, SYSTEM_ACTOR, centreId, itemInput(departmentId, {}, { name: '公积金提取（退休）' }) as ItemCreate);
    const published = await publishItem(ctx.deps, SYSTEM_ACTOR, created.id, { reviewer: '导入', opinion: '按清单导入' });
    expect(published).toMatchObject({ publishedNumber: 1, latest: { number: 1, status: 'published', effectiveOn: TODAY, reviewer: '导入' } });
    expect((await auditOf('item_version', created.id)).map((a) => a.action)).toEqual(['submit', 'approve']);
    const found = await listPublicItems(ctx.deps, centreId, { q: '公积金提取' });
    expect(found.items.map((i) => i.id)).toEqual([created.id]);

    const incomplete = await createItem(ctx.deps, SYSTEM_ACTOR, centreId, itemInput(departmentId, {}, { fee: null }) as ItemCreate);
    await expect(publishItem(ctx.deps, SYSTEM_ACTOR, incomplete.id, { reviewer: '导入', opinion: '按清单导入' })).rejects.toMatchObject({ code: 'ITEM_PUBLICATION_INCOMPLETE' });
    expect((await ctx.as(manager, { method: 'GET', url: `/api/v1/items/${incomplete.id}` })).json().latest).toMatchObject({ status: 'draft' });
  });
});

describe('the staff list, retiring, unknown ids', () => {
  it('filters by text, department, type code and status; a retired item leaves the lists and the public side but stays readable', async () => {
    const dept2 = (await ctx.as(manager, { method: 'POST', url: `/api/v1/centres/${centreId}/departments`, payload: departmentInput() })).json().id;
    const draft = (await create(itemInput(dept2, {}, { name: '社会保障卡申领', kind: 'public_service', typeCode: '20' }))).json();
    const pub = await publishedItem({ name: '社会保障卡补领' });
    const list = (query: string) => ctx.as(manager, { method: 'GET', url: `/api/v1/centres/${centreId}/items?${query}` });
    const ids = async (query: string) => (await list(query)).json().items.map((i: { id: string }) => i.id);
    expect(await ids(`q=${encodeURIComponent('社会保障卡')}`)).toEqual(expect.arrayContaining([draft.id, pub.id]));
    expect(await ids(`departmentId=${dept2}`)).toEqual([draft.id]);
    expect(await ids(`q=${encodeURIComponent('社会保障卡')}&typeCode=20`)).toEqual([draft.id]);
    expect(await ids(`q=${encodeURIComponent('社会保障卡')}&status=published`)).toEqual([pub.id]);
    expect((await list('status=draft')).json().items.every((i: { latestStatus: string }) => i.latestStatus === 'draft')).toBe(true);

    const retired = await ctx.as(manager, { method: 'DELETE', url: `/api/v1/items/${pub.id}` });
    expect(retired.statusCode).toBe(200);
    expect(retired.json().retiredAt).not.toBeNull();
    expect(await ids(`q=${encodeURIComponent('社会保障卡补领')}`)).toEqual([]);
    expect(await ids(`q=${encodeURIComponent('社会保障卡补领')}&includeRetired=true`)).toEqual([pub.id]);
    expect((await publicRead(pub.id)).statusCode).toBe(404);
    expect((await publicSearch(`q=${encodeURIComponent('社会保障卡补领')}`)).json().total).toBe(0);
    expect((await ctx.as(manager, { method: 'GET', url: `/api/v1/items/${pub.id}/versions/1` })).json().status).toBe('published');
    const edit = await ctx.as(manager, { method: 'PATCH', url: `/api/v1/items/${pub.id}`, payload: { guide: { hours: '全天' } } });
    expect(edit.json().error.code).toBe('ENTITY_RETIRED');
  });

  it('answers unknown items and versions with 404', async () => {
    const item = (await create(itemInput(departmentId))).json();
    expect((await ctx.as(manager, { method: 'GET', url: `/api/v1/items/${item.id}/versions/9` })).json().error.code).toBe('ITEM_VERSION_NOT_FOUND');
    expect((await ctx.as(manager, { method: 'GET', url: '/api/v1/items/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    expect((await publicRead('00000000-0000-4000-8000-000000000000')).json().error.code).toBe('ITEM_NOT_PUBLISHED');
    const noCentre = await ctx.app.inject({ method: 'GET', url: '/api/v1/public/centres/00000000-0000-4000-8000-000000000000/items?q=x' });
    expect(noCentre.json().error.code).toBe('CENTRE_NOT_FOUND');
  });
});

describe('codes and hierarchy (REFERENCES.md; DB36/T 2016 §7.3.3.2, §7.3.2.2e)', () => {
  it('refuses bad codes naming the field: length, charset, USCC check character, type code against type', async () => {
    const short = await create(itemInput(departmentId, { basicCode: '12345' }));
    expect(short.statusCode).toBe(422);
    expect(short.json().error.fields).toContainEqual(expect.objectContaining({ path: '/basicCode', code: 'ITEM_BASIC_CODE_INVALID' }));

    const basic = basicCode();
    const lower = await create(itemInput(departmentId, { basicCode: basic, implementationCode: implementationCodeOf(basic).toLowerCase() }));
    expect(lower.json().error.fields).toContainEqual(expect.objectContaining({ path: '/implementationCode', code: 'ITEM_IMPLEMENTATION_CODE_INVALID' }));

    const body = FIXTURE_USCC.slice(0, 17);
    const wrong = usccCheckChar(body) === '0' ? '1' : '0';
    const badUscc = `${body}${wrong}`;
    const uscc = await create(itemInput(departmentId, { basicCode: basic, implementationCode: `${badUscc}3${basic}` }, { implementingBody: { name: '某局', uscc: badUscc, nature: '1' } }));
    expect(uscc.statusCode).toBe(422);
    expect(uscc.json().error.fields).toContainEqual(expect.objectContaining({ path: '/implementationCode', code: 'ITEM_IMPLEMENTATION_USCC_INVALID' }));

    const type = await create(itemInput(departmentId, {}, { kind: 'licensing', typeCode: '07' }));
    expect(type.statusCode).toBe(422);
    expect(type.json().error).toMatchObject({ code: 'ITEM_TYPE_CODE_MISMATCH', fields: [{ path: '/guide/typeCode', code: 'ITEM_TYPE_CODE_MISMATCH' }] });

    const list = await ctx.as(manager, { method: 'GET', url: `/api/v1/centres/${centreId}/items?q=${basic}` });
    expect(list.json().total).toBe(0);
  });

  it('answers a duplicate implementation code with 409 at the field', async () => {
    const first = itemInput(departmentId);
    expect((await create(first)).statusCode).toBe(201);
    const dup = await create({ ...itemInput(departmentId), basicCode: first.basicCode, implementationCode: first.implementationCode });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'ITEM_CODE_TAKEN', fields: [{ path: '/implementationCode' }] });
  });

  it('builds main → sub → handling with consistent codes, refuses a cycle and a handling code not under its parent', async () => {
    const main = (await create(itemInput(departmentId))).json();
    const subBasic = basicCode();
    const sub = await create(itemInput(departmentId, { level: 'sub', parentId: main.id, basicCode: subBasic, implementationCode: implementationCodeOf(subBasic) }));
    expect(sub.statusCode).toBe(201);
    const handling = await create({
      ...itemInput(departmentId),
      level: 'handling',
      parentId: sub.json().id,
      basicCode: subBasic,
      implementationCode: undefined,
      handlingCode: `${implementationCodeOf(subBasic)}01`,
    });
    expect(handling.statusCode).toBe(201);
    expect(handling.json()).toMatchObject({ level: 'handling', handlingCode: `${implementationCodeOf(subBasic)}01` });

    const stray = await create({ ...itemInput(departmentId), level: 'handling', parentId: main.id, basicCode: subBasic, implementationCode: undefined, handlingCode: `${implementationCodeOf(subBasic)}02` });
    expect(stray.statusCode).toBe(422);
    expect(stray.json().error.fields).toContainEqual(expect.objectContaining({ path: '/handlingCode', code: 'ITEM_HANDLING_CODE_PARENT_MISMATCH' }));

    const cycle = await ctx.as(manager, { method: 'PATCH', url: `/api/v1/items/${main.id}`, payload: { level: 'sub', parentId: sub.json().id } });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().error).toMatchObject({ code: 'ITEM_HIERARCHY_CYCLE', fields: [{ path: '/parentId' }] });
    const self = await ctx.as(manager, { method: 'PATCH', url: `/api/v1/items/${main.id}`, payload: { parentId: main.id } });
    expect(self.json().error.code).toBe('ITEM_HIERARCHY_CYCLE');
  });
});

describe('access', () => {
  it("refuses another centre's manager (403) and anonymous callers (401)", async () => {
    const item = (await create(itemInput(departmentId))).json();
    expect((await ctx.as(otherManager, { method: 'GET', url: `/api/v1/items/${item.id}` })).statusCode).toBe(403);
    expect((await ctx.as(otherManager, { method: 'PATCH', url: `/api/v1/items/${item.id}`, payload: { guide: { place: 'x' } } })).statusCode).toBe(403);
    expect((await create(itemInput(departmentId), otherManager)).statusCode).toBe(403);
    expect((await ctx.as(null, { method: 'GET', url: `/api/v1/centres/${centreId}/items` })).statusCode).toBe(401);
  });

  it('lets a chief representative edit their own department only, and not review (§7.3.2.2c)', async () => {
    const otherDept = (await ctx.as(manager, { method: 'POST', url: `/api/v1/centres/${centreId}/departments`, payload: departmentInput() })).json().id;
    const chief = await ctx.userWith([role('chief_representative', centreId, departmentId)]);
    const mine = await create(itemInput(departmentId), chief);
    expect(mine.statusCode).toBe(201);
    expect((await create(itemInput(otherDept), chief)).statusCode).toBe(403);
    expect((await act(mine.json().id, 1, 'submit', {}, chief)).statusCode).toBe(200);
    expect((await act(mine.json().id, 1, 'approve', review, chief)).statusCode).toBe(403);
    const move = await ctx.as(chief, { method: 'PATCH', url: `/api/v1/items/${mine.json().id}`, payload: { departmentId: otherDept } });
    expect(move.statusCode).toBe(403);
    // Reading is centre-wide, like the list; editing another department's item is not.
    const theirs = (await create(itemInput(otherDept))).json();
    expect((await ctx.as(chief, { method: 'GET', url: `/api/v1/items/${theirs.id}` })).statusCode).toBe(200);
    expect((await ctx.as(chief, { method: 'GET', url: `/api/v1/items/${theirs.id}/versions` })).statusCode).toBe(200);
    expect((await ctx.as(chief, { method: 'PATCH', url: `/api/v1/items/${theirs.id}`, payload: { guide: { hours: '周一至周五' } } })).statusCode).toBe(403);
  });

  it('gives the diff of a version that adds and removes elements (§7.3.2.2)', async () => {
    const item = await publishedItem();
    const v1 = (await ctx.as(manager, { method: 'GET', url: `/api/v1/items/${item.id}/versions/1` })).json();
    const materials = [...v1.guide.materials.slice(1), { ...v1.guide.materials[0], name: '营业执照' }];
    await ctx.as(manager, { method: 'PATCH', url: `/api/v1/items/${item.id}`, payload: { guide: { place: '二楼 B 区', materials } } });
    const diff = await ctx.as(manager, { method: 'GET', url: `/api/v1/items/${item.id}/diff?from=1&to=2` });
    expect(diff.statusCode).toBe(200);
    const kinds = diff.json().changes.map((c: { kind: string }) => c.kind);
    expect(kinds).toEqual(expect.arrayContaining(['added', 'removed', 'changed']));
  });
});

describe('public search and lists (§7.3.2.1, §8.2)', () => {
  it('serves the guide again unchanged, and follows a renamed department and a retired item at once', async () => {
    const dept = (await ctx.as(manager, { method: 'POST', url: `/api/v1/centres/${centreId}/departments`, payload: departmentInput({ name: '区医疗保障局' }) })).json();
    const item = (await create(itemInput(dept.id, {}, { name: '医保关系转移接续' }))).json();
    await act(item.id, 1, 'submit');
    await act(item.id, 1, 'approve', review);
    const first = await publicRead(item.id);
    expect(first.json()).toMatchObject({ departmentName: '区医疗保障局', version: 1 });
    expect((await publicRead(item.id)).body).toBe(first.body);
    await ctx.as(manager, { method: 'PATCH', url: `/api/v1/departments/${dept.id}`, payload: { name: '新建区医疗保障局' } });
    expect((await publicRead(item.id)).json()).toMatchObject({ departmentName: '新建区医疗保障局' });
    await ctx.as(manager, { method: 'DELETE', url: `/api/v1/items/${item.id}` });
    expect((await publicRead(item.id)).json().error.code).toBe('ITEM_NOT_PUBLISHED');
  });

  it('finds published items by Chinese substring and by code, never drafts', async () => {
    const a = await publishedItem({ name: '不动产首次登记' });
    const draft = (await create(itemInput(departmentId, {}, { name: '不动产抵押登记' }))).json();
    const byName = await publicSearch(`q=${encodeURIComponent('产首次')}`);
    expect(byName.statusCode).toBe(200);
    expect(byName.json().items.map((i: { id: string }) => i.id)).toEqual([a.id]);
    const broad = await publicSearch(`q=${encodeURIComponent('不动产')}`);
    const ids = broad.json().items.map((i: { id: string }) => i.id);
    expect(ids).toContain(a.id);
    expect(ids).not.toContain(draft.id);
    const byCode = await publicSearch(`q=${a.implementationCode.slice(19).toLowerCase()}`);
    expect(byCode.json()).toMatchObject({ total: 1, items: [{ id: a.id, code: a.implementationCode, name: '不动产首次登记', version: 1 }] });
    const wildcard = await publicSearch(`q=${encodeURIComponent('%')}`);
    expect(wildcard.json().total).toBe(0);
  });

  it('lists published items by their flags, and the lists and a bundle show on the public side', async () => {
    const help = await publishedItem({ name: '代办营业执照', flags: { ...itemFlags(), agencyHelp: true } });
    const plain = await publishedItem({ name: '普通事项甲' });
    const staff = await ctx.as(manager, { method: 'GET', url: `/api/v1/centres/${centreId}/lists` });
    expect(staff.statusCode).toBe(200);
    const helpIds = staff.json().agencyHelp.map((e: { id: string }) => e.id);
    expect(helpIds).toContain(help.id);
    expect(helpIds).not.toContain(plain.id);
    const list = await publicSearch('list=agencyHelp');
    const listIds = list.json().items.map((i: { id: string }) => i.id);
    expect(listIds).toContain(help.id);
    expect(listIds).not.toContain(plain.id);
    expect(listIds).toEqual(helpIds);

    const bundle = await ctx.as(manager, {
      method: 'POST',
      url: `/api/v1/centres/${centreId}/bundles`,
      payload: { name: '企业开办一件事', itemIds: [help.id, plain.id], steps: [{ order: 1, name: '一窗受理', itemIds: [help.id, plain.id] }], acceptingCounterKind: 'comprehensive' },
    });
    expect(bundle.statusCode).toBe(201);
    // Both guides ask for the same two materials: merged once each (§8.2.4).
    expect(bundle.json().materials.map((m: { name: string }) => m.name)).toEqual(['居民身份证', '食品经营许可申请书']);
    const pubBundle = await ctx.app.inject({ method: 'GET', url: `/api/v1/public/bundles/${bundle.json().id}` });
    expect(pubBundle.json()).toMatchObject({ name: '企业开办一件事', unpublishedItemIds: [] });
    const pubLists = await ctx.app.inject({ method: 'GET', url: `/api/v1/public/centres/${centreId}/lists` });
    expect(pubLists.json().bundles.map((b: { name: string }) => b.name)).toEqual(['企业开办一件事']);
    const tooFew = await ctx.as(manager, {
      method: 'POST',
      url: `/api/v1/centres/${centreId}/bundles`,
      payload: { name: '单事项', itemIds: [help.id], steps: [{ order: 1, name: '受理', itemIds: [help.id] }], acceptingCounterKind: 'comprehensive' },
    });
    expect(tooFew.json().error.code).toBe('BUNDLE_ITEMS_TOO_FEW');
  });
});

function itemFlags() {
  return { agencyHelp: false, notifyCommit: false, toleranceAcceptance: false, crossProvince: false, withinProvince: false, withinCity: false, certificateFree: false, extendedHours: false, selfService24h: false, appointment: true, onlinePayment: false, postalDelivery: true };
}
