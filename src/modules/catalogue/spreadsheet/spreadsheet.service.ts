/**
 * Use cases of the item workbook (issue 3 "Spreadsheets"): import through the
 * catalogue's own createItem (codes, placement, audit, one draft version each), all or
 * nothing in one transaction unless the good rows only are asked for; export of the
 * catalogue with the template's columns.
 */
import type { ItemLevel } from '../../../domain/catalogue/hierarchy.ts';
import { AppError } from '../../../domain/shared/errors.ts';
import type { Actor } from '../../../platform/auth/principal.ts';
import type { Tx } from '../../../platform/db/database.ts';
import type { AppDeps } from '../../../platform/deps.ts';
import { requireCentre, requireOpenCentre } from '../../organisation/references.ts';
import { createItem } from '../item.service.ts';
import type { ItemCreate } from '../item.schemas.ts';
import type { ItemColumnKey } from './columns.ts';
import { buildItemWorkbook, parentCodeOf, type ItemRecord } from './export.ts';
import { ITEM_SHEET } from './columns.ts';
import { parseItemWorkbook, type CellIssue, type ParsedItem } from './import.ts';
import * as repo from './spreadsheet.repository.ts';

export type ImportMode = 'all' | 'valid-only';

export interface ImportResult {
  readonly imported: number;
  readonly issues: CellIssue[];
}

/** Thrown inside the transaction to roll an all-or-nothing import back. */
class RollBack extends Error {}

const LEVEL_ORDER: Readonly<Record<ItemLevel, number>> = { main: 0, sub: 1, handling: 2 };

function toCreate(item: ParsedItem, departmentId: string, parentId: string | null): ItemCreate {
  const { name, kind, typeCode, materials, process, handlingForms, serviceObjects, ...guide } = item.guide;
  return {
    departmentId,
    level: item.itemLevel,
    parentId,
    basicCode: item.basicCode,
    implementationCode: item.itemLevel === 'handling' ? null : item.implementationCode,
    handlingCode: item.handlingCode,
    guide: {
      ...guide,
      name: name ?? '',
      kind: kind ?? 'other_power',
      typeCode: typeCode ?? '',
      materials: materials ? materials.map((m) => ({ ...m })) : null,
      process: process ? process.map((s) => ({ ...s })) : null,
      handlingForms: handlingForms ? [...handlingForms] : null,
      serviceObjects: serviceObjects ? [...serviceObjects] : null,
      flags: { ...guide.flags },
    },
  } as ItemCreate;
}

/**
 * Imports a workbook into the centre. mode `all`: any issue (in a cell, or found by the
 * catalogue when creating an item: a code already used, an unknown department or
 * parent) imports nothing; `valid-only`: the rows without issue are imported, each in
 * its own savepoint, and the others are reported.
 */
export async function importItems(deps: AppDeps, actor: Actor, centreId: string, buffer: Uint8Array, mode: ImportMode): Promise<ImportResult> {
  const parsed = await parseItemWorkbook(buffer);
  const issues = [...parsed.issues];
  if (mode === 'all' && issues.length > 0) return { imported: 0, issues };
  const cell = (item: ParsedItem, key: ItemColumnKey, code: string, message: string): CellIssue => ({
    sheet: ITEM_SHEET,
    row: item.row,
    column: parsed.itemColumns[key] ?? '',
    code,
    message,
  });
  // Parents first, so that a sub-item or handling item finds the one created above it.
  const ordered = [...parsed.items].sort((a, b) => LEVEL_ORDER[a.itemLevel] - LEVEL_ORDER[b.itemLevel] || a.row - b.row);
  let imported = 0;
  try {
    await deps.db.transaction(async (tx: Tx) => {
      await requireOpenCentre(tx, centreId);
      const departments = await repo.activeDepartments(tx, centreId);
      const byName = new Map(departments.map((d) => [d.name, d.id]));
      const byUscc = new Map(departments.flatMap((d) => (d.uscc ? [[d.uscc, d.id] as const] : [])));
      const parentCodes = [...new Set(ordered.map(parentCodeOf).filter((c): c is string => c !== null))];
      const parents = await repo.parentsByCode(tx, centreId, parentCodes);
      // createItem opens its own transaction: inside ours it is a savepoint.
      const txDeps: AppDeps = { ...deps, db: tx };
      for (const item of ordered) {
        const departmentId = (item.department.name && byName.get(item.department.name)) || (item.department.uscc && byUscc.get(item.department.uscc)) || null;
        if (!departmentId) {
          const key: ItemColumnKey = item.departmentName ? 'department' : 'implementerName';
          issues.push(cell(item, key, 'DEPARTMENT_NOT_FOUND', `本中心没有名称为“${item.department.name ?? ''}”或统一社会信用代码为“${item.department.uscc ?? ''}”的进驻部门`));
          continue;
        }
        const parentCode = parentCodeOf(item);
        const parentId = parentCode === null ? null : (parents.get(parentCode) ?? null);
        if (parentCode !== null && parentId === null) {
          const key: ItemColumnKey = item.itemLevel === 'handling' ? 'implementationCode' : 'parentCode';
          issues.push(cell(item, key, 'ITEM_NOT_FOUND', `上级事项“${parentCode}”不在本表中，也不在本中心的事项目录中`));
          continue;
        }
        try {
          const view = await createItem(txDeps, actor, centreId, toCreate(item, departmentId, parentId));
          if (item.itemLevel !== 'handling') parents.set(item.implementationCode, view.id);
          imported++;
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          const fields = err.fields.length > 0 ? err.fields : [{ path: '', code: err.code, message: err.message }];
          for (const f of fields) issues.push(cell(item, columnOfPath(f.path), f.code, f.message));
        }
      }
      if (mode === 'all' && issues.length > 0) throw new RollBack();
    });
  } catch (err) {
    if (err instanceof RollBack) return { imported: 0, issues };
    throw err;
  }
  return { imported, issues };
}

/** The 事项 column a createItem field path points at. */
function columnOfPath(path: string): ItemColumnKey {
  if (path.startsWith('/implementationCode')) return 'implementationCode';
  if (path.startsWith('/handlingCode')) return 'handlingCode';
  if (path.startsWith('/basicCode')) return 'basicCode';
  if (path.startsWith('/parentId')) return 'parentCode';
  if (path.startsWith('/departmentId')) return 'implementerName';
  if (path.startsWith('/guide/typeCode')) return 'typeCode';
  return 'name';
}

/** The centre's catalogue (latest version of every active item) as a re-importable workbook. */
export async function exportItems(deps: AppDeps, centreId: string): Promise<Buffer> {
  await requireCentre(deps.db, centreId);
  const rows = await repo.itemsWithLatestGuide(deps.db, centreId);
  const records: ItemRecord[] = rows.map((r) => {
    const level = r.level as ItemLevel;
    const implementationCode = r.implementationCode ?? r.handlingCode?.slice(0, 31) ?? '';
    const digit = implementationCode.slice(18, 19);
    return {
      basicCode: r.basicCode,
      implementationCode,
      handlingCode: r.handlingCode,
      itemLevel: level,
      parentCode: level === 'sub' ? r.parentCode : null,
      level: /^[1-7]$/.test(digit) ? (digit as ItemRecord['level']) : null,
      departmentName: r.guide.implementingBody?.name === r.departmentName ? null : r.departmentName,
      guide: r.guide,
    };
  });
  return buildItemWorkbook(records);
}
