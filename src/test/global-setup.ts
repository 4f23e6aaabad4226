/**
 * Prepares a migrated template database once per test run: a PGlite data-directory
 * dump, or (with DATABASE_URL) a PostgreSQL template database. Each test file then
 * starts from its own copy.
 */
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, runMigrations } from '../platform/db/database.ts';

/**
 * Names carry the test run's process id, so that two runs on one PostgreSQL server (a
 * developer's and CI's) never drop each other's databases; leftovers of runs whose
 * process is gone are dropped.
 */
export const TEMPLATE_PREFIX = 'govhall_tpl_';
export const FILE_DB_PREFIX = 'govhall_t_';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    // Leftover test databases of interrupted runs (their process is gone).
    const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where datname like 'govhall\\_t%'`);
    for (const r of rows) {
      const pid = Number(/^govhall_(?:tpl|t)_(\d+)/.exec(r.datname)?.[1]);
      if (Number.isInteger(pid) && !alive(pid)) await admin.query(`drop database if exists "${r.datname}" with (force)`);
    }
    const template = `${TEMPLATE_PREFIX}${process.pid}`;
    await admin.query(`drop database if exists "${template}" with (force)`);
    await admin.query(`create database "${template}"`);
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${template}`;
    const database = await openDatabase({ databaseUrl: templateUrl.toString(), poolSize: 1 });
    await runMigrations(database);
    await database.close();
    await admin.end();
    project.provide('pgliteTemplate', '');
    project.provide('pgTemplate', template);
    return async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      const { rows: mine } = await c.query<{ datname: string }>(`select datname from pg_database where datname like $1 or datname = $2`, [`${FILE_DB_PREFIX}${process.pid}\\_%`, template]);
      for (const r of mine) await c.query(`drop database if exists "${r.datname}" with (force)`);
      await c.end();
    };
  }
  const database = await openDatabase({});
  await runMigrations(database);
  const dump = await database.pglite!.dumpDataDir('none');
  await database.close();
  const dir = join(tmpdir(), 'govhall-test');
  await mkdir(dir, { recursive: true });
  const file = join(dir, `template-${process.pid}.tar`);
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  project.provide('pgTemplate', '');
  return async () => undefined;
}
