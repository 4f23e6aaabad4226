/** What the signed-in person may do, from the server's one policy table. */
import { isUserRole } from '../../src/domain/accounts/roles.ts';
import { grantsAllow, grantsAllowEverywhere, type Permission, type RoleGrant } from '../../src/platform/auth/policy.ts';
import type { Me } from '../shared/types.ts';

export function grantsOf(me: Me | null): RoleGrant[] {
  if (!me) return [];
  return me.user.roles.flatMap((g) => (isUserRole(g.role) ? [{ role: g.role, centreId: g.centreId, departmentId: g.departmentId }] : []));
}

export function can(me: Me | null, permission: Permission, centreId: string | null): boolean {
  return grantsAllow(grantsOf(me), permission, { centreId });
}

/** Whether the permission reaches every centre (a system administrator). */
export function canEverywhere(me: Me | null, permission: Permission): boolean {
  return grantsAllowEverywhere(grantsOf(me), permission);
}
