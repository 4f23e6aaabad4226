import type { DeviceRole } from '../../domain/accounts/roles.ts';
import type { RoleGrant } from './policy.ts';

export interface UserPrincipal {
  readonly kind: 'user';
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly grants: readonly RoleGrant[];
  readonly sessionId: string;
  readonly csrfToken: string;
}

export interface DevicePrincipal {
  readonly kind: 'device';
  readonly id: string;
  readonly name: string;
  readonly role: DeviceRole;
  readonly centreId: string;
}

export type Principal = UserPrincipal | DevicePrincipal;

/** Who did something, as the audit trail records it. */
export interface Actor {
  readonly type: 'user' | 'device' | 'system';
  readonly id: string | null;
  readonly name: string;
  readonly requestId: string | null;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, name: 'system', requestId: null };

export function actorOf(principal: Principal | null, requestId: string): Actor {
  if (!principal) return { type: 'system', id: null, name: 'anonymous', requestId };
  if (principal.kind === 'user') return { type: 'user', id: principal.id, name: principal.username, requestId };
  return { type: 'device', id: principal.id, name: principal.name, requestId };
}
