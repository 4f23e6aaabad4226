/**
 * The `govhall` command: serve, migrate, seed-demo, create-admin, backup FILE, restore FILE.
 */
import { ConfigError, loadConfig, type Config } from '../platform/config.ts';
import { runMigrations } from '../platform/db/database.ts';
import { AppError } from '../domain/shared/errors.ts';
import { createAdmin, ensureFirstAdmin } from '../modules/accounts/admin.service.ts';
import { seedDemo, hasAnyCentre } from '../modules/demo/seed.ts';
import { backupToFile, restoreFromFile } from './backup.ts';
import { serve } from './serve.ts';
import { depsOf, openConfigured, printDemoAccounts } from './context.ts';

const USAGE = `用法 / usage: govhall <command>
  serve              启动服务（默认） / start the server
  migrate            执行数据库迁移 / apply migrations
  seed-demo          载入演示中心 / load the demo centre
  create-admin NAME  新建系统管理员（密码取自 GOVHALL_ADMIN_PASSWORD，否则随机生成） / create an administrator
  backup FILE        备份全部数据 / back up all data
  restore FILE       从备份恢复（覆盖现有数据） / restore from a backup (replaces all data)`;

export async function main(argv: string[]): Promise<number> {
  const [command = 'serve', ...args] = argv;
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
  if (command === 'serve') return serve(config);
  if (command === 'help' || command === '--help') {
    console.log(USAGE);
    return 0;
  }

  const database = await openConfigured(config);
  const deps = depsOf(config, database);
  try {
    await runMigrations(database);
    switch (command) {
      case 'migrate':
        console.log(`migrations applied (${database.engine})`);
        return 0;
      case 'seed-demo': {
        if (await hasAnyCentre(deps)) {
          console.error('演示数据未载入：数据库中已有中心 / the database already has centres');
          return 1;
        }
        await ensureFirstAdmin(deps);
        printDemoAccounts(await seedDemo(deps));
        return 0;
      }
      case 'create-admin': {
        const name = args[0] ?? 'admin';
        const created = await createAdmin(deps, name, config.adminPassword);
        console.log(`administrator ${created.username} created${created.generatedPassword ? `, password: ${created.generatedPassword}` : ''}`);
        return 0;
      }
      case 'backup': {
        if (!args[0]) break;
        const counts = await backupToFile(deps, args[0]);
        console.log(`backup written to ${args[0]}: ${Object.values(counts).reduce((a, b) => a + b, 0)} rows`);
        return 0;
      }
      case 'restore': {
        if (!args[0]) break;
        const counts = await restoreFromFile(deps, args[0]);
        console.log(`restored ${Object.values(counts).reduce((a, b) => a + b, 0)} rows from ${args[0]}`);
        return 0;
      }
      default:
        break;
    }
    console.error(USAGE);
    return 2;
  } catch (err) {
    if (err instanceof AppError) {
      console.error(`${err.code}: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    await database.close();
  }
}
