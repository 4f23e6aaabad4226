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

export const TEMPLATE_DB = 'govhall_test_template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    // Leftover test databases of an interrupted run.
    const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where datname like 'govhall_t_%' or datname = $1`, [TEMPLATE_DB]);
    for (const r of rows) await admin.query(`drop database if exists "${r.datname}" with (force)`);
    await admin.query(`create database "${TEMPLATE_DB}"`);
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${TEMPLATE_DB}`;
    const database = await openDatabase({ databaseUrl: templateUrl.toString(), poolSize: 1 });
    await runMigrations(database);
    await database.close();
    await admin.end();
    project.provide('pgliteTemplate', '');
    return async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists "${TEMPLATE_DB}" with (force)`);
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
  return async () => undefined;
}
