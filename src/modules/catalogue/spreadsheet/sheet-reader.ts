/** Reading an uploaded workbook: size limits, headers by name, typed cells with issues by row and column. */
import type ExcelJS from 'exceljs';
import { emptyWorkbook } from './excel.ts';
import { AppError } from '../../../domain/shared/errors.ts';
import { MULTI_SEPARATOR, YES, columnLetter, enumCode, enumLabels, type ColumnSpec, type EnumName } from './columns.ts';

export interface CellIssue {
  readonly sheet: string;
  /** 1-based row number as the spreadsheet program shows it. */
  readonly row: number;
  /** Column letter (A, B, …, AA). */
  readonly column: string;
  readonly code: string;
  readonly message: string;
}


/** The text of a cell whatever Excel stored: number, rich text, formula result, hyperlink. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? YES : '否';
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
  if ('error' in value) return '';
  if ('formula' in value || 'sharedFormula' in value) return value.result === undefined ? '' : cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
  return '';
}

export async function loadWorkbook(buffer: Uint8Array, maxRows: number): Promise<ExcelJS.Workbook> {
  // A zip starts with "PK\x03\x04"; anything else is refused before exceljs sees it.
  if (buffer.length < 4 || buffer[0] !== 0x50 || buffer[1] !== 0x4b || buffer[2] !== 0x03 || buffer[3] !== 0x04) {
    throw new AppError('SHEET_INVALID', { message: '文件不是 .xlsx 格式的表格，请使用下载的事项导入模板' });
  }
  const wb = await emptyWorkbook();
  try {
    // Drop-down lists are not read (a template carries 10,000 rows of them), and
    // exceljs stops at the row limit (+1 for the header) instead of loading everything.
    const options = { ignoreNodes: ['dataValidations', 'conditionalFormatting'], maxRows: maxRows + 1, maxCols: 256 };
    await wb.xlsx.load(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength) as unknown as ArrayBuffer, options);
  } catch (err) {
    if (err instanceof Error && /^Max (row|c) count/.test(err.message)) {
      throw new AppError('SHEET_TOO_LARGE', { message: `表格超过 ${maxRows} 行或 256 列的上限` });
    }
    throw new AppError('SHEET_INVALID', { message: '文件已损坏或不是 .xlsx 格式的表格，无法读取' });
  }
  return wb;
}

/** Header text → 1-based column number on row 1. */
export function headerIndex(ws: ExcelJS.Worksheet): Map<string, number> {
  const map = new Map<string, number>();
  ws.getRow(1).eachCell((cell, n) => {
    const h = cellText(cell.value);
    if (h !== '' && !map.has(h)) map.set(h, n);
  });
  return map;
}

/** Reads and checks the cells of one row against its column specs, collecting issues. */
export class RowReader<K extends string> {
  readonly issues: CellIssue[] = [];
  constructor(
    private readonly sheet: string,
    private readonly rowNumber: number,
    private readonly row: ExcelJS.Row,
    private readonly columns: ReadonlyMap<K, { spec: ColumnSpec<K>; index: number }>,
  ) {}

  letter(key: K): string {
    const c = this.columns.get(key);
    return c ? columnLetter(c.index) : '';
  }

  report(key: K, code: string, message: string): void {
    this.issues.push({ sheet: this.sheet, row: this.rowNumber, column: this.letter(key), code, message });
  }

  text(key: K): string | null {
    const c = this.columns.get(key);
    if (!c) return null;
    const t = cellText(this.row.getCell(c.index).value);
    if (t === '') {
      if (c.spec.required) this.report(key, 'SHEET_CELL_REQUIRED', `“${c.spec.header}”不能为空`);
      return null;
    }
    return t;
  }

  integer(key: K): number | null {
    const t = this.text(key);
    if (t === null) return null;
    if (!/^\d+$/.test(t)) {
      this.report(key, 'SHEET_NUMBER_INVALID', `“${this.header(key)}”应为非负整数，实为“${t}”`);
      return null;
    }
    return Number(t);
  }

  enumValue<T extends string>(key: K, name: EnumName): T | null {
    const t = this.text(key);
    if (t === null) return null;
    const code = enumCode(name, t);
    if (code === undefined) {
      this.report(key, 'SHEET_VALUE_INVALID', `“${this.header(key)}”不能为“${t}”，只能填写：${enumLabels(name).join('、')}`);
      return null;
    }
    return code as T;
  }

  multi<T extends string>(key: K, name: EnumName): T[] | null {
    const t = this.text(key);
    if (t === null) return null;
    const parts = t.split(/[、,，;；\s]+/).filter((p) => p !== '');
    const out: T[] = [];
    const bad: string[] = [];
    for (const p of parts) {
      const code = enumCode(name, p);
      if (code === undefined) bad.push(p);
      else if (!out.includes(code as T)) out.push(code as T);
    }
    if (bad.length > 0) {
      this.report(key, 'SHEET_VALUE_INVALID', `“${this.header(key)}”含有不认识的值“${bad.join(MULTI_SEPARATOR)}”，只能填写：${enumLabels(name).join('、')}`);
      return null;
    }
    return out;
  }

  yesNo(key: K): boolean | null {
    const v = this.enumValue<'yes' | 'no'>(key, 'yesNo');
    return v === null ? null : v === 'yes';
  }

  header(key: K): string {
    return this.columns.get(key)?.spec.header ?? key;
  }
}

export function columnMap<K extends string>(ws: ExcelJS.Worksheet, specs: readonly ColumnSpec<K>[], issues: CellIssue[]): Map<K, { spec: ColumnSpec<K>; index: number }> {
  const headers = headerIndex(ws);
  const map = new Map<K, { spec: ColumnSpec<K>; index: number }>();
  for (const spec of specs) {
    const index = headers.get(spec.header);
    if (index !== undefined) map.set(spec.key, { spec, index });
    else if (spec.required) {
      issues.push({ sheet: ws.name, row: 1, column: '', code: 'SHEET_COLUMN_MISSING', message: `“${ws.name}”表缺少必备列“${spec.header}”` });
    }
  }
  return map;
}

/** Data rows 2..last that hold anything. */
export function dataRows(ws: ExcelJS.Worksheet): { n: number; row: ExcelJS.Row }[] {
  const rows: { n: number; row: ExcelJS.Row }[] = [];
  ws.eachRow((row, n) => {
    if (n > 1 && row.hasValues) rows.push({ n, row });
  });
  return rows;
}

