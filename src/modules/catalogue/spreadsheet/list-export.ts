/**
 * The .xlsx of each list a centre publishes (DB36/T 2016 §8.2): one printable sheet
 * with the list's title, the centre and the date as a heading, then 序号、事项名称、
 * 实施编码、实施部门. The 容缺受理 list adds each tolerated material with its
 * conditions and completion deadline (§8.2.7 明确容缺受理条件范围、补齐材料时限); the
 * "高效办成一件事" list gives the items of each bundle (§8.2.4). Built from the same
 * lists as the public JSON, so only published items appear (§7.3.2.1).
 */
import type ExcelJS from 'exceljs';
import { TIME_LIMIT_UNITS } from '../../../domain/catalogue/codes.ts';
import type { TimeLimit } from '../../../domain/catalogue/guide.ts';
import { PUBLISHED_LISTS, type BundleEntry, type ListEntry, type ListKind, type ToleranceEntry } from '../../../domain/catalogue/lists.ts';
import type { AppDeps } from '../../../platform/deps.ts';
import { requireCentre } from '../../organisation/references.ts';
import { getCentreLists } from '../bundle.service.ts';
import { todayOf } from '../item.service.ts';
import { newWorkbook, toBuffer } from './excel.ts';

/** The rows of one list, by the shape of its sheet. */
export type ListSheet =
  | { readonly shape: 'items'; readonly rows: readonly ListEntry[] }
  | { readonly shape: 'tolerance'; readonly rows: readonly ToleranceEntry[] }
  | { readonly shape: 'bundles'; readonly rows: readonly BundleEntry[] };

export interface ListHeading {
  readonly title: string;
  /** Clause of DB36/T 2016 the list answers, e.g. `§8.2.7`. */
  readonly clause: string;
  readonly centreName: string;
  /** YYYY-MM-DD: the day whose published versions the list shows. */
  readonly asOf: string;
}

type Cell = string | number | null;

const ITEM_HEADERS = ['序号', '事项名称', '实施编码', '实施部门'];
const TOLERANCE_HEADERS = ['容缺材料', '容缺条件', '补齐时限'];
const BUNDLE_HEADERS = ['序号', '一件事名称', '事项名称', '实施编码', '实施部门'];
const WIDTHS: Readonly<Record<string, number>> = { 序号: 6, 事项名称: 40, 实施编码: 36, 实施部门: 28, 容缺材料: 28, 容缺条件: 40, 补齐时限: 14, 一件事名称: 28 };

/** Rows above the data: title, source line, column headers. */
const HEADER_ROW = 3;

export function limitText(limit: TimeLimit | null): string {
  return limit ? `${limit.value}个${TIME_LIMIT_UNITS[limit.unit]}` : '';
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(title: string): string {
  return title.replace(/[:\\/?*[\]]/g, '').slice(0, 31) || '清单';
}

function headersOf(sheet: ListSheet): string[] {
  if (sheet.shape === 'bundles') return BUNDLE_HEADERS;
  return sheet.shape === 'tolerance' ? [...ITEM_HEADERS, ...TOLERANCE_HEADERS] : ITEM_HEADERS;
}

/** Rows of one entry, merged down the first `span` columns when it takes several rows. */
function addBlock(ws: ExcelJS.Worksheet, rows: readonly Cell[][], span: number): void {
  const first = ws.rowCount + 1;
  for (const r of rows) ws.addRow(r);
  const last = ws.rowCount;
  if (last > first) for (let c = 1; c <= span; c++) ws.mergeCells(first, c, last, c);
}

function fill(ws: ExcelJS.Worksheet, sheet: ListSheet): void {
  switch (sheet.shape) {
    case 'items':
      sheet.rows.forEach((r, i) => ws.addRow([i + 1, r.name, r.code, r.department ?? '']));
      return;
    case 'tolerance':
      sheet.rows.forEach((r, i) => {
        const base: Cell[] = [i + 1, r.name, r.code, r.department ?? ''];
        const materials = r.materials.length > 0 ? r.materials : [null];
        addBlock(
          ws,
          materials.map((m) => [...base, m?.name ?? '', m?.conditions ?? '', m ? limitText(m.completionDeadline) : '']),
          base.length,
        );
      });
      return;
    case 'bundles':
      sheet.rows.forEach((b, i) => addBlock(ws, b.items.map((it) => [i + 1, b.name, it.name, it.code, it.department ?? '']), 2));
      return;
  }
}

/** One list as a printable workbook (A4 landscape, headers repeated on every page). */
export async function buildListWorkbook(heading: ListHeading, sheet: ListSheet): Promise<Buffer> {
  const wb = await newWorkbook(heading.title);
  const headers = headersOf(sheet);
  const ws = wb.addWorksheet(sheetName(heading.title), {
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = headers.map((h) => ({ width: WIDTHS[h] ?? 20 }));
  ws.pageSetup.printTitlesRow = `${HEADER_ROW}:${HEADER_ROW}`;

  ws.getCell(1, 1).value = heading.title;
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 28;
  ws.mergeCells(1, 1, 1, headers.length);
  ws.getCell(2, 1).value = `${heading.centreName}　　数据截至：${heading.asOf}　　依据：DB36/T 2016—2024 ${heading.clause}`;
  ws.getCell(2, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, headers.length);
  const headerRow = ws.addRow(headers);
  headerRow.font = { bold: true };
  headerRow.alignment = { horizontal: 'center', vertical: 'middle' };

  if (sheet.rows.length === 0) {
    const empty = ws.addRow(['本清单暂无事项']);
    ws.mergeCells(empty.number, 1, empty.number, headers.length);
    empty.alignment = { horizontal: 'center' };
  } else {
    fill(ws, sheet);
  }

  const thin = { style: 'thin' } as const;
  for (let r = HEADER_ROW; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= headers.length; c++) {
      const cell = row.getCell(c);
      cell.border = { top: thin, left: thin, bottom: thin, right: thin };
      if (r > HEADER_ROW) cell.alignment = { vertical: 'middle', wrapText: true, ...(c === 1 ? { horizontal: 'center' } : {}) };
    }
  }
  return toBuffer(wb);
}

function sheetOf(lists: Awaited<ReturnType<typeof getCentreLists>>, kind: ListKind): ListSheet {
  switch (kind) {
    case 'toleranceAcceptance':
      return { shape: 'tolerance', rows: lists.toleranceAcceptance };
    case 'bundles':
      return { shape: 'bundles', rows: lists.bundles };
    default:
      return { shape: 'items', rows: lists[kind] };
  }
}

export interface ListFile {
  readonly buffer: Buffer;
  /** Chinese file name: the centre's name and the list's title. */
  readonly fileName: string;
  /** ASCII file name for clients without RFC 5987. */
  readonly fallbackName: string;
}

/** §8.2: the list `kind` of the centre as .xlsx, from the published guides that apply today. */
export async function exportList(deps: AppDeps, centreId: string, kind: ListKind): Promise<ListFile> {
  const centre = await requireCentre(deps.db, centreId);
  const lists = await getCentreLists(deps, centreId);
  const { title, clause } = PUBLISHED_LISTS[kind];
  const buffer = await buildListWorkbook({ title, clause, centreName: centre.name, asOf: todayOf(deps) }, sheetOf(lists, kind));
  return { buffer, fileName: `${centre.name}${title}.xlsx`, fallbackName: `${kind}.xlsx` };
}
