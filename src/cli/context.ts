import { join } from 'node:path';
import type { Config } from '../platform/config.ts';
import { openDatabase, type Database } from '../platform/db/database.ts';
import type { AppDeps } from '../platform/deps.ts';
import type { DemoSeed } from '../modules/demo/seed.ts';

export async function openConfigured(config: Config): Promise<Database> {
  return openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : join(config.dataDir, 'pglite') });
}

export function depsOf(config: Config, database: Database): AppDeps {
  return { config, database, db: database.db, clock: () => new Date() };
}

export function printDemoAccounts(seed: DemoSeed, port?: number): void {
  console.log('\n演示账号 / demo accounts:');
  for (const a of seed.accounts) console.log(`  ${a.role.padEnd(22)} ${a.username.padEnd(16)} ${a.password}`);
  // Device tokens are shown once, like every device token: enter them on the device's set-up screen.
  console.log('\n演示设备令牌（只显示这一次）/ demo device tokens (shown only this once):');
  const base = port ? `http://localhost:${port}` : '';
  for (const d of seed.devices) console.log(`  ${d.name}  ${base}${d.path}  ${d.token}`);
  console.log(`\n中心编号 / centre id: ${seed.centreId}`);
  console.log('');
}
