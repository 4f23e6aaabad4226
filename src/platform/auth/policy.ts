/**
 * The one policy table: which roles hold each permission. Every route declares the
 * permission it needs (see access.ts); nothing else decides who may do what.
 */
import type { DeviceRole, UserRole } from '../../domain/accounts/roles.ts';

type Role = UserRole | DeviceRole;

const STAFF: readonly Role[] = [
  'system_admin',
  'centre_manager',
  'chief_representative',
  'window_clerk',
  'complaint_handler',
  'auditor',
];
const MANAGERS: readonly Role[] = ['system_admin', 'centre_manager'];

export const POLICY = {
  /** Read a centre and its organisation (departments, zones, counters, staff board). */
  'org.read': [...STAFF, 'kiosk', 'display', 'rating_device'],
  'centre.create': ['system_admin'],
  'centre.update': MANAGERS,
  'centre.retire': ['system_admin'],
  /** Create, update and retire departments, zones, counters and staff. */
  'org.write': MANAGERS,
  /** Set a counter's status and whereabouts (§5.1.5.1). */
  'counter.status': [...MANAGERS, 'chief_representative', 'window_clerk'],
  /** Read staff phones and linked accounts in full. */
  'staff.private': MANAGERS,
  'device.manage': MANAGERS,
  'user.read': [...MANAGERS, 'auditor'],
  'user.manage': MANAGERS,
  /** Change one's own password (people only, never a device). */
  'account.self': STAFF,
  'calendar.read': [...STAFF, 'kiosk', 'display', 'rating_device'],
  /** Load a year's holiday arrangement: the whole deployment's calendar. */
  'calendar.manage': ['system_admin'],
  /** A centre's own closed days. */
  'calendar.closed-days': MANAGERS,
  'audit.read': [...MANAGERS, 'auditor'],
  /** Read the item catalogue, drafts and versions included (§7.3). */
  'catalogue.read': [...STAFF, 'kiosk', 'display', 'rating_device'],
  /** Create and edit items and bundles; a chief representative within their own department. */
  'catalogue.write': [...MANAGERS, 'chief_representative'],
  /** §7.3.2.2c legality review: approve, reject, withdraw a version. */
  'catalogue.review': MANAGERS,
  /** The centre's live event stream (SSE): hall displays (§5.2.2), kiosks and the centre's staff; not rating devices. */
  'events.read': [...STAFF, 'kiosk', 'display'],
  /** Read queues, tickets and queue settings (§7.1.5). */
  'queue.read': [...STAFF, 'kiosk', 'display'],
  /** Configure queues, queue settings and tidal counters (§6.4.7). */
  'queue.write': MANAGERS,
  /** Issue a ticket: the kiosk (§5.2.2 排队取号机) and staff at a counter or the desk. */
  'ticket.issue': [...MANAGERS, 'chief_representative', 'window_clerk', 'kiosk'],
  /** Sign in at a counter, call and serve tickets (§7.1.6.2). */
  'ticket.serve': [...MANAGERS, 'chief_representative', 'window_clerk'],
  /** The hall display and the counter screens (§5.2.2 显示屏, §6.4.2). */
  'display.read': [...STAFF, 'display'],
  /** Read cases (办件), their timelines, refusal reports and the consultation register (§8.1.2). */
  'case.read': STAFF,
  /** Open cases and move them through the one transition table (§8.1.2.3–§8.1.2.6). */
  'case.handle': [...MANAGERS, 'chief_representative', 'window_clerk'],
  /** §7.5.2.3: review refusal reports (否定事项报备); the centre's case settings. */
  'case.review': MANAGERS,
  /** An open case's personal data in full (ID number, phone, address): the roles that handle it. */
  'case.private': [...MANAGERS, 'chief_representative', 'window_clerk'],
  /** §8.1.2.6: an archived case's personal data in full, only for those who still need it. */
  'case.archived-private': MANAGERS,
  /** §8.1.2.2: record consultations. */
  'consultation.write': [...MANAGERS, 'chief_representative', 'window_clerk'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof POLICY;

export interface RoleGrant {
  readonly role: UserRole;
  /** null: every centre (system administrator). */
  readonly centreId: string | null;
  readonly departmentId: string | null;
}

export interface Scope {
  /** null: not tied to one centre (e.g. listing centres, the national calendar). */
  readonly centreId: string | null;
  readonly departmentId?: string | null;
}

function roleHas(role: Role, permission: Permission): boolean {
  return (POLICY[permission] as readonly Role[]).includes(role);
}

/**
 * Whether a grant set allows `permission` in `scope`. With a null centre the
 * permission must be held somewhere: the use case then narrows what it shows.
 */
export function grantsAllow(grants: readonly RoleGrant[], permission: Permission, scope: Scope): boolean {
  return grants.some((g) => {
    if (!roleHas(g.role, permission)) return false;
    if (g.role === 'system_admin') return true;
    if (scope.centreId === null) return true;
    if (g.centreId !== scope.centreId) return false;
    if (g.departmentId && scope.departmentId && g.departmentId !== scope.departmentId) return false;
    return true;
  });
}

export function deviceAllows(role: DeviceRole, deviceCentreId: string, permission: Permission, scope: Scope): boolean {
  return roleHas(role, permission) && (scope.centreId === null || scope.centreId === deviceCentreId);
}

/** Whether a permission reaches every centre (a system administrator's grant). */
export function grantsAllowEverywhere(grants: readonly RoleGrant[], permission: Permission): boolean {
  return grants.some((g) => g.role === 'system_admin' && roleHas(g.role, permission));
}
