import { join } from 'node:path';
import type { Config } from '../platform/config.ts';
import { openDatabase, type Database } from '../platform/db/database.ts';
import type { AppDeps } from '../platform/deps.ts';

export async function openConfigured(config: Config): Promise<Database> {
  return openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : join(config.dataDir, 'pglite') });
}

export function depsOf(config: Config, database: Database): AppDeps {
  return { config, database, db: database.db, clock: () => new Date() };
}

export function printDemoAccounts(accounts: readonly { username: string; password: string; role: string }[]): void {
  if (accounts.length === 0) return;
  console.log('\n演示账号 / demo accounts:');
  for (const a of accounts) console.log(`  ${a.role.padEnd(22)} ${a.username.padEnd(16)} ${a.password}`);
  console.log('');
}
