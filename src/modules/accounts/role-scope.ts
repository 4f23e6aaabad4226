/**
 * Where a role may be granted (pure: no I/O). A system administrator's role covers
 * every centre; every other role belongs to one centre; only a chief representative
 * (首席代表, §3.8, §7.4.1 b) or a window clerk may be narrowed to one department.
 */
import { DEPARTMENT_SCOPED_ROLES } from '../../domain/accounts/roles.ts';
import type { FieldIssue } from '../../domain/shared/errors.ts';
import type { GrantInput } from './user.repository.ts';

export function roleScopeIssues(grants: readonly GrantInput[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const issue = (i: number, field: string, message: string) =>
    issues.push({ path: `/roles/${i}/${field}`, code: 'ROLE_SCOPE_INVALID', message });
  grants.forEach((g, i) => {
    if (g.role === 'system_admin') {
      if (g.centreId !== null) issue(i, 'centreId', '系统管理员适用于全部中心，不能指定中心');
      if (g.departmentId) issue(i, 'departmentId', '系统管理员不能指定部门');
      return;
    }
    if (g.centreId === null) issue(i, 'centreId', '该角色须指定所属中心');
    if (g.departmentId && !DEPARTMENT_SCOPED_ROLES.includes(g.role)) issue(i, 'departmentId', '只有首席代表和窗口工作人员可以限定到部门');
  });
  return issues;
}

/** The same grant twice is one grant. */
export function distinctGrants(grants: readonly GrantInput[]): GrantInput[] {
  const seen = new Set<string>();
  const out: GrantInput[] = [];
  for (const g of grants) {
    const normal = { role: g.role, centreId: g.centreId, departmentId: g.departmentId ?? null };
    const key = `${normal.role}|${normal.centreId ?? ''}|${normal.departmentId ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(normal);
  }
  return out;
}

/** The one centre all these grants lie in, or null (several centres, or every centre). */
export function singleCentre(grants: readonly GrantInput[]): string | null {
  const ids = new Set(grants.map((g) => g.centreId));
  if (ids.size !== 1) return null;
  return [...ids][0] ?? null;
}
