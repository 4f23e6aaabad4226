/**
 * Parsing an item workbook (issue 3 "Spreadsheets"): every bad cell is reported with
 * its sheet, row, column letter, stable code and Chinese message, using the domain
 * checks of the codes (DB36/T 2016 §7.3.3.2) and of the guide (§7.3.3.3, §8.1.2.3, §8.2).
 * Rows without any issue come back as items; the caller decides whether one issue
 * refuses the whole file.
 */
import { validateBasicCode, validateHandlingCode, validateImplementationCode, validateTypeCode, type CaseKind, type ExerciseLevel, type HandlingForm, type ImplementerNature, type ItemKind, type ServiceObject, type ThroughScope, type TimeLimitUnit } from '../../../domain/catalogue/codes.ts';
import { checkGuideConsistency, type Fee, type ItemFlags, type ItemGuide, type Material, type TimeLimit } from '../../../domain/catalogue/guide.ts';
import { checkPlacement, type HierarchyNode, type ItemLevel } from '../../../domain/catalogue/hierarchy.ts';
import { AppError, type FieldIssue } from '../../../domain/shared/errors.ts';
import { FLAG_COLUMNS, ITEM_COLUMNS, ITEM_SHEET, MATERIAL_COLUMNS, MATERIAL_SHEET, NULLABLE_FLAGS, columnLetter, type ColumnSpec, type ItemColumnKey, type MaterialColumnKey } from './columns.ts';
import { parentCodeOf, type ItemRecord } from './export.ts';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_ROWS = 10_000;


/** What createItem needs; the department is resolved by the caller from its name or USCC. */
export interface ParsedItem extends ItemRecord {
  /** Row on the 事项 sheet. */
  readonly row: number;
  readonly department: { readonly name: string | null; readonly uscc: string | null };
}

export interface ParseResult {
  readonly items: ParsedItem[];
  readonly issues: CellIssue[];
  /** Where each column of the 事项 sheet was found, for issues a caller finds later. */
  readonly itemColumns: Partial<Record<ItemColumnKey, string>>;
}

export interface ParseOptions {
  /** Most data rows per sheet (default and ceiling 10,000). */
  readonly maxRows?: number;
}

import { columnMap, dataRows, loadWorkbook, RowReader, type CellIssue } from './sheet-reader.ts';

export type { CellIssue } from './sheet-reader.ts';

function timeLimit(value: number | null, unit: TimeLimitUnit | null, note: string | null): TimeLimit | null {
  if (value === null || unit === null) return null;
  return note === null ? { value, unit } : { value, unit, note };
}

function node(r: Pick<ItemRecord, 'itemLevel' | 'parentCode' | 'implementationCode' | 'handlingCode'>): HierarchyNode {
  const id = r.handlingCode ?? r.implementationCode;
  return { id, level: r.itemLevel, parentId: parentCodeOf(r), implementationCode: r.implementationCode, handlingCode: r.handlingCode };
}

interface DraftItem {
  readonly record: Omit<ParsedItem, 'guide'> & { guide: ItemGuide };
  readonly reader: RowReader<ItemColumnKey>;
  readonly key: string;
  materials: { material: Material; reader: RowReader<MaterialColumnKey> }[];
  /** Material rows of this item that could not be read (e.g. no name): they fail the item too. */
  unreadable: RowReader<MaterialColumnKey>[];
}

function readItem(reader: RowReader<ItemColumnKey>, n: number): DraftItem | null {
  const basicCode = reader.text('basicCode');
  const implementationCode = reader.text('implementationCode');
  const handlingCode = reader.text('handlingCode');
  const levelCell = reader.enumValue<ItemLevel>('itemLevel', 'itemLevel');
  const parentCode = reader.text('parentCode');
  const itemLevel: ItemLevel = levelCell ?? (handlingCode !== null ? 'handling' : parentCode !== null ? 'sub' : 'main');
  // DB36/T 2016 §7.3.2.2e: which codes each level carries.
  if (itemLevel === 'handling' && handlingCode === null) reader.report('handlingCode', 'SHEET_CELL_REQUIRED', '办理项须填写业务办理项编码');
  if (itemLevel !== 'handling' && handlingCode !== null) {
    reader.report('handlingCode', 'ITEM_HIERARCHY_LEVEL_INVALID', '只有办理项填写业务办理项编码，主项、子项应留空（DB36/T 2016 §7.3.2.2e）');
  }
  if (itemLevel === 'sub' && parentCode === null) reader.report('parentCode', 'SHEET_CELL_REQUIRED', '子项须填写所属主项的实施编码（DB36/T 2016 §7.3.2.2e）');
  if (itemLevel === 'main' && parentCode !== null) reader.report('parentCode', 'ITEM_HIERARCHY_LEVEL_INVALID', '主项不能有上级事项，“上级事项实施编码”应留空（DB36/T 2016 §7.3.2.2e）');
  if (itemLevel === 'handling' && parentCode !== null && implementationCode !== null && parentCode !== implementationCode) {
    reader.report('parentCode', 'ITEM_HIERARCHY_CODE_MISMATCH', `办理项的上级事项即实施编码“${implementationCode}”所指事项，“上级事项实施编码”应留空或与之相同`);
  }
  const name = reader.text('name');
  const kind = reader.enumValue<ItemKind>('kind', 'kind');
  const typeCode = reader.text('typeCode');
  const level = reader.enumValue<ExerciseLevel>('level', 'level');
  const implementerName = reader.text('implementerName');
  const implementerUscc = reader.text('implementerUscc');
  const nature = reader.enumValue<ImplementerNature>('implementerNature', 'nature');
  const departmentName = reader.text('department');
  const serviceObjects = reader.multi<ServiceObject>('serviceObjects', 'serviceObject');
  const legalBasis = reader.text('legalBasis');
  const legal = timeLimit(reader.integer('legalLimit'), reader.enumValue<TimeLimitUnit>('legalUnit', 'unit'), reader.text('legalNote'));
  const promised = timeLimit(reader.integer('promisedLimit'), reader.enumValue<TimeLimitUnit>('promisedUnit', 'unit'), reader.text('promisedNote'));
  for (const [value, unit, label] of [
    ['legalLimit', 'legalUnit', '法定办结时限'],
    ['promisedLimit', 'promisedUnit', '承诺办结时限'],
  ] as const) {
    // A value without its unit (or the reverse) cannot be read as a time limit.
    const hasValue = reader.text(value) !== null;
    const hasUnit = reader.text(unit) !== null;
    if (hasValue !== hasUnit) reader.report(hasValue ? unit : value, 'SHEET_CELL_REQUIRED', `${label}须同时填写数值和单位`);
  }
  const caseKind = reader.enumValue<CaseKind>('caseKind', 'caseKind');
  const resultName = reader.text('resultName');
  const charged = reader.yesNo('charged');
  const feeStandard = reader.text('feeStandard');
  const feeBasis = reader.text('feeBasis');
  const fee: Fee | null = charged === null ? (feeStandard || feeBasis ? { free: false, standard: feeStandard, basis: feeBasis } : null) : charged ? { free: false, standard: feeStandard, basis: feeBasis } : { free: true };
  const handlingForms = reader.multi<HandlingForm>('handlingForms', 'handlingForm');
  const processText = reader.text('process');
  const process = processText === null ? null : processText.split(/\s*(?:→|->|＞|>)\s*/).filter((s) => s !== '').map((s) => ({ name: s }));
  const reviewStandard = reader.text('reviewStandard');
  const throughScope = reader.enumValue<ThroughScope>('throughScope', 'throughScope');
  const flags = Object.fromEntries(
    FLAG_COLUMNS.map((f) => {
      const v = reader.yesNo(`flag:${f.flag}`);
      return [f.flag, v ?? (NULLABLE_FLAGS.has(f.flag) ? null : false)];
    }),
  ) as unknown as ItemFlags;
  const noMaterials = reader.yesNo('noMaterials');

  const guide: ItemGuide = {
    name,
    kind,
    typeCode,
    legalBasis,
    implementingBody: implementerName === null && implementerUscc === null && nature === null ? null : { name: implementerName, uscc: implementerUscc, nature },
    legalTimeLimit: legal,
    promisedTimeLimit: promised,
    caseKind,
    resultName,
    resultSampleFileId: null,
    fee,
    materials: noMaterials ? [] : null,
    process,
    handlingForms,
    reviewStandard,
    throughScope,
    serviceObjects,
    place: reader.text('place'),
    hours: reader.text('hours'),
    consultationPhone: reader.text('consultationPhone'),
    supervisionPhone: reader.text('supervisionPhone'),
    flags,
  };

  // DB36/T 2016 §7.3.3.2: the codes, each on its own cell.
  const fieldIssues = (key: ItemColumnKey, list: readonly FieldIssue[]) => list.forEach((i) => reader.report(key, i.code, i.message));
  if (basicCode !== null) fieldIssues('basicCode', validateBasicCode(basicCode));
  if (implementationCode !== null) {
    fieldIssues('implementationCode', validateImplementationCode(implementationCode, { basicCode, implementerUscc }));
    const digit = implementationCode.slice(18, 19);
    if (level !== null && implementationCode.length === 31 && digit !== level) {
      reader.report('level', 'SHEET_VALUE_INVALID', `行使层级“${reader.text('level') ?? ''}”与实施编码第 19 位“${digit}”不一致`);
    }
  }
  if (handlingCode !== null) fieldIssues('handlingCode', validateHandlingCode(handlingCode, implementationCode));
  if (typeCode !== null && kind === null) fieldIssues('typeCode', validateTypeCode(typeCode));
  if (basicCode === null || implementationCode === null) return null;
  return {
    record: {
      row: n,
      basicCode,
      implementationCode,
      handlingCode,
      itemLevel,
      parentCode,
      level,
      departmentName,
      department: { name: departmentName ?? implementerName, uscc: departmentName === null ? implementerUscc : null },
      guide,
    },
    reader,
    key: handlingCode ?? implementationCode,
    materials: [],
    unreadable: [],
  };
}

function readMaterial(reader: RowReader<MaterialColumnKey>): { itemCode: string | null; material: Material | null } {
  const itemCode = reader.text('itemCode');
  const name = reader.text('name');
  const issuingBody = reader.text('issuingBody');
  const originals = reader.integer('originals');
  const copies = reader.integer('copies');
  const required = reader.yesNo('required');
  const viaDataSharing = reader.yesNo('viaDataSharing');
  const tolerated = reader.yesNo('tolerated');
  const conditions = reader.text('toleranceConditions');
  const completion = timeLimit(reader.integer('completionLimit'), reader.enumValue<TimeLimitUnit>('completionUnit', 'unit'), null);
  const eLicenceAccepted = reader.yesNo('eLicenceAccepted');
  const note = reader.text('note');
  if (name === null) return { itemCode, material: null };
  const material: Material = {
    name,
    issuingBody,
    originals: originals ?? 0,
    copies: copies ?? 0,
    required: required ?? false,
    viaDataSharing: viaDataSharing ?? false,
    tolerance: tolerated ? { conditions, completionDeadline: completion } : null,
    blankFormFileId: null,
    sampleFileId: null,
    eLicenceAccepted: eLicenceAccepted ?? false,
    ...(note === null ? {} : { note }),
  };
  return { itemCode, material };
}

const ITEM_PATH_COLUMN: Readonly<Record<string, ItemColumnKey>> = {
  '/name': 'name',
  '/kind': 'kind',
  '/typeCode': 'typeCode',
  '/legalBasis': 'legalBasis',
  '/implementingBody': 'implementerName',
  '/implementingBody/name': 'implementerName',
  '/implementingBody/uscc': 'implementerUscc',
  '/legalTimeLimit': 'legalLimit',
  '/legalTimeLimit/value': 'legalLimit',
  '/promisedTimeLimit': 'promisedLimit',
  '/promisedTimeLimit/value': 'promisedLimit',
  '/caseKind': 'caseKind',
  '/resultName': 'resultName',
  '/fee': 'charged',
  '/fee/standard': 'feeStandard',
  '/fee/basis': 'feeBasis',
  '/materials': 'noMaterials',
  '/process': 'process',
  '/handlingForms': 'handlingForms',
  '/reviewStandard': 'reviewStandard',
  '/throughScope': 'throughScope',
  ...Object.fromEntries(FLAG_COLUMNS.map((f) => [`/flags/${f.flag}`, `flag:${f.flag}` as const])),
};

const MATERIAL_FIELD_COLUMN: Readonly<Record<string, MaterialColumnKey>> = {
  name: 'name',
  originals: 'originals',
  copies: 'copies',
  viaDataSharing: 'viaDataSharing',
  tolerance: 'completionLimit',
  required: 'required',
};

/** DB36/T 2016 §7.3.3.3, §8.1.2.3, §8.2: the guide's consistency issues, placed on their cells. */
function placeGuideIssues(item: DraftItem): void {
  for (const issue of checkGuideConsistency(item.record.guide)) {
    const m = /^\/materials\/(\d+)\/(\w+)/.exec(issue.path);
    if (m) {
      const at = item.materials[Number(m[1])];
      if (at) {
        at.reader.report(MATERIAL_FIELD_COLUMN[m[2]!] ?? 'name', issue.code, issue.message);
        continue;
      }
    }
    item.reader.report(ITEM_PATH_COLUMN[issue.path] ?? 'name', issue.code, issue.message);
  }
}

/**
 * Parses an item workbook. Throws SHEET_INVALID for a file that is not an .xlsx or has
 * no 事项 sheet, SHEET_TOO_LARGE above 10 MB or `maxRows` data rows; otherwise returns
 * the rows without any issue as items and every issue found.
 */
export async function parseItemWorkbook(buffer: Uint8Array, options: ParseOptions = {}): Promise<ParseResult> {
  const maxRows = Math.min(options.maxRows ?? MAX_ROWS, MAX_ROWS);
  if (buffer.byteLength > MAX_FILE_BYTES) {
    throw new AppError('SHEET_TOO_LARGE', { message: `导入文件为 ${(buffer.byteLength / 1024 / 1024).toFixed(1)} MB，超过 10 MB 的上限` });
  }
  const wb = await loadWorkbook(buffer, maxRows);
  const itemSheet = wb.getWorksheet(ITEM_SHEET);
  if (!itemSheet) {
    throw new AppError('SHEET_INVALID', { message: `表格中没有“${ITEM_SHEET}”工作表，请使用下载的事项导入模板` });
  }
  const materialSheet = wb.getWorksheet(MATERIAL_SHEET);
  const itemRows = dataRows(itemSheet);
  const materialRows = materialSheet ? dataRows(materialSheet) : [];
  for (const [sheet, rows] of [
    [ITEM_SHEET, itemRows],
    [MATERIAL_SHEET, materialRows],
  ] as const) {
    if (rows.length > maxRows) {
      throw new AppError('SHEET_TOO_LARGE', { message: `“${sheet}”表有 ${rows.length} 行数据，超过 ${maxRows} 行的上限` });
    }
  }

  const issues: CellIssue[] = [];
  const itemColumns = columnMap(itemSheet, ITEM_COLUMNS, issues);
  const materialColumns = materialSheet ? columnMap(materialSheet, MATERIAL_COLUMNS, issues) : new Map<MaterialColumnKey, { spec: ColumnSpec<MaterialColumnKey>; index: number }>();
  // Without the columns that identify an item nothing else can be read meaningfully.
  const letters: Partial<Record<ItemColumnKey, string>> = Object.fromEntries([...itemColumns].map(([k, c]) => [k, columnLetter(c.index)]));
  if (issues.length > 0) return { items: [], issues, itemColumns: letters };

  const drafts: DraftItem[] = [];
  const byKey = new Map<string, DraftItem>();
  const readers: RowReader<string>[] = [];
  for (const { n, row } of itemRows) {
    const reader = new RowReader<ItemColumnKey>(ITEM_SHEET, n, row, itemColumns);
    readers.push(reader);
    const draft = readItem(reader, n);
    if (!draft) continue;
    const first = byKey.get(draft.key);
    if (first) {
      reader.report(draft.record.handlingCode ? 'handlingCode' : 'implementationCode', 'SHEET_CODE_DUPLICATE', `编码“${draft.key}”与第 ${first.record.row} 行重复`);
      continue;
    }
    byKey.set(draft.key, draft);
    drafts.push(draft);
  }

  const orphanReaders: RowReader<MaterialColumnKey>[] = [];
  for (const { n, row } of materialRows) {
    const reader = new RowReader<MaterialColumnKey>(MATERIAL_SHEET, n, row, materialColumns);
    const { itemCode, material } = readMaterial(reader);
    const owner = itemCode === null ? undefined : byKey.get(itemCode);
    if (itemCode !== null && !owner) {
      reader.report('itemCode', 'SHEET_ITEM_UNKNOWN', `“${ITEM_SHEET}”表中没有编码为“${itemCode}”的事项`);
    }
    if (owner && material) owner.materials.push({ material, reader });
    else if (owner) owner.unreadable.push(reader);
    else orphanReaders.push(reader);
  }

  // DB36/T 2016 §7.3.2.2e: a sub-item's main item, when in the same file, must be a main
  // item and implemented by the same body at the same level. A parent not in the file
  // is resolved by the caller against the catalogue.
  for (const draft of drafts) {
    const r = draft.record;
    if (r.itemLevel !== 'sub' || r.parentCode === null) continue;
    const inFile = byKey.get(r.parentCode);
    const parent: HierarchyNode = inFile
      ? node(inFile.record)
      : { id: r.parentCode, level: 'main', parentId: null, implementationCode: r.parentCode, handlingCode: null };
    for (const i of checkPlacement(node(r), parent)) draft.reader.report('parentCode', i.code, i.message);
  }

  const items: ParsedItem[] = [];
  for (const draft of drafts) {
    if (draft.materials.length > 0) draft.record.guide = { ...draft.record.guide, materials: draft.materials.map((m) => m.material) };
    placeGuideIssues(draft);
    const own = [...draft.reader.issues, ...draft.materials.flatMap((m) => m.reader.issues), ...draft.unreadable.flatMap((r) => r.issues)];
    if (own.length === 0) items.push(draft.record);
  }
  for (const r of readers) issues.push(...r.issues);
  for (const d of drafts) for (const r of [...d.materials.map((m) => m.reader), ...d.unreadable]) issues.push(...r.issues);
  for (const r of orphanReaders) issues.push(...r.issues);
  const sheetOrder = (s: string) => (s === ITEM_SHEET ? 0 : 1);
  const columnOrder = (c: string) => c.length * 100 + (c.charCodeAt(c.length - 1) || 0);
  issues.sort((a, b) => sheetOrder(a.sheet) - sheetOrder(b.sheet) || a.row - b.row || columnOrder(a.column) - columnOrder(b.column));
  return { items, issues, itemColumns: letters };
}
