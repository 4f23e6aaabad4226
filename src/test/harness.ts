/**
 * Module tests: the real app over a real, freshly migrated database (PGlite, or
 * PostgreSQL when DATABASE_URL is set), driven through `app.inject()`.
 */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import type { UserRole } from '../domain/accounts/roles.ts';
import { loadConfig } from '../platform/config.ts';
import type { Database, Engine } from '../platform/db/database.ts';
import type { AppDeps } from '../platform/deps.ts';
import type { App } from '../platform/http/app-type.ts';
import { hashPassword } from '../platform/auth/crypto.ts';
import { forgetCredential } from '../platform/auth/sessions.ts';
import { insertUser, type GrantInput } from '../modules/accounts/user.repository.ts';
import { openTestDatabase, openTestDatabaseOn } from './test-database.ts';

export const TEST_PASSWORD = 'Test-password-2025';
let passwordHash: Promise<string> | undefined;

export interface Session {
  readonly cookie: string;
  readonly csrfToken: string;
  readonly userId: string;
}

export interface TestContext {
  readonly app: App;
  readonly deps: AppDeps;
  readonly database: Database;
  /** Moves the injected clock. */
  setNow(date: Date): void;
  /** A new user with these grants, logged in. */
  userWith(grants: readonly GrantInput[], username?: string): Promise<Session>;
  /** A request as a logged-in user (cookie and CSRF token attached). */
  as(session: Session | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

let counter = 0;

export async function createTestContext(options: { now?: Date; engine?: Engine } = {}): Promise<TestContext> {
  const database = options.engine ? await openTestDatabaseOn(options.engine) : await openTestDatabase();
  let now = options.now ?? new Date('2025-03-03T10:00:00+08:00');
  const config = loadConfig({ LOG_LEVEL: 'silent', GOVHALL_DATA_DIR: '/nonexistent', GOVHALL_WEB_DIR: '/nonexistent' });
  const deps: AppDeps = { database, db: database.db, clock: () => now, config };
  const app = await buildApp(deps, { logger: false, web: false });
  await app.ready();

  const ctx: TestContext = {
    app,
    deps,
    database,
    setNow(date) {
      now = date;
      forgetCredential();
    },
    async userWith(grants, username) {
      const name = username ?? `user${++counter}_${grants.map((g) => g.role).join('_') || 'none'}`;
      passwordHash ??= hashPassword(TEST_PASSWORD);
      const user = await insertUser(database.db, { username: name, displayName: name, passwordHash: await passwordHash, now }, grants);
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: name, password: TEST_PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'govhall_session');
      return { cookie: `govhall_session=${cookie!.value}`, csrfToken: res.json<{ csrfToken: string }>().csrfToken, userId: user.id };
    },
    async as(session, opts) {
      const headers: Record<string, string> = { ...(opts.headers as Record<string, string> | undefined) };
      if (session) {
        headers.cookie = session.cookie;
        headers['x-csrf-token'] = session.csrfToken;
      }
      return app.inject({ ...opts, headers });
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
  return ctx;
}

export function role(role: UserRole, centreId: string | null = null, departmentId: string | null = null): GrantInput {
  return { role, centreId, departmentId };
}
