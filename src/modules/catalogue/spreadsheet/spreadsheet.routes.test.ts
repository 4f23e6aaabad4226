/**
 * The item workbook over HTTP (issue 3 "Spreadsheets"): template download, import all
 * or nothing (or the good rows only), export that re-imports, and the stable errors
 * of a malformed upload.
 */
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centreInput, departmentInput } from '../../../test/factories.ts';
import { createTestContext, role, type Session, type TestContext } from '../../../test/harness.ts';
import { auditLog } from '../../../platform/audit/schema.ts';
import { items } from '../schema.ts';
import { buildItemWorkbook, type ItemRecord } from './export.ts';
import { parseItemWorkbook } from './import.ts';
import { XLSX_TYPE } from './spreadsheet.routes.ts';
import { basicCode, implementationCode, sampleRecord } from './test-fixtures.ts';

let ctx: TestContext;
let manager: Session;
let otherManager: Session;
let centreId: string;

/** Codes unique to this test file (the deployment keeps codes unique across centres). */
const BASE = 700_000 + Math.floor(Math.random() * 200_000);
const record = (i: number, overrides: Partial<ItemRecord> = {}): ItemRecord => ({ ...sampleRecord(BASE + i), ...overrides });

beforeAll(async () => {
  ctx = await createTestContext();
  const admin = await ctx.userWith([role('system_admin')]);
  centreId = (await ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput() })).json().id;
  const otherCentreId = (await ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centreInput({ name: '南昌县政务服务中心', divisionCode: '360121' }) })).json().id;
  manager = await ctx.userWith([role('centre_manager', centreId)]);
  otherManager = await ctx.userWith([role('centre_manager', otherCentreId)]);
  const dep = await ctx.as(manager, { method: 'POST', url: `/api/v1/centres/${centreId}/departments`, payload: departmentInput({ name: '某市市场监督管理局' }) });
  expect(dep.statusCode).toBe(201);
});
afterAll(() => ctx.close());

const upload = (body: Buffer, mode?: string, as: Session = manager, type = XLSX_TYPE) =>
  ctx.as(as, { method: 'POST', url: `/api/v1/centres/${centreId}/items/import${mode ? `?mode=${mode}` : ''}`, headers: { 'content-type': type }, payload: body });

async function countByCode(code: string): Promise<number> {
  const rows = await ctx.deps.db.select().from(items).where(and(eq(items.centreId, centreId), eq(items.implementationCode, code)));
  return rows.length;
}

describe('item workbook routes', () => {
  it('downloads the template as .xlsx with a Chinese file name', async () => {
    const res = await ctx.as(manager, { method: 'GET', url: `/api/v1/centres/${centreId}/items/template.xlsx` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('事项导入模板.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['事项', '申请材料', '说明']);
  });

  it('imports nothing when one row is bad, and names the row and column', async () => {
    const good = record(1);
    const bad = record(2, { guide: { ...record(2).guide, typeCode: '02' } });
    const res = await upload(await buildItemWorkbook([good, bad]));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ imported: 0, issues: [expect.objectContaining({ sheet: '事项', row: 3, column: 'H', code: 'ITEM_TYPE_CODE_MISMATCH' })] });
    expect(await countByCode(good.implementationCode)).toBe(0);
  });

  it('imports the good rows only when asked, each audited, with main → sub → handling resolved by code', async () => {
    const main = record(3);
    const sub = record(4, { itemLevel: 'sub', parentCode: main.implementationCode });
    const handling = record(5, { basicCode: basicCode(BASE + 3), implementationCode: main.implementationCode, handlingCode: `${main.implementationCode}01`, itemLevel: 'handling' });
    const bad = record(6, { guide: { ...record(6).guide, typeCode: '02' } });
    // Rows out of order on purpose: the handling item comes before its parent.
    const res = await upload(await buildItemWorkbook([handling, bad, sub, main]), 'valid-only');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ imported: 3, issues: [{ row: 3, code: 'ITEM_TYPE_CODE_MISMATCH' }] });
    const [mainRow] = await ctx.deps.db.select().from(items).where(eq(items.implementationCode, main.implementationCode));
    const children = await ctx.deps.db.select().from(items).where(eq(items.parentId, mainRow!.id));
    expect(children.map((c) => c.level).sort()).toEqual(['handling', 'sub']);
    const audit = await ctx.deps.db.select().from(auditLog).where(and(eq(auditLog.entity, 'item'), eq(auditLog.entityId, mainRow!.id)));
    expect(audit.map((a) => a.action)).toEqual(['import']);
  });

  it('refuses, in mode all, a code already in the catalogue and imports nothing of the file', async () => {
    const fresh = record(7);
    const taken = record(3); // imported by the previous test
    const res = await upload(await buildItemWorkbook([fresh, taken]));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.imported).toBe(0);
    expect(body.issues).toEqual([expect.objectContaining({ row: 3, column: 'B' })]);
    expect(await countByCode(fresh.implementationCode)).toBe(0);
  });

  it('exports the catalogue so that it re-imports', async () => {
    const res = await ctx.as(manager, { method: 'GET', url: `/api/v1/centres/${centreId}/items/export.xlsx` });
    expect(res.statusCode).toBe(200);
    const { items: parsed, issues } = await parseItemWorkbook(res.rawPayload);
    expect(issues).toEqual([]);
    const main = parsed.find((p) => p.implementationCode === implementationCode(BASE + 3) && p.itemLevel === 'main');
    expect(main?.guide).toEqual(record(3).guide);
    expect(parsed.map((p) => p.itemLevel).sort()).toEqual(['handling', 'main', 'sub']);
  });

  it('answers a malformed file with SHEET_INVALID and JSON with UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await upload(Buffer.from('not a workbook at all'), undefined, manager, 'application/octet-stream');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('SHEET_INVALID');
    // A body well over the API's JSON limit but under 10 MB reaches the parser.
    const corrupt = Buffer.alloc(3 * 1024 * 1024, 7);
    corrupt.write('PK\x03\x04');
    const big = await upload(corrupt);
    expect(big.json().error.code).toBe('SHEET_INVALID');
    const json = await ctx.as(manager, { method: 'POST', url: `/api/v1/centres/${centreId}/items/import`, payload: { a: 1 } });
    expect(json.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers an upload over 10 MB with SHEET_TOO_LARGE', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1);
    big.write('PK\x03\x04');
    const res = await upload(big);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('SHEET_TOO_LARGE');
  });

  it('documents the three operations in the OpenAPI document', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
    expect(Object.keys(doc.paths['/api/v1/centres/{centreId}/items/template.xlsx'] ?? {})).toEqual(['get']);
    expect(Object.keys(doc.paths['/api/v1/centres/{centreId}/items/import'] ?? {})).toEqual(['post']);
    expect(Object.keys(doc.paths['/api/v1/centres/{centreId}/items/export.xlsx'] ?? {})).toEqual(['get']);
  });

  it('refuses another centre’s manager', async () => {
    const res = await upload(await buildItemWorkbook([record(8)]), 'all', otherManager);
    expect(res.statusCode).toBe(403);
  });
});
