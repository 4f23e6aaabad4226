/**
 * Use cases of the item workbook (issue 3 "Spreadsheets"): import with the catalogue's
 * own checks (codes, placement, audit, one draft version each), all or nothing in one
 * transaction unless the good rows only are asked for; export of the
 * catalogue with the template's columns.
 */
import type { ItemLevel } from '../../../domain/catalogue/hierarchy.ts';
import type { Actor } from '../../../platform/auth/principal.ts';
import type { Tx } from '../../../platform/db/database.ts';
import type { AppDeps } from '../../../platform/deps.ts';
import { requireCentre, requireOpenCentre } from '../../organisation/references.ts';
import { randomUUID } from 'node:crypto';
import { writeAudits } from '../../../platform/audit/audit.ts';
import { codeTaken, creationOf, mapCodeViolations, newItemRows, placementIssues, type ParentRef } from '../item.service.ts';
import * as itemRepo from '../item.repository.ts';
import type { ItemInsert, VersionInsert } from '../item.repository.ts';
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
 * Imports a workbook into the centre, as one batch: every row goes through the same
 * checks as createItem (codes and placement, §7.3.2.2e; duplicates against the active
 * items and the rows above it), then the good rows are written with multi-row INSERTs,
 * each item with its draft version and its audit record, in one transaction. mode `all`:
 * any issue (in a cell, or a code already used, an unknown department or parent) imports
 * nothing; `valid-only`: the rows without issue are imported and the others reported.
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
  const now = deps.clock();
  return mapCodeViolations(() =>
    deps.db.transaction(async (tx: Tx) => {
      await requireOpenCentre(tx, centreId);
      const departments = await repo.activeDepartments(tx, centreId);
      const byName = new Map(departments.map((d) => [d.name, d.id]));
      const byUscc = new Map(departments.flatMap((d) => (d.uscc ? [[d.uscc, d.id] as const] : [])));
      const parentCodes = [...new Set(ordered.map(parentCodeOf).filter((c): c is string => c !== null))];
      const parents: Map<string, ParentRef> = await repo.parentsByCode(tx, centreId, parentCodes);
      const taken = await itemRepo.activeCodes(
        tx,
        ordered.flatMap((i) => (i.itemLevel === 'handling' ? [] : [i.implementationCode])),
        ordered.flatMap((i) => (i.handlingCode ? [i.handlingCode] : [])),
      );
      const rows: { item: ItemInsert; version: VersionInsert }[] = [];
      for (const item of ordered) {
        const departmentId = (item.department.name && byName.get(item.department.name)) || (item.department.uscc && byUscc.get(item.department.uscc)) || null;
        if (!departmentId) {
          const key: ItemColumnKey = item.departmentName ? 'department' : 'implementerName';
          issues.push(cell(item, key, 'DEPARTMENT_NOT_FOUND', `本中心没有名称为“${item.department.name ?? ''}”或统一社会信用代码为“${item.department.uscc ?? ''}”的进驻部门`));
          continue;
        }
        const parentCode = parentCodeOf(item);
        const parent = parentCode === null ? undefined : parents.get(parentCode);
        if (parentCode !== null && parent === undefined) {
          const key: ItemColumnKey = item.itemLevel === 'handling' ? 'implementationCode' : 'parentCode';
          issues.push(cell(item, key, 'ITEM_NOT_FOUND', `上级事项“${parentCode}”不在本表中，也不在本中心的事项目录中`));
          continue;
        }
        const created = creationOf(toCreate(item, departmentId, parent?.id ?? null));
        const id = randomUUID();
        const placed = placementIssues(id, created.placement, created.guide, parent);
        const duplicate =
          created.placement.level !== 'handling' && placed.implementationCode && taken.implementation.has(placed.implementationCode)
            ? codeTaken('/implementationCode', placed.implementationCode)
            : placed.handlingCode && taken.handling.has(placed.handlingCode)
              ? codeTaken('/handlingCode', placed.handlingCode)
              : null;
        const faults = duplicate ? [...placed.issues, ...duplicate.fields] : placed.issues;
        if (faults.length > 0) {
          for (const f of faults) issues.push(cell(item, columnOfPath(f.path), f.code, f.message));
          continue;
        }
        rows.push(newItemRows(actor, now, centreId, departmentId, created, placed, id));
        if (created.placement.level === 'handling') taken.handling.add(placed.handlingCode ?? '');
        else if (placed.implementationCode) {
          taken.implementation.add(placed.implementationCode);
          parents.set(placed.implementationCode, { id, level: created.placement.level, parentId: created.placement.parentId, implementationCode: placed.implementationCode, handlingCode: null });
        }
      }
      if (mode === 'all' && issues.length > 0) return { imported: 0, issues };
      await itemRepo.insertItemsWithVersions(tx, rows);
      await writeAudits(
        tx,
        actor,
        now,
        rows.map((r) => ({ centreId, entity: 'item', entityId: r.item.id, action: 'import', after: r })),
      );
      return { imported: rows.length, issues };
    }),
  );
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
