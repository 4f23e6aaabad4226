/**
 * Use cases of the staff of a centre (工作人员): create, read, list, update, retire, and
 * the public staff board of §5.1.3.3. All changes audited. Phones are personal data:
 * shown in full only to callers who hold `staff.private`.
 */
import { randomUUID } from 'node:crypto';
import { AppError, fieldError, referenceError } from '../../../domain/shared/errors.ts';
import { maskPhone } from '../../../domain/shared/privacy.ts';
import { writeAudit } from '../../../platform/audit/audit.ts';
import type { Actor } from '../../../platform/auth/principal.ts';
import type { Queryable } from '../../../platform/db/database.ts';
import type { AppDeps } from '../../../platform/deps.ts';
import { findCentre } from '../centres/centre.repository.ts';
import { findDepartmentsByChief, updateDepartment } from '../departments/department.repository.ts';
import { requireCentre, requireDepartmentRef, requireOpenCentre } from '../references.ts';
import { mapUniqueViolations } from '../unique-violation.ts';
import * as repo from './staff.repository.ts';
import type { BoardEntry, StaffBoard, StaffCreate, StaffUpdate, StaffView } from './staff.schemas.ts';
import { staffingChanged } from '../staffing.events.ts';

/** How much of a staff record the caller may see. */
export interface StaffVisibility {
  /** Phone and linked account in full (`staff.private`). */
  readonly private: boolean;
}

export function staffView({ staff: s, departmentName }: repo.StaffWithDepartment, visibility: StaffVisibility): StaffView {
  return {
    id: s.id,
    centreId: s.centreId,
    name: s.name,
    workNumber: s.workNumber,
    title: s.title,
    departmentId: s.departmentId,
    departmentName,
    photoUrl: s.photoUrl,
    phone: s.phone === null ? null : visibility.private ? s.phone : maskPhone(s.phone),
    phoneMasked: s.phone !== null && !visibility.private,
    duties: s.duties,
    ...(visibility.private ? { userId: s.userId } : {}),
    retiredAt: s.retiredAt?.toISOString() ?? null,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

function boardEntry({ staff: s, departmentName }: repo.StaffWithDepartment): BoardEntry {
  return {
    id: s.id,
    name: s.name,
    workNumber: s.workNumber,
    title: s.title,
    departmentId: s.departmentId,
    departmentName,
    photoUrl: s.photoUrl,
    duties: s.duties,
  };
}

/** The record as the audit trail keeps it: an inline photo is summarised, not copied. */
function auditable(row: repo.StaffRow | undefined): unknown {
  if (!row?.photoUrl?.startsWith('data:')) return row;
  const header = row.photoUrl.slice(0, row.photoUrl.indexOf(',') + 1);
  return { ...row, photoUrl: `${header}…（${row.photoUrl.length} 字符）` };
}

/** The centre a staff member belongs to, for access control of `/staff/:id`. */
export async function staffCentre(deps: AppDeps, id: string): Promise<{ centreId: string } | undefined> {
  const row = await repo.findStaff(deps.db, id);
  return row && { centreId: row.centreId };
}

async function checkWorkNumber(q: Queryable, centreId: string, workNumber: string, selfId: string | null): Promise<void> {
  if (await repo.findActiveStaffByWorkNumber(q, centreId, workNumber, selfId)) {
    throw fieldError('STAFF_WORK_NUMBER_TAKEN', '/workNumber', `工号 ${workNumber} 已存在`);
  }
}

async function checkUser(q: Queryable, userId: string, selfId: string | null): Promise<void> {
  if (!(await repo.userExists(q, userId))) throw referenceError('USER_NOT_FOUND', '/userId', '关联的账号不存在');
  if (await repo.findActiveStaffByUser(q, userId, selfId)) throw fieldError('STAFF_USER_TAKEN', '/userId');
}

function cleanDuties(duties: readonly string[]): string[] {
  return [...new Set(duties.map((d) => d.trim()).filter((d) => d.length > 0))];
}

async function viewOf(q: Queryable, id: string, visibility: StaffVisibility): Promise<StaffView> {
  const row = await repo.findStaffWithDepartment(q, id);
  if (!row) throw new AppError('STAFF_NOT_FOUND');
  return staffView(row, visibility);
}

export async function createStaff(deps: AppDeps, actor: Actor, centreId: string, input: StaffCreate, visibility: StaffVisibility): Promise<StaffView> {
  const workNumber = input.workNumber.trim().toUpperCase();
  const now = deps.clock();
  return mapUniqueViolations(() =>
    deps.db.transaction(async (tx) => {
      await requireOpenCentre(tx, centreId);
      const department = input.departmentId ? await requireDepartmentRef(tx, centreId, input.departmentId, '/departmentId') : undefined;
      if (input.userId) await checkUser(tx, input.userId, null);
      await checkWorkNumber(tx, centreId, workNumber, null);
      const row = await repo.insertStaff(tx, {
        id: randomUUID(),
        centreId,
        name: input.name.trim(),
        workNumber,
        title: input.title?.trim() || null,
        departmentId: input.departmentId ?? null,
        photoUrl: input.photoUrl ?? null,
        phone: input.phone ?? null,
        duties: cleanDuties(input.duties ?? []),
        userId: input.userId ?? null,
        createdAt: now,
        updatedAt: now,
      });
      await writeAudit(tx, actor, now, { centreId, entity: 'staff', entityId: row.id, action: 'create', after: auditable(row) });
      await staffingChanged(deps, tx, centreId);
      return staffView({ staff: row, departmentName: department?.name ?? null }, visibility);
    }),
  );
}

export async function getStaff(deps: AppDeps, id: string, visibility: StaffVisibility): Promise<StaffView> {
  return viewOf(deps.db, id, visibility);
}

export async function listStaff(deps: AppDeps, centreId: string, includeRetired: boolean, visibility: StaffVisibility): Promise<StaffView[]> {
  const rows = await repo.listStaff(deps.db, centreId, includeRetired);
  if (rows.length === 0) await requireCentre(deps.db, centreId);
  return rows.map((r) => staffView(r, visibility));
}

export async function updateStaff(deps: AppDeps, actor: Actor, id: string, input: StaffUpdate, visibility: StaffVisibility): Promise<StaffView> {
  const now = deps.clock();
  return mapUniqueViolations(() =>
    deps.db.transaction(async (tx) => {
      const before = await repo.lockStaff(tx, id);
      if (!before) throw new AppError('STAFF_NOT_FOUND');
      if (before.retiredAt) throw new AppError('ENTITY_RETIRED');
      const changes: Partial<repo.StaffInsert> = { updatedAt: now };
      if (input.name !== undefined) changes.name = input.name.trim();
      if (input.workNumber !== undefined) {
        changes.workNumber = input.workNumber.trim().toUpperCase();
        await checkWorkNumber(tx, before.centreId, changes.workNumber, id);
      }
      if (input.title !== undefined) changes.title = input.title?.trim() || null;
      if (input.departmentId !== undefined) {
        if (input.departmentId) await requireDepartmentRef(tx, before.centreId, input.departmentId, '/departmentId');
        changes.departmentId = input.departmentId;
      }
      if (input.photoUrl !== undefined) changes.photoUrl = input.photoUrl;
      if (input.phone !== undefined) changes.phone = input.phone;
      if (input.duties !== undefined) changes.duties = cleanDuties(input.duties);
      if (input.userId !== undefined) {
        if (input.userId) await checkUser(tx, input.userId, id);
        changes.userId = input.userId;
      }
      const after = await repo.updateStaff(tx, id, changes);
      await writeAudit(tx, actor, now, { centreId: before.centreId, entity: 'staff', entityId: id, action: 'update', before: auditable(before), after: auditable(after) });
      await staffingChanged(deps, tx, before.centreId);
      return viewOf(tx, id, visibility);
    }),
  );
}

/**
 * Retires a staff member. A department whose chief representative they were is left
 * without one (§7.4.1: the department must appoint another), in the same transaction.
 */
export async function retireStaff(deps: AppDeps, actor: Actor, id: string, visibility: StaffVisibility): Promise<StaffView> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const before = await repo.lockStaff(tx, id);
    if (!before) throw new AppError('STAFF_NOT_FOUND');
    if (before.retiredAt) throw new AppError('ENTITY_RETIRED');
    for (const dept of await findDepartmentsByChief(tx, id)) {
      const changed = await updateDepartment(tx, dept.id, { chiefRepresentativeId: null, updatedAt: now });
      await writeAudit(tx, actor, now, { centreId: dept.centreId, entity: 'department', entityId: dept.id, action: 'update', before: dept, after: changed });
    }
    const after = await repo.updateStaff(tx, id, { retiredAt: now, updatedAt: now });
    await writeAudit(tx, actor, now, { centreId: before.centreId, entity: 'staff', entityId: id, action: 'retire', before: auditable(before), after: auditable(after) });
    await staffingChanged(deps, tx, before.centreId);
    return viewOf(tx, id, visibility);
  });
}

/** §5.1.3.3 岗位公示栏 of an open centre, for anyone. */
export async function staffBoard(deps: AppDeps, centreId: string): Promise<StaffBoard> {
  const centre = await findCentre(deps.db, centreId);
  if (!centre || centre.retiredAt) throw new AppError('CENTRE_NOT_FOUND');
  const rows = await repo.listBoardStaff(deps.db, centreId);
  return { centre: { id: centre.id, name: centre.name }, items: rows.map(boardEntry) };
}
