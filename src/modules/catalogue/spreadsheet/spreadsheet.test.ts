/**
 * Item import and export as .xlsx (issue 3 "Spreadsheets" and "Bad input"): the
 * template, every bad cell reported with its row and column, round trips, and the
 * stable errors of a malformed or oversized file.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { guide, material } from '../../../domain/catalogue/test-fixtures.ts';
import { AppError } from '../../../domain/shared/errors.ts';
import { ITEM_COLUMNS, MATERIAL_COLUMNS } from './columns.ts';
import { buildItemWorkbook, buildTemplate, type ItemRecord } from './export.ts';
import { parseItemWorkbook, type ParsedItem } from './import.ts';
import { FIXTURE_USCC, basicCode, implementationCode, sampleRecord, variedRecords } from './test-fixtures.ts';

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

async function save(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** Writes a row by header text, as a person filling the template would. */
function fill(ws: ExcelJS.Worksheet, row: number, values: Record<string, string | number>): void {
  const headers = new Map<string, number>();
  ws.getRow(1).eachCell((c, n) => headers.set(String(c.value), n));
  for (const [header, value] of Object.entries(values)) {
    const n = headers.get(header);
    if (n === undefined) throw new Error(`no column ${header}`);
    ws.getRow(row).getCell(n).value = value;
  }
}

/** What the parser adds to a record: its row and the department to resolve. */
function strip(item: ParsedItem): ItemRecord {
  const { row: _row, department: _department, ...record } = item;
  return record;
}

async function parseError(buffer: Uint8Array, maxRows?: number): Promise<AppError> {
  const err = await parseItemWorkbook(buffer, { maxRows }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

const IMPL = implementationCode(7);

/** One complete row of the 事项 sheet in Chinese (DB36/T 2016 §7.3.3.3). */
const ROW = {
  基本编码: basicCode(7),
  实施编码: IMPL,
  事项名称: '食品经营许可证核发',
  事项类型: '行政许可',
  事项类型代码: '01',
  行使层级: '县级',
  实施机构: '某市市场监督管理局',
  实施机构统一社会信用代码: FIXTURE_USCC,
  实施主体性质: '法定机关',
  服务对象: '自然人、企业法人',
  设定依据: '《中华人民共和国食品安全法》第三十五条',
  法定办结时限: 20,
  法定办结时限单位: '工作日',
  承诺办结时限: 5,
  承诺办结时限单位: '工作日',
  承诺办结时限说明: '不含现场核查时间',
  办件类型: '承诺件',
  结果名称: '食品经营许可证',
  是否收费: '否',
  办理形式: '窗口办理、电脑端网上办理',
  办理流程: '申请→受理→审查→决定→送达',
  审查标准: '申请材料齐全、符合法定形式',
  通办范围: '全市',
  预约办理: '是',
  网上支付: '否',
  物流快递: '是',
  帮代办: '是',
  告知承诺: '否',
  办理地点: '市政务服务中心一楼 A 区 5 号窗口',
  办理时间: '工作日 9:00–12:00，13:30–17:00',
  咨询电话: '0791-12345678',
  监督电话: '0791-12345',
};

const MATERIAL_ROWS: Record<string, string | number>[] = [
  { 事项实施编码: IMPL, 材料名称: '居民身份证', 出具机构: '公安机关', 原件份数: 1, 复印件份数: 1, 是否必备: '是', 可共享获取: '否', 可容缺: '否', 接受电子证照: '否' },
  { 事项实施编码: IMPL, 材料名称: '食品经营许可申请书', 原件份数: 1, 复印件份数: 0, 是否必备: '是', 可共享获取: '否', 可容缺: '否', 接受电子证照: '否' },
];

async function filledTemplate(): Promise<ExcelJS.Workbook> {
  const wb = await load(await buildTemplate());
  fill(sheet(wb, '事项'), 2, ROW);
  MATERIAL_ROWS.forEach((m, i) => fill(sheet(wb, '申请材料'), i + 2, m));
  return wb;
}

describe('the import template', () => {
  it('has the 事项, 申请材料 and 说明 sheets with every column in Chinese and drop-down lists', async () => {
    const wb = await load(await buildTemplate());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['事项', '申请材料', '说明']);
    const headers = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers(sheet(wb, '事项'))).toEqual(ITEM_COLUMNS.map((c) => c.header));
    expect(headers(sheet(wb, '申请材料'))).toEqual(MATERIAL_COLUMNS.map((c) => c.header));
    // §7.3.3.3 elements and §8.2 flags are all there.
    for (const h of ['设定依据', '法定办结时限', '承诺办结时限单位', '办件类型', '收费依据', '办理形式', '通办范围', '预约办理', '网上支付', '物流快递', '监督电话', '容缺受理', '跨省通办', '免证办', '24小时自助办理']) {
      expect(headers(sheet(wb, '事项'))).toContain(h);
    }
    const kindColumn = ITEM_COLUMNS.findIndex((c) => c.header === '事项类型') + 1;
    const validation = sheet(wb, '事项').getRow(500).getCell(kindColumn).dataValidation;
    expect(validation.type).toBe('list');
    expect(String(validation.formulae[0])).toContain('行政许可');
    const help = sheet(wb, '说明');
    const helpRows: string[] = [];
    help.eachRow((r) => helpRows.push((r.values as unknown[]).join('|')));
    expect(helpRows.some((r) => r.includes('办件类型') && r.includes('即办件、承诺件、其他'))).toBe(true);
  });

  it('filled in programmatically, parses to exactly the guide that was written', async () => {
    const { items, issues } = await parseItemWorkbook(await save(await filledTemplate()));
    expect(issues).toEqual([]);
    const expected: ParsedItem = {
      row: 2,
      basicCode: basicCode(7),
      implementationCode: IMPL,
      handlingCode: null,
      itemLevel: 'main',
      parentCode: null,
      level: '4',
      departmentName: null,
      department: { name: '某市市场监督管理局', uscc: FIXTURE_USCC },
      guide: guide({
        legalTimeLimit: { value: 20, unit: 'working_day' },
        resultSampleFileId: null,
        materials: [material(), material({ name: '食品经营许可申请书', issuingBody: null, copies: 0 })],
        flags: { ...guide().flags, agencyHelp: true },
      }),
    };
    expect(items).toEqual([expected]);
  });
});

describe('bad cells', () => {
  it('reports each bad cell with its sheet, row, column letter and code, and keeps only the good rows', async () => {
    const wb = await filledTemplate();
    const items = sheet(wb, '事项');
    const wrongCheck = `${FIXTURE_USCC.slice(0, 17)}${FIXTURE_USCC[17] === 'A' ? 'B' : 'A'}`;
    // Row 3: a good second item.
    fill(items, 3, { ...ROW, 基本编码: basicCode(8), 实施编码: implementationCode(8) });
    // Row 4: basic code of wrong length and charset, type code contradicting the type, time limit not a number.
    fill(items, 4, { ...ROW, 基本编码: 'ab-1', 实施编码: implementationCode(9), 事项类型代码: '02', 法定办结时限: '二十' });
    // Row 5: failing USCC check character, unknown enumeration value.
    fill(items, 5, { ...ROW, 基本编码: basicCode(10), 实施编码: implementationCode(10), 实施机构统一社会信用代码: wrongCheck, 办件类型: '加急件', 办理形式: '窗口办理、飞鸽传书' });
    // Row 6: the implementation code of row 2 again.
    fill(items, 6, ROW);
    // Row 7: implementation code of the wrong length.
    fill(items, 7, { ...ROW, 基本编码: basicCode(11), 实施编码: '123' });
    // 申请材料 row 4: an item code that is not on the 事项 sheet; row 5: copies not a number.
    fill(sheet(wb, '申请材料'), 4, { ...MATERIAL_ROWS[0]!, 事项实施编码: implementationCode(99) });
    fill(sheet(wb, '申请材料'), 5, { ...MATERIAL_ROWS[0]!, 事项实施编码: implementationCode(8), 复印件份数: '一份' });

    const result = await parseItemWorkbook(await save(wb));
    const letter = (header: string, columns: readonly { header: string }[] = ITEM_COLUMNS) => {
      const n = columns.findIndex((c) => c.header === header) + 1;
      return n <= 26 ? String.fromCharCode(64 + n) : `A${String.fromCharCode(64 + n - 26)}`;
    };
    const found = result.issues.map((i) => `${i.sheet}!${i.column}${i.row} ${i.code}`);
    const expected = [
      `事项!${letter('基本编码')}4 ITEM_BASIC_CODE_INVALID`,
      `事项!${letter('事项类型代码')}4 ITEM_TYPE_CODE_MISMATCH`,
      `事项!${letter('法定办结时限')}4 SHEET_NUMBER_INVALID`,
      `事项!${letter('实施机构统一社会信用代码')}5 USCC_INVALID`,
      `事项!${letter('实施编码')}5 ITEM_IMPLEMENTATION_USCC_MISMATCH`,
      `事项!${letter('办件类型')}5 SHEET_VALUE_INVALID`,
      `事项!${letter('办理形式')}5 SHEET_VALUE_INVALID`,
      `事项!${letter('实施编码')}6 SHEET_CODE_DUPLICATE`,
      `事项!${letter('实施编码')}7 ITEM_IMPLEMENTATION_CODE_INVALID`,
      `申请材料!${letter('事项实施编码', MATERIAL_COLUMNS)}4 SHEET_ITEM_UNKNOWN`,
      `申请材料!${letter('复印件份数', MATERIAL_COLUMNS)}5 SHEET_NUMBER_INVALID`,
    ];
    for (const e of expected) expect(found).toContain(e);
    // The basic code breaks both length and charset: two issues on one cell.
    expect(found.filter((f) => f === `事项!${letter('基本编码')}4 ITEM_BASIC_CODE_INVALID`)).toHaveLength(2);
    // Every issue names a column and carries a Chinese message.
    for (const i of result.issues) {
      expect(i.column).toMatch(/^[A-Z]+$/);
      expect(i.message).toMatch(/[\u4e00-\u9fff]/);
    }
    // Row 2 is good; row 3 is bad through its material on 申请材料 row 5.
    expect(result.items.map((i) => i.row)).toEqual([2]);
    expect(result.issues.find((i) => i.code === 'SHEET_CODE_DUPLICATE')?.message).toContain('第 2 行');
  });

  it('reports guide contradictions on the cell at fault (DB36/T 2016 §8.1.2.3c, §8.2.6)', async () => {
    const wb = await filledTemplate();
    fill(sheet(wb, '事项'), 2, { 跨省通办: '是' });
    fill(sheet(wb, '申请材料'), 2, { 可共享获取: '是' });
    const { items, issues } = await parseItemWorkbook(await save(wb));
    expect(items).toEqual([]);
    const at = issues.map((i) => `${i.sheet}!${i.row} ${i.code}`).sort();
    expect(at).toEqual(['事项!2 ITEM_THROUGH_SCOPE_CONFLICT', '申请材料!2 ITEM_SHARED_MATERIAL_REQUESTED']);
  });

  it('names each missing required column', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('事项');
    ws.addRow(['基本编码', '事项名称', '事项类型']);
    ws.addRow([basicCode(1), '某事项', '行政许可']);
    const { items, issues } = await parseItemWorkbook(await save(wb));
    expect(items).toEqual([]);
    expect(issues.filter((i) => i.code === 'SHEET_COLUMN_MISSING').map((i) => i.message)).toEqual(
      ['实施编码', '事项类型代码', '实施机构', '实施机构统一社会信用代码'].map((h) => `“事项”表缺少必备列“${h}”`),
    );
  });

  it('reports an empty required cell', async () => {
    const wb = await filledTemplate();
    sheet(wb, '事项').getRow(2).getCell(ITEM_COLUMNS.findIndex((c) => c.header === '事项名称') + 1).value = null;
    const { issues } = await parseItemWorkbook(await save(wb));
    const column = String.fromCharCode(64 + ITEM_COLUMNS.findIndex((c) => c.header === '事项名称') + 1);
    expect(column).toBe('F');
    expect(issues).toEqual([expect.objectContaining({ sheet: '事项', row: 2, column, code: 'SHEET_CELL_REQUIRED' })]);
  });

  it('checks the hierarchy of main item, sub-item and handling item (DB36/T 2016 §7.3.2.2e)', async () => {
    const wb = await filledTemplate();
    const items = sheet(wb, '事项');
    const otherBody = `${IMPL.slice(0, 18)}3${basicCode(21)}`;
    // Row 3: a good sub-item of row 2; row 4: a sub-item under the sub-item of row 3.
    fill(items, 3, { ...ROW, 基本编码: basicCode(20), 实施编码: implementationCode(20), 上级事项实施编码: IMPL });
    fill(items, 4, { ...ROW, 基本编码: basicCode(22), 实施编码: implementationCode(22), 上级事项实施编码: implementationCode(20) });
    // Row 5: a sub-item at another level (行使层级 3) than its main item.
    fill(items, 5, { ...ROW, 基本编码: basicCode(21), 实施编码: otherBody, 行使层级: '市级', 上级事项实施编码: IMPL });
    // Row 6: declared a main item but carrying a handling code.
    fill(items, 6, { ...ROW, 事项层级: '主项', 业务办理项编码: `${IMPL}01` });
    const { items: parsed, issues } = await parseItemWorkbook(await save(wb));
    const parentColumn = String.fromCharCode(64 + ITEM_COLUMNS.findIndex((c) => c.header === '上级事项实施编码') + 1);
    const handlingColumn = String.fromCharCode(64 + ITEM_COLUMNS.findIndex((c) => c.header === '业务办理项编码') + 1);
    expect(issues.map((i) => `${i.column}${i.row} ${i.code}`)).toEqual([
      `${parentColumn}4 ITEM_HIERARCHY_LEVEL_INVALID`,
      `${parentColumn}5 ITEM_HIERARCHY_CODE_MISMATCH`,
      `${handlingColumn}6 ITEM_HIERARCHY_LEVEL_INVALID`,
    ]);
    expect(parsed.map((i) => [i.row, i.itemLevel, i.parentCode])).toEqual([
      [2, 'main', null],
      [3, 'sub', IMPL],
    ]);
  });
});

describe('export', () => {
  it('re-imports: export → parse gives back every record', async () => {
    const records = variedRecords();
    const { items, issues } = await parseItemWorkbook(await buildItemWorkbook(records));
    expect(issues).toEqual([]);
    expect(items.map(strip)).toEqual(records);
    expect(items.map((i) => i.row)).toEqual([2, 3, 4, 5, 6]);
    expect(items[1]!.department).toEqual({ name: '某市政务服务数据管理局', uscc: null });
  });
});

describe('malformed and oversized files', () => {
  it('refuses random bytes, a zip that is no workbook and a workbook without the 事项 sheet with SHEET_INVALID', async () => {
    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    expect((await parseError(random)).code).toBe('SHEET_INVALID');
    const fakeZip = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from(random)]);
    expect((await parseError(fakeZip)).code).toBe('SHEET_INVALID');
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').addRow(['a']);
    const err = await parseError(await save(other));
    expect(err.code).toBe('SHEET_INVALID');
    expect(err.message).toContain('事项');
  });

  it('refuses a file over 10 MB with SHEET_TOO_LARGE', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1);
    big.write('PK\x03\x04');
    expect((await parseError(big)).code).toBe('SHEET_TOO_LARGE');
  });

  it('refuses more rows than allowed with SHEET_TOO_LARGE (10,000 by default)', async () => {
    const small = await buildItemWorkbook(Array.from({ length: 6 }, (_, i) => sampleRecord(i)));
    expect((await parseError(small, 5)).code).toBe('SHEET_TOO_LARGE');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('事项');
    ws.addRow(ITEM_COLUMNS.map((c) => c.header));
    for (let i = 0; i < 10_001; i++) ws.addRow([basicCode(i)]);
    const err = await parseError(await save(wb));
    expect(err.code).toBe('SHEET_TOO_LARGE');
    expect(err.message).toContain('10000');
  });
});

describe('a 5,000-row workbook', () => {
  it('builds and parses every row', async () => {
    const records = Array.from({ length: 5000 }, (_, i) => sampleRecord(i));
    const t0 = performance.now();
    const buffer = await buildItemWorkbook(records);
    const t1 = performance.now();
    const { items, issues } = await parseItemWorkbook(buffer);
    const t2 = performance.now();
    // Timing is printed, not asserted: bench/catalogue-import.ts holds the 15 s figure.
    console.log(`5,000 rows: build ${Math.round(t1 - t0)} ms, parse ${Math.round(t2 - t1)} ms, ${(buffer.length / 1024).toFixed(0)} KiB`);
    expect(issues).toEqual([]);
    expect(items).toHaveLength(5000);
    expect(strip(items[4999]!)).toEqual(records[4999]);
  });
});
