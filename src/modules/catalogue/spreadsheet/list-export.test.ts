/**
 * The public §8.2 lists as .xlsx (issue 3 "Public portal"): each list of
 * `GET /api/v1/public/centres/{centreId}/lists` downloads as a workbook with its
 * title and the same entries, read back here with exceljs; the 容缺受理 list carries
 * conditions and deadlines (DB36/T 2016 §8.2.7), the "一件事" list the items of each
 * bundle (§8.2.4); an unpublished item never appears (§7.3.2.1).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flags, material } from '../../../domain/catalogue/test-fixtures.ts';
import { BUNDLE_LIST_TITLE, FLAG_LISTS, LIST_KINDS, PUBLISHED_LISTS, TOLERANCE_LIST_TITLE, type ListEntry } from '../../../domain/catalogue/lists.ts';
import { centreInput, departmentInput } from '../../../test/factories.ts';
import { createTestContext, role, type Session, type TestContext } from '../../../test/harness.ts';
import { itemInput } from '../test-helpers.ts';
import { buildListWorkbook } from './list-export.ts';
import { XLSX_TYPE } from './spreadsheet.routes.ts';

let ctx: TestContext;
let manager: Session;
let centreId: string;
let departmentId: string;

const CENTRE_NAME = '青山湖区政务服务中心';
const DEPARTMENT = '青山湖区市场监督管理局';
const TODAY = '2025-03-03';
const review = { reviewer: '法制审核科 王五', opinion: '设定依据合法，要素齐全，同意发布', effectiveOn: TODAY };

interface Created {
  readonly id: string;
  readonly implementationCode: string;
  readonly name: string;
}

beforeAll(async () => {
  ctx = await createTestContext();
  const admin = await ctx.userWith([role('system_admin')]);
  const centre = await ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput({ name: CENTRE_NAME }) });
  expect(centre.statusCode).toBe(201);
  centreId = centre.json().id;
  manager = await ctx.userWith([role('centre_manager', centreId)]);
  const dep = await ctx.as(manager, { method: 'POST', url: `/api/v1/centres/${centreId}/departments`, payload: departmentInput({ name: DEPARTMENT }) });
  expect(dep.statusCode).toBe(201);
  departmentId = dep.json().id;
});
afterAll(() => ctx.close());

async function draftItem(name: string, guide: Record<string, unknown> = {}): Promise<Created> {
  const res = await ctx.as(manager, { method: 'POST', url: `/api/v1/centres/${centreId}/items`, payload: itemInput(departmentId, {}, { name, ...guide }) });
  expect(res.statusCode, res.body).toBe(201);
  return { ...(res.json() as { id: string; implementationCode: string }), name };
}

async function publishedItem(name: string, guide: Record<string, unknown> = {}): Promise<Created> {
  const item = await draftItem(name, guide);
  const submit = await ctx.as(manager, { method: 'POST', url: `/api/v1/items/${item.id}/versions/1/submit`, payload: {} });
  expect(submit.statusCode, submit.body).toBe(200);
  const approve = await ctx.as(manager, { method: 'POST', url: `/api/v1/items/${item.id}/versions/1/approve`, payload: review });
  expect(approve.statusCode, approve.body).toBe(200);
  return item;
}

async function bundle(name: string, items: readonly Created[]): Promise<string> {
  const ids = items.map((i) => i.id);
  const res = await ctx.as(manager, {
    method: 'POST',
    url: `/api/v1/centres/${centreId}/bundles`,
    payload: { name, itemIds: ids, steps: [{ order: 1, name: '综合窗口一次受理', itemIds: ids }], acceptingCounterKind: 'comprehensive' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** The download, anonymously (no cookie): the lists are public. */
const download = (kind: string, centre = centreId) => ctx.app.inject({ method: 'GET', url: `/api/v1/public/centres/${centre}/lists/${kind}.xlsx` });

async function load(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  expect(wb.worksheets).toHaveLength(1);
  return wb.worksheets[0]!;
}

/** Cell values of a row from column 1, rich text and merged cells as their text. */
function values(ws: ExcelJS.Worksheet, row: number): unknown[] {
  return (ws.getRow(row).values as unknown[]).slice(1);
}

/** Data rows: below the title, the source line and the header row. */
function dataRows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  for (let r = 4; r <= ws.rowCount; r++) out.push(values(ws, r));
  return out;
}

describe('list workbook (unit)', () => {
  it('writes the title, the source line and the 容缺 columns, one row per tolerated material merged by item (§8.2.7)', async () => {
    const ws = await load(
      await buildListWorkbook(
        { title: TOLERANCE_LIST_TITLE, clause: '§8.2.7', centreName: CENTRE_NAME, asOf: TODAY },
        {
          shape: 'tolerance',
          rows: [
            {
              id: 'a',
              code: 'C1',
              name: '食品经营许可证核发',
              department: '市场监管局',
              materials: [
                { name: '房屋租赁合同', conditions: '已提交身份证明', completionDeadline: { value: 5, unit: 'working_day' } },
                { name: '健康证明', conditions: null, completionDeadline: null },
              ],
            },
            { id: 'b', code: 'C2', name: '药品零售许可', department: null, materials: [] },
          ],
        },
      ),
    );
    expect(ws.name).toBe(TOLERANCE_LIST_TITLE);
    expect(ws.getCell('A1').value).toBe(TOLERANCE_LIST_TITLE);
    expect(String(ws.getCell('A2').value)).toBe(`${CENTRE_NAME}　　数据截至：${TODAY}　　依据：DB36/T 2016—2024 §8.2.7`);
    expect(values(ws, 3)).toEqual(['序号', '事项名称', '实施编码', '实施部门', '容缺材料', '容缺条件', '补齐时限']);
    expect(dataRows(ws)).toEqual([
      [1, '食品经营许可证核发', 'C1', '市场监管局', '房屋租赁合同', '已提交身份证明', '5个工作日'],
      // The item's cells are merged over its two materials: exceljs reads the master's value.
      [1, '食品经营许可证核发', 'C1', '市场监管局', '健康证明', '', ''],
      [2, '药品零售许可', 'C2', '', '', '', ''],
    ]);
    expect(ws.getCell('B5').isMerged).toBe(true);
    expect(ws.getCell('E5').isMerged).toBe(false);
  });

  it('says so when a list is empty, keeping its columns', async () => {
    const ws = await load(await buildListWorkbook({ title: FLAG_LISTS.crossProvince.title, clause: '§8.2.6', centreName: CENTRE_NAME, asOf: TODAY }, { shape: 'items', rows: [] }));
    // Quotes are allowed in a sheet name (only : \ / ? * [ ] are not): the title is kept.
    expect(ws.name).toBe('“跨省通办”事项清单');
    expect(values(ws, 3)).toEqual(['序号', '事项名称', '实施编码', '实施部门']);
    expect(dataRows(ws)).toEqual([['本清单暂无事项', '本清单暂无事项', '本清单暂无事项', '本清单暂无事项']]);
  });
});

describe('GET /api/v1/public/centres/{centreId}/lists/{kind}.xlsx', () => {
  let help: Created;
  let cross: Created;
  let tolerant: Created;
  let plain: Created;
  let draft: Created;
  let submitted: Created;

  beforeAll(async () => {
    help = await publishedItem('个体工商户设立登记（帮办）', { flags: flags({ agencyHelp: true, crossProvince: true }), throughScope: '1' });
    cross = await publishedItem('企业跨省迁移登记', { flags: flags({ crossProvince: true }), throughScope: '1' });
    tolerant = await publishedItem('食品经营许可证核发（容缺）', {
      flags: flags({ toleranceAcceptance: true, agencyHelp: true }),
      materials: [
        material(),
        material({ name: '经营场所使用证明', issuingBody: null, tolerance: { conditions: '已签订租赁合同，正在办理产权登记', completionDeadline: { value: 5, unit: 'working_day' } } }),
        material({ name: '食品安全管理制度', issuingBody: null, tolerance: { conditions: '承诺按期补交', completionDeadline: { value: 10, unit: 'calendar_day' } } }),
      ],
    });
    plain = await publishedItem('普通事项（不在任何清单）', { flags: flags({ appointment: false }) });
    // Never published: in every list's flags, and in no list.
    const everyFlag = flags({ agencyHelp: true, crossProvince: true, withinProvince: true, withinCity: true, certificateFree: true, notifyCommit: true, extendedHours: true, selfService24h: true, toleranceAcceptance: true });
    const tolerantMaterials = [material({ tolerance: { conditions: '草稿条件', completionDeadline: { value: 3, unit: 'working_day' } } })];
    draft = await draftItem('草稿事项（未发布）', { flags: everyFlag, materials: tolerantMaterials });
    submitted = await draftItem('待审核事项（未发布）', { flags: flags({ agencyHelp: true, crossProvince: true, toleranceAcceptance: true }), throughScope: '1', materials: tolerantMaterials });
    const sub = await ctx.as(manager, { method: 'POST', url: `/api/v1/items/${submitted.id}/versions/1/submit`, payload: {} });
    expect(sub.statusCode, sub.body).toBe(200);
    await bundle('个体工商户开办一件事', [help, tolerant, plain]);
    // A bundle with an unpublished item is left off the public list (§8.2.4 确保已公布事项服务可正常办理).
    await bundle('含未发布事项的一件事', [cross, draft]);
  });

  const row = (i: Created, n: number) => [n, i.name, i.implementationCode, DEPARTMENT];
  /** One department: the lists are in code order (the codes are random). */
  const inOrder = (...items: Created[]) => [...items].sort((a, b) => (a.implementationCode < b.implementationCode ? -1 : 1)).map((i, n) => row(i, n + 1));

  it('downloads each list anonymously as .xlsx with its title, and the same entries as the JSON lists', async () => {
    const json = await ctx.app.inject({ method: 'GET', url: `/api/v1/public/centres/${centreId}/lists` });
    expect(json.statusCode).toBe(200);
    const lists = json.json() as Record<string, ListEntry[]>;
    expect(LIST_KINDS).toHaveLength(11);
    // Every list of the JSON (incompleteBundles is a report, not a list) has its download.
    expect([...LIST_KINDS].sort()).toEqual(Object.keys(lists).filter((k) => k !== 'incompleteBundles').sort());

    for (const kind of LIST_KINDS) {
      const res = await download(kind);
      expect(res.statusCode, `${kind}: ${res.body.slice(0, 200)}`).toBe(200);
      expect(res.headers['content-type']).toBe(XLSX_TYPE);
      const { title, clause } = PUBLISHED_LISTS[kind];
      expect(String(res.headers['content-disposition'])).toBe(`attachment; filename="${kind}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${CENTRE_NAME}${title}.xlsx`)}`);
      const ws = await load(res.rawPayload);
      expect(ws.getCell('A1').value).toBe(title);
      expect(String(ws.getCell('A2').value)).toContain(clause);
      expect(String(ws.getCell('A2').value)).toContain(`数据截至：${TODAY}`);
      if (kind === 'bundles' || kind === 'toleranceAcceptance') continue;
      const expected = lists[kind]!.map((e, i) => [i + 1, e.name, e.code, e.department]);
      expect(dataRows(ws), kind).toEqual(expected.length > 0 ? expected : [['本清单暂无事项', '本清单暂无事项', '本清单暂无事项', '本清单暂无事项']]);
    }
  });

  it('lists the flagged published items only (帮代办 §8.2.2, 跨省通办 §8.2.6); drafts and items under review never', async () => {
    const helpSheet = await load((await download('agencyHelp')).rawPayload);
    expect(values(helpSheet, 3)).toEqual(['序号', '事项名称', '实施编码', '实施部门']);
    expect(dataRows(helpSheet)).toEqual(inOrder(help, tolerant));
    const crossSheet = await load((await download('crossProvince')).rawPayload);
    expect(dataRows(crossSheet)).toEqual(inOrder(help, cross));
    // Lists no published item is flagged for: the drafts flagged for them stay out.
    for (const kind of ['withinCity', 'certificateFree', 'notifyCommit', 'selfService24h'] as const) {
      const ws = await load((await download(kind)).rawPayload);
      expect(dataRows(ws), kind).toEqual([['本清单暂无事项', '本清单暂无事项', '本清单暂无事项', '本清单暂无事项']]);
    }
    for (const kind of LIST_KINDS) {
      const ws = await load((await download(kind)).rawPayload);
      const text = JSON.stringify(dataRows(ws));
      for (const hidden of [draft, submitted]) {
        expect(text, kind).not.toContain(hidden.name);
        expect(text, kind).not.toContain(hidden.implementationCode);
      }
    }
  });

  it('gives the 容缺受理 list with each tolerated material, its conditions and completion deadline (§8.2.7)', async () => {
    const ws = await load((await download('toleranceAcceptance')).rawPayload);
    expect(ws.name).toBe(TOLERANCE_LIST_TITLE);
    expect(values(ws, 3)).toEqual(['序号', '事项名称', '实施编码', '实施部门', '容缺材料', '容缺条件', '补齐时限']);
    expect(dataRows(ws)).toEqual([
      [...row(tolerant, 1), '经营场所使用证明', '已签订租赁合同，正在办理产权登记', '5个工作日'],
      [...row(tolerant, 1), '食品安全管理制度', '承诺按期补交', '10个自然日'],
    ]);
  });

  it('gives the “一件事” list with the items of each complete bundle (§8.2.4)', async () => {
    const ws = await load((await download('bundles')).rawPayload);
    expect(ws.getCell('A1').value).toBe(BUNDLE_LIST_TITLE);
    expect(values(ws, 3)).toEqual(['序号', '一件事名称', '事项名称', '实施编码', '实施部门']);
    const name = '个体工商户开办一件事';
    expect(dataRows(ws)).toEqual([
      [1, name, help.name, help.implementationCode, DEPARTMENT],
      [1, name, tolerant.name, tolerant.implementationCode, DEPARTMENT],
      [1, name, plain.name, plain.implementationCode, DEPARTMENT],
    ]);
    expect(JSON.stringify(dataRows(ws))).not.toContain('含未发布事项的一件事');
  });

  it('agrees with the public item search filter of each item list (the portal offers these kinds)', async () => {
    const lists = (await ctx.app.inject({ method: 'GET', url: `/api/v1/public/centres/${centreId}/lists` })).json() as Record<string, ListEntry[]>;
    for (const kind of LIST_KINDS.filter((k) => k !== 'bundles')) {
      const search = await ctx.app.inject({ method: 'GET', url: `/api/v1/public/centres/${centreId}/items?list=${kind}&limit=100` });
      expect(search.statusCode, kind).toBe(200);
      const found = (search.json().items as { id: string }[]).map((i) => i.id).sort();
      expect(found, kind).toEqual(lists[kind]!.map((e) => e.id).sort());
    }
  });

  it('is documented as a public operation whose {kind} names every list', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const op = doc.paths['/api/v1/public/centres/{centreId}/lists/{kind}.xlsx']?.get;
    expect(op?.security).toEqual([]);
    const kind = (op.parameters as { name: string; schema: { anyOf?: { const?: string; enum?: string[] }[] } }[]).find((p) => p.name === 'kind');
    expect(kind?.schema.anyOf?.flatMap((s) => s.enum ?? [s.const])).toEqual(LIST_KINDS);
  });

  it('refuses an unknown list with 400 VALIDATION_FAILED and an unknown centre with 404 CENTRE_NOT_FOUND', async () => {
    for (const kind of ['nothing', 'incompleteBundles', 'AGENCYHELP']) {
      const res = await download(kind);
      expect(res.statusCode, kind).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    const missing = await download('agencyHelp', '00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('CENTRE_NOT_FOUND');
    const notUuid = await download('agencyHelp', 'not-a-centre');
    expect(notUuid.statusCode).toBe(400);
    expect(notUuid.json().error.code).toBe('VALIDATION_FAILED');
  });
});
