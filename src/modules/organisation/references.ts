/**
 * Checks of the ids an organisation request names. A centre in the path that does not
 * exist is a 404; an id in the body that names nothing usable in the same centre
 * (unknown, another centre's, retired) is a 422 at that field.
 */
import { AppError, referenceError } from '../../domain/shared/errors.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { findCentre, type CentreRow } from './centres/centre.repository.ts';
import { findDepartment, type DepartmentRow } from './departments/department.repository.ts';
import { findStaff, type StaffRow } from './staff/staff.repository.ts';
import { findZone, type ZoneRow } from './zones/zone.repository.ts';

/** The centre named in the path, which must exist (404) and not be retired (422), to add to it. */
export async function requireOpenCentre(q: Queryable, centreId: string): Promise<CentreRow> {
  const centre = await findCentre(q, centreId);
  if (!centre) throw new AppError('CENTRE_NOT_FOUND');
  if (centre.retiredAt) throw new AppError('CENTRE_RETIRED');
  return centre;
}

/** The centre named in the path of a list, which must exist (a retired centre stays readable). */
export async function requireCentre(q: Queryable, centreId: string): Promise<CentreRow> {
  const centre = await findCentre(q, centreId);
  if (!centre) throw new AppError('CENTRE_NOT_FOUND');
  return centre;
}

export async function requireDepartmentRef(q: Queryable, centreId: string, id: string, path: string): Promise<DepartmentRow> {
  const row = await findDepartment(q, id);
  if (!row || row.centreId !== centreId) throw referenceError('DEPARTMENT_NOT_FOUND', path, '进驻部门不存在或不属于本中心');
  if (row.retiredAt) throw referenceError('DEPARTMENT_NOT_FOUND', path, '进驻部门已停用');
  return row;
}

export async function requireZoneRef(q: Queryable, centreId: string, id: string, path: string): Promise<ZoneRow> {
  const row = await findZone(q, id);
  if (!row || row.centreId !== centreId) throw referenceError('ZONE_NOT_FOUND', path, '功能区不存在或不属于本中心');
  if (row.retiredAt) throw referenceError('ZONE_NOT_FOUND', path, '功能区已停用');
  return row;
}

export async function requireStaffRef(q: Queryable, centreId: string, id: string, path: string): Promise<StaffRow> {
  const row = await findStaff(q, id);
  if (!row || row.centreId !== centreId) throw referenceError('STAFF_NOT_FOUND', path, '工作人员不存在或不属于本中心');
  if (row.retiredAt) throw referenceError('STAFF_NOT_FOUND', path, '工作人员已停用');
  return row;
}
