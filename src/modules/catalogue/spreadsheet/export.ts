/**
 * The downloadable template (事项导入模板) and the .xlsx export of the catalogue. The
 * export has the template's columns, so an exported file re-imports. The §8.2 lists
 * are exported by list-export.ts.
 */
import type ExcelJS from 'exceljs';
import { newWorkbook, toBuffer } from './excel.ts';
import type { ExerciseLevel } from '../../../domain/catalogue/codes.ts';
import type { ItemGuide, Material, TimeLimit } from '../../../domain/catalogue/guide.ts';
import type { ItemLevel } from '../../../domain/catalogue/hierarchy.ts';
import {
  ENUMS,
  FLAG_COLUMNS,
  HELP_SHEET,
  ITEM_COLUMNS,
  ITEM_SHEET,
  MATERIAL_COLUMNS,
  MATERIAL_SHEET,
  MULTI_SEPARATOR,
  NO,
  STEP_SEPARATOR,
  YES,
  columnLetter,
  enumLabels,
  type ColumnSpec,
  type ItemColumnKey,
  type MaterialColumnKey,
} from './columns.ts';

/** One item as the workbook carries it: its codes and its guide. */
export interface ItemRecord {
  readonly basicCode: string;
  /** 实施编码 (of the parent, for a handling item). */
  readonly implementationCode: string;
  /** 业务办理项编码 of a handling item, else null. */
  readonly handlingCode: string | null;
  /** 主项、子项、办理项 (DB36/T 2016 §7.3.2.2e). */
  readonly itemLevel: ItemLevel;
  /**
   * 上级事项实施编码 as written: the main item of a sub-item. A handling item's parent is
   * the item its implementation code names (see {@link parentCodeOf}).
   */
  readonly parentCode: string | null;
  /** 行使层级; null: taken from the 19th character of the implementation code. */
  readonly level: ExerciseLevel | null;
  /** 进驻部门 name when it differs from the implementing body; null otherwise. */
  readonly departmentName: string | null;
  readonly guide: ItemGuide;
}

/** The implementation code of the record's parent in the hierarchy, or null at the top. */
export function parentCodeOf(record: Pick<ItemRecord, 'itemLevel' | 'parentCode' | 'implementationCode'>): string | null {
  return record.itemLevel === 'handling' ? record.implementationCode : record.parentCode;
}

/** Rows the template leaves room for (and its validation lists cover). */
export const TEMPLATE_ROWS = 10_000;

type Cell = string | number | null;

const yesNo = (v: boolean | null | undefined): Cell => (v === null || v === undefined ? null : v ? YES : NO);

function limitCells(limit: TimeLimit | null | undefined): [Cell, Cell, Cell] {
  if (!limit) return [null, null, null];
  return [limit.value, ENUMS.unit[limit.unit], limit.note ?? null];
}

/** The 事项 row of an item, by column key. */
export function itemCells(record: ItemRecord): Record<ItemColumnKey, Cell> {
  const g = record.guide;
  const [legalLimit, legalUnit, legalNote] = limitCells(g.legalTimeLimit);
  const [promisedLimit, promisedUnit, promisedNote] = limitCells(g.promisedTimeLimit);
  const flags = Object.fromEntries(FLAG_COLUMNS.map((f) => [`flag:${f.flag}`, yesNo(g.flags[f.flag])])) as Record<`flag:${(typeof FLAG_COLUMNS)[number]['flag']}`, Cell>;
  return {
    basicCode: record.basicCode,
    implementationCode: record.implementationCode,
    handlingCode: record.handlingCode,
    itemLevel: ENUMS.itemLevel[record.itemLevel],
    parentCode: record.parentCode,
    name: g.name,
    kind: g.kind === null ? null : ENUMS.kind[g.kind],
    typeCode: g.typeCode,
    level: record.level === null ? null : ENUMS.level[record.level],
    implementerName: g.implementingBody?.name ?? null,
    implementerUscc: g.implementingBody?.uscc ?? null,
    implementerNature: g.implementingBody?.nature ? ENUMS.nature[g.implementingBody.nature] : null,
    department: record.departmentName,
    serviceObjects: g.serviceObjects ? g.serviceObjects.map((o) => ENUMS.serviceObject[o]).join(MULTI_SEPARATOR) : null,
    legalBasis: g.legalBasis,
    legalLimit,
    legalUnit,
    legalNote,
    promisedLimit,
    promisedUnit,
    promisedNote,
    caseKind: g.caseKind === null ? null : ENUMS.caseKind[g.caseKind],
    resultName: g.resultName,
    charged: g.fee === null ? null : yesNo(!g.fee.free),
    feeStandard: g.fee && !g.fee.free ? g.fee.standard : null,
    feeBasis: g.fee && !g.fee.free ? g.fee.basis : null,
    handlingForms: g.handlingForms ? g.handlingForms.map((f) => ENUMS.handlingForm[f]).join(MULTI_SEPARATOR) : null,
    process: g.process ? g.process.map((s) => s.name).join(STEP_SEPARATOR) : null,
    reviewStandard: g.reviewStandard,
    throughScope: g.throughScope === null ? null : ENUMS.throughScope[g.throughScope],
    ...flags,
    noMaterials: g.materials !== null && g.materials.length === 0 ? YES : null,
    place: g.place,
    hours: g.hours,
    consultationPhone: g.consultationPhone,
    supervisionPhone: g.supervisionPhone,
  };
}

/** The 申请材料 row of a material of the item with code `itemCode`. */
export function materialCells(itemCode: string, m: Material): Record<MaterialColumnKey, Cell> {
  const deadline = m.tolerance?.completionDeadline ?? null;
  return {
    itemCode,
    name: m.name,
    issuingBody: m.issuingBody,
    originals: m.originals,
    copies: m.copies,
    required: yesNo(m.required),
    viaDataSharing: yesNo(m.viaDataSharing),
    tolerated: yesNo(m.tolerance !== null),
    toleranceConditions: m.tolerance?.conditions ?? null,
    completionLimit: deadline?.value ?? null,
    completionUnit: deadline ? ENUMS.unit[deadline.unit] : null,
    eLicenceAccepted: yesNo(m.eLicenceAccepted),
    note: m.note ?? null,
  };
}

function addSheet(wb: ExcelJS.Workbook, name: string, columns: readonly ColumnSpec[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    // Codes as text so that leading zeros survive a spreadsheet program.
    style: c.type.kind === 'code' ? { numFmt: '@' } : {},
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.note = c.help;
    if (c.required) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE699' } };
  });
  return ws;
}

/** Drop-down lists on the enumeration columns (multi-value columns are explained on 说明). */
function addValidations(ws: ExcelJS.Worksheet, columns: readonly ColumnSpec[], rows: number): void {
  // exceljs writes a range address as one sqref; its typings only declare per-cell validation.
  const { dataValidations } = ws as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };
  columns.forEach((c, i) => {
    const letter = columnLetter(i + 1);
    const range = `${letter}2:${letter}${rows + 1}`;
    if (c.type.kind === 'enum') {
      dataValidations.add(range, {
        type: 'list',
        allowBlank: !c.required,
        formulae: [`"${enumLabels(c.type.values).join(',')}"`],
        showErrorMessage: true,
        errorTitle: '取值不正确',
        error: `${c.header}只能填写：${enumLabels(c.type.values).join('、')}`,
      });
    } else if (c.type.kind === 'integer') {
      dataValidations.add(range, {
        type: 'whole',
        operator: 'greaterThanOrEqual',
        allowBlank: true,
        formulae: [0],
        showErrorMessage: true,
        errorTitle: '取值不正确',
        error: `${c.header}应为非负整数`,
      });
    }
  });
}

function addHelpSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(HELP_SHEET);
  ws.columns = [
    { header: '工作表', key: 'sheet', width: 12 },
    { header: '列', key: 'letter', width: 6 },
    { header: '列名', key: 'header', width: 26 },
    { header: '必填', key: 'required', width: 8 },
    { header: '说明和允许的值', key: 'help', width: 90 },
  ];
  ws.getRow(1).font = { bold: true };
  const describe = (sheet: string, columns: readonly ColumnSpec[]) =>
    columns.forEach((c, i) => ws.addRow({ sheet, letter: columnLetter(i + 1), header: c.header, required: c.required ? YES : '', help: c.help }));
  describe(ITEM_SHEET, ITEM_COLUMNS);
  describe(MATERIAL_SHEET, MATERIAL_COLUMNS);
  ws.addRow({});
  ws.addRow({ sheet: '填写要求', help: '每行一个事项（主项、子项或办理项）；实施编码（办理项为业务办理项编码）在表内不能重复。' });
  ws.addRow({ sheet: '', help: '申请材料表每行一项材料，以“事项实施编码”对应事项表中的事项。“是/否”列只能填写“是”或“否”。' });
  ws.addRow({ sheet: '', help: '导入时逐个单元格检查，错误按工作表、行号、列号列出；默认任一行有错误则全部不导入，也可选择只导入正确的行。' });
  ws.getColumn('help').alignment = { wrapText: true, vertical: 'top' };
}

function fillItems(wb: ExcelJS.Workbook, items: readonly ItemRecord[], validationRows: number): void {
  const itemSheet = addSheet(wb, ITEM_SHEET, ITEM_COLUMNS);
  const materialSheet = addSheet(wb, MATERIAL_SHEET, MATERIAL_COLUMNS);
  for (const item of items) {
    itemSheet.addRow(itemCells(item));
    const code = item.handlingCode ?? item.implementationCode;
    for (const m of item.guide.materials ?? []) materialSheet.addRow(materialCells(code, m));
  }
  addValidations(itemSheet, ITEM_COLUMNS, validationRows);
  addValidations(materialSheet, MATERIAL_COLUMNS, validationRows);
  addHelpSheet(wb);
}

/** The empty import template: 事项, 申请材料 and 说明 sheets, with drop-down lists. */
export async function buildTemplate(): Promise<Buffer> {
  const wb = await newWorkbook('政务服务事项导入模板');
  fillItems(wb, [], TEMPLATE_ROWS);
  return toBuffer(wb);
}

/** The catalogue as a workbook with the template's columns (re-importable). */
export async function buildItemWorkbook(items: readonly ItemRecord[]): Promise<Buffer> {
  const wb = await newWorkbook('政务服务事项目录');
  fillItems(wb, items, Math.max(items.length, 1));
  return toBuffer(wb);
}
