import { buildApp } from '../app.ts';
import type { Config } from '../platform/config.ts';
import { runMigrations } from '../platform/db/database.ts';
import { ensureFirstAdmin } from '../modules/accounts/admin.service.ts';
import { hasAnyCentre, seedDemo } from '../modules/demo/seed.ts';
import { depsOf, openConfigured, printDemoAccounts } from './context.ts';
import { JOBS } from '../jobs.ts';
import { startJobs } from '../platform/jobs/jobs.ts';

/** Starts GovHall: migrations, first administrator, demo centre on a first embedded start, then HTTP and the periodic jobs. */
export async function serve(config: Config): Promise<number> {
  const database = await openConfigured(config);
  const deps = depsOf(config, database);
  await runMigrations(database);

  const admin = await ensureFirstAdmin(deps);
  const firstStart = admin !== undefined;
  if (admin) {
    console.log(
      admin.generatedPassword
        ? `\n首个管理员 / first administrator: admin  密码 / password: ${admin.generatedPassword}\n（只显示这一次 / shown only this once）\n`
        : '\n首个管理员 / first administrator: admin (password from GOVHALL_ADMIN_PASSWORD)\n',
    );
  }
  const loadDemo = config.demo ?? (database.engine === 'pglite' && firstStart);
  if (loadDemo && !(await hasAnyCentre(deps))) printDemoAccounts(await seedDemo(deps), config.port);

  const app = await buildApp(deps);
  await app.listen({ port: config.port, host: config.host });
  const jobs = startJobs(deps, JOBS, app.log);
  const stop = async () => {
    await jobs.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  console.log(`GovHall 已启动 / listening on http://localhost:${config.port}  (${database.engine})`);
  return 0;
}
