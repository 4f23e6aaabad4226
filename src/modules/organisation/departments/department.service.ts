/** Use cases of the departments stationed in a centre (进驻部门): create, read, list, update, retire. All audited. */
import { randomUUID } from 'node:crypto';
import { AppError, fieldError } from '../../../domain/shared/errors.ts';
import { isValidUscc } from '../../../domain/shared/identity.ts';
import { writeAudit } from '../../../platform/audit/audit.ts';
import { DEPARTMENT_TOPIC } from './department.events.ts';
import type { Actor } from '../../../platform/auth/principal.ts';
import type { Queryable } from '../../../platform/db/database.ts';
import type { AppDeps } from '../../../platform/deps.ts';
import { touchCounterList } from '../counters/counter.repository.ts';
import { requireCentre, requireOpenCentre, requireStaffRef } from '../references.ts';
import { mapUniqueViolations } from '../unique-violation.ts';
import * as repo from './department.repository.ts';
import type { DepartmentCreate, DepartmentUpdate, DepartmentView } from './department.schemas.ts';

export function departmentView({ department: d, chiefName }: repo.DepartmentWithChief): DepartmentView {
  return {
    id: d.id,
    centreId: d.centreId,
    name: d.name,
    shortName: d.shortName,
    uscc: d.uscc,
    phone: d.phone,
    sortOrder: d.sortOrder,
    chiefRepresentativeId: d.chiefRepresentativeId,
    chiefRepresentativeName: chiefName,
    retiredAt: d.retiredAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

/** The centre a department belongs to, for access control of `/departments/:id`. */
export async function departmentCentre(deps: AppDeps, id: string): Promise<{ centreId: string } | undefined> {
  const row = await repo.findDepartment(deps.db, id);
  return row && { centreId: row.centreId };
}

function normaliseUscc(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  const code = value.trim().toUpperCase();
  if (code === '') return null;
  if (!isValidUscc(code)) throw fieldError('USCC_INVALID', '/uscc', `统一社会信用代码 ${code} 校验不通过（GB 32100）`);
  return code;
}

async function checkName(q: Queryable, centreId: string, name: string, selfId: string | null): Promise<void> {
  if (await repo.findActiveDepartmentByName(q, centreId, name, selfId)) throw fieldError('DEPARTMENT_NAME_TAKEN', '/name', `部门名称“${name}”已存在`);
}

/**
 * DB36/T 2016 §3.8, §7.4.1 b: the chief representative (首席代表) is stationed in the
 * centre by this department: a staff member of the same centre, active, and not of
 * another department.
 */
async function checkChief(q: Queryable, centreId: string, departmentId: string | null, staffId: string): Promise<{ name: string }> {
  const person = await requireStaffRef(q, centreId, staffId, '/chiefRepresentativeId');
  if (person.departmentId && person.departmentId !== departmentId) {
    throw fieldError('CHIEF_REPRESENTATIVE_INVALID', '/chiefRepresentativeId', `${person.name} 属于其他进驻部门，不能担任本部门首席代表`);
  }
  return person;
}

async function viewOf(q: Queryable, id: string): Promise<DepartmentView> {
  const row = await repo.findDepartmentWithChief(q, id);
  if (!row) throw new AppError('DEPARTMENT_NOT_FOUND');
  return departmentView(row);
}

export async function createDepartment(deps: AppDeps, actor: Actor, centreId: string, input: DepartmentCreate): Promise<DepartmentView> {
  const uscc = normaliseUscc(input.uscc);
  const name = input.name.trim();
  const now = deps.clock();
  return mapUniqueViolations(() =>
    deps.db.transaction(async (tx) => {
      await requireOpenCentre(tx, centreId);
      await checkName(tx, centreId, name, null);
      const chief = input.chiefRepresentativeId ? await checkChief(tx, centreId, null, input.chiefRepresentativeId) : undefined;
      const row = await repo.insertDepartment(tx, {
        id: randomUUID(),
        centreId,
        name,
        shortName: input.shortName?.trim() || null,
        uscc: uscc ?? null,
        phone: input.phone ?? null,
        sortOrder: input.sortOrder ?? 0,
        chiefRepresentativeId: input.chiefRepresentativeId ?? null,
        createdAt: now,
        updatedAt: now,
      });
      await writeAudit(tx, actor, now, { centreId, entity: 'department', entityId: row.id, action: 'create', after: row });
      return departmentView({ department: row, chiefName: chief?.name ?? null });
    }),
  );
}

export async function getDepartment(deps: AppDeps, id: string): Promise<DepartmentView> {
  return viewOf(deps.db, id);
}

export async function listDepartments(deps: AppDeps, centreId: string, includeRetired: boolean): Promise<DepartmentView[]> {
  const rows = await repo.listDepartments(deps.db, centreId, includeRetired);
  if (rows.length === 0) await requireCentre(deps.db, centreId);
  return rows.map(departmentView);
}

export async function updateDepartment(deps: AppDeps, actor: Actor, id: string, input: DepartmentUpdate): Promise<DepartmentView> {
  const uscc = normaliseUscc(input.uscc);
  const now = deps.clock();
  return mapUniqueViolations(() =>
    deps.db.transaction(async (tx) => {
      const before = await repo.lockDepartment(tx, id);
      if (!before) throw new AppError('DEPARTMENT_NOT_FOUND');
      if (before.retiredAt) throw new AppError('ENTITY_RETIRED');
      const changes: Partial<repo.DepartmentInsert> = { updatedAt: now };
      if (input.name !== undefined) {
        changes.name = input.name.trim();
        await checkName(tx, before.centreId, changes.name, id);
      }
      if (input.shortName !== undefined) changes.shortName = input.shortName?.trim() || null;
      if (uscc !== undefined) changes.uscc = uscc;
      if (input.phone !== undefined) changes.phone = input.phone;
      if (input.sortOrder !== undefined) changes.sortOrder = input.sortOrder;
      if (input.chiefRepresentativeId !== undefined) {
        if (input.chiefRepresentativeId) await checkChief(tx, before.centreId, id, input.chiefRepresentativeId);
        changes.chiefRepresentativeId = input.chiefRepresentativeId;
      }
      const after = await repo.updateDepartment(tx, id, changes);
      await deps.database.changes.publish(tx, DEPARTMENT_TOPIC, before.centreId);
      await writeAudit(tx, actor, now, { centreId: before.centreId, entity: 'department', entityId: id, action: 'update', before, after });
      // Counter lists show department names.
      if (after.name !== before.name) await touchCounterList(tx, before.centreId);
      return viewOf(tx, id);
    }),
  );
}

export async function retireDepartment(deps: AppDeps, actor: Actor, id: string): Promise<DepartmentView> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const before = await repo.lockDepartment(tx, id);
    if (!before) throw new AppError('DEPARTMENT_NOT_FOUND');
    if (before.retiredAt) throw new AppError('ENTITY_RETIRED');
    const after = await repo.updateDepartment(tx, id, { retiredAt: now, updatedAt: now });
    await deps.database.changes.publish(tx, DEPARTMENT_TOPIC, before.centreId);
    await writeAudit(tx, actor, now, { centreId: before.centreId, entity: 'department', entityId: id, action: 'retire', before, after });
    await touchCounterList(tx, before.centreId);
    return viewOf(tx, id);
  });
}
