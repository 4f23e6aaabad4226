/** A fresh, migrated database for one test file: a PGlite copy, or a PostgreSQL database made from the template. */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, runMigrations, type Database, type Engine } from '../platform/db/database.ts';


export async function openTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) {
    // The run's template is govhall_tpl_<pid>; its files' databases govhall_t_<pid>_<random> (see global-setup.ts).
    const template = inject('pgTemplate');
    const run = template.slice('govhall_tpl_'.length);
    const name = `govhall_t_${run}_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database "${name}" template "${template}"`);
    await admin.end();
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: dbUrl.toString(), poolSize: 5 });
    return {
      ...database,
      close: async () => {
        await database.close();
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`drop database if exists "${name}" with (force)`);
        await c.end();
      },
    };
  }
  return openPgliteTestDatabase();
}

/** A fresh, migrated database on the named engine, whatever DATABASE_URL says (cross-engine tests; postgres needs DATABASE_URL). */
export async function openTestDatabaseOn(engine: Engine): Promise<Database> {
  if (engine === 'pglite') return openPgliteTestDatabase();
  if (!process.env.DATABASE_URL) throw new Error('a PostgreSQL test database needs DATABASE_URL');
  return openTestDatabase();
}

async function openPgliteTestDatabase(): Promise<Database> {
  const template = inject('pgliteTemplate');
  if (template) return openDatabase({ loadDataDir: new Blob([await readFile(template)]) });
  const database = await openDatabase({});
  await runMigrations(database);
  return database;
}
