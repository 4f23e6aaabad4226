/**
 * Tokens of the centre's devices: kiosks (取号机), displays (显示屏) and rating
 * devices (评价器). A token is shown once at creation; only its sha256 is stored, and
 * it acts only in its own centre. Revocation takes effect at once in this process.
 */
import { randomUUID } from 'node:crypto';
import type { DeviceRole } from '../../domain/accounts/roles.ts';
import { AppError } from '../../domain/shared/errors.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { randomToken, sha256 } from '../../platform/auth/crypto.ts';
import type { Actor } from '../../platform/auth/principal.ts';
import { DEVICE_TOKEN_PREFIX, forgetCredential } from '../../platform/auth/sessions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { getCentre } from '../organisation/centres/centre.service.ts';
import * as repo from './device-token.repository.ts';
import type { DeviceTokenCreate, DeviceTokenCreated, DeviceTokenView } from './device-token.schemas.ts';

/** Characters of the token kept in clear, to tell tokens apart on screen. */
const SHOWN_CHARS = DEVICE_TOKEN_PREFIX.length + 6;

function tokenView(row: repo.DeviceTokenRow): DeviceTokenView {
  return {
    id: row.id,
    centreId: row.centreId,
    name: row.name,
    role: row.role as DeviceRole,
    tokenPrefix: row.tokenPrefix,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** For `entityScope`: the centre a token belongs to. */
export async function deviceTokenCentre(deps: AppDeps, id: string): Promise<{ centreId: string } | undefined> {
  const row = await repo.findDeviceToken(deps.db, id);
  return row ? { centreId: row.centreId } : undefined;
}

export async function listDeviceTokens(deps: AppDeps, centreId: string): Promise<DeviceTokenView[]> {
  await getCentre(deps, centreId);
  return (await repo.listDeviceTokens(deps.db, centreId)).map(tokenView);
}

export async function createDeviceToken(deps: AppDeps, actor: Actor, centreId: string, input: DeviceTokenCreate): Promise<DeviceTokenCreated> {
  const centre = await getCentre(deps, centreId);
  if (centre.retiredAt) throw new AppError('CENTRE_RETIRED');
  const token = DEVICE_TOKEN_PREFIX + randomToken(32);
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const row = await repo.insertDeviceToken(tx, {
      id: randomUUID(),
      centreId,
      role: input.role,
      name: input.name.trim(),
      tokenHash: sha256(token),
      tokenPrefix: token.slice(0, SHOWN_CHARS),
      createdBy: actor.type === 'user' ? actor.id : null,
      createdAt: now,
    });
    const view = tokenView(row);
    await writeAudit(tx, actor, now, { centreId, entity: 'device_token', entityId: row.id, action: 'create', after: view });
    return { ...view, token };
  });
}

/** Revokes a token (idempotent: revoking twice changes nothing the second time). */
export async function revokeDeviceToken(deps: AppDeps, actor: Actor, id: string): Promise<DeviceTokenView> {
  const now = deps.clock();
  const row = await deps.db.transaction(async (tx) => {
    const before = await repo.lockDeviceToken(tx, id);
    if (!before) throw new AppError('DEVICE_TOKEN_NOT_FOUND');
    if (before.revokedAt) return before;
    const after = await repo.revokeDeviceToken(tx, id, now);
    await writeAudit(tx, actor, now, { centreId: after.centreId, entity: 'device_token', entityId: id, action: 'revoke', before: tokenView(before), after: tokenView(after) });
    return after;
  });
  // The bearer cache is keyed by the token's hash: the next request reads the revocation.
  forgetCredential(row.tokenHash);
  return tokenView(row);
}
