/** The first administrator (`admin`): created on a first start, or by `govhall create-admin`. */
import { isStrongPassword } from '../../domain/accounts/password-policy.ts';
import { AppError } from '../../domain/shared/errors.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { hashPassword, randomPassword } from '../../platform/auth/crypto.ts';
import { SYSTEM_ACTOR } from '../../platform/auth/principal.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { countUsers, findUserByName, insertUser } from './user.repository.ts';

export interface CreatedAdmin {
  readonly username: string;
  /** Set when the password was generated and must be shown once. */
  readonly generatedPassword: string | undefined;
}

export async function createAdmin(deps: AppDeps, username: string, password: string | undefined): Promise<CreatedAdmin> {
  if (password !== undefined && !isStrongPassword(password)) throw new AppError('PASSWORD_TOO_WEAK');
  const generated = password === undefined ? randomPassword() : undefined;
  const hash = await hashPassword(password ?? generated!);
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    if (await findUserByName(tx, username)) throw new AppError('USERNAME_TAKEN');
    const user = await insertUser(tx, { username, displayName: '系统管理员', passwordHash: hash, now }, [{ role: 'system_admin', centreId: null }]);
    await writeAudit(tx, SYSTEM_ACTOR, now, { centreId: null, entity: 'user', entityId: user.id, action: 'create', after: { username, roles: ['system_admin'] } });
  });
  return { username, generatedPassword: generated };
}

/** On an empty database: the administrator `admin`, with the configured or a random password. */
export async function ensureFirstAdmin(deps: AppDeps): Promise<CreatedAdmin | undefined> {
  if ((await countUsers(deps.db)) > 0) return undefined;
  return createAdmin(deps, 'admin', deps.config.adminPassword);
}
