/**
 * The one way to reach the database: PGlite (PostgreSQL in WASM) embedded under the
 * data directory by default, or PostgreSQL when DATABASE_URL is set. Same Drizzle
 * API, same migrations, same SQL.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths.ts';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import pg from 'pg';
import { createChangeFeed, type ChangeFeed } from './change-feed.ts';

export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the database or an open transaction: repositories take whichever they are given. */
export type Queryable = Db | Tx;
export type Engine = 'pglite' | 'postgres';

export interface Database {
  readonly db: Db;
  readonly engine: Engine;
  /** The PostgreSQL pool (postgres engine only), for LISTEN/NOTIFY and raw clients. */
  readonly pool: pg.Pool | undefined;
  /** The PGlite instance (embedded engine only). */
  readonly pglite: PGlite | undefined;
  /** Change notifications between processes (LISTEN/NOTIFY), see change-feed.ts. */
  readonly changes: ChangeFeed;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = join(PROJECT_ROOT, 'migrations');

// PostgreSQL returns int8 and numeric as strings; counts are cast to int in SQL instead.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

const BYTEA = 17;
/**
 * bytea on PGlite, as Buffers, in the hex text format (PGlite's bytea_output is never
 * changed): PGlite's own conversion goes byte by byte in JavaScript, seconds for a 10 MB
 * stored file; Node's hex codec takes milliseconds.
 */
const pgliteBytea = {
  serializers: {
    [BYTEA]: (value: unknown) => {
      const bytes = value as Uint8Array;
      return `\\x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')}`;
    },
  },
  parsers: { [BYTEA]: (text: string) => Buffer.from(text.slice(2), 'hex') },
};

export interface OpenOptions {
  readonly databaseUrl?: string | undefined;
  /** Directory for PGlite; `undefined` with no databaseUrl opens an in-memory database. */
  readonly dataDir?: string | undefined;
  /** A PGlite data-directory dump to start from (tests: a migrated template). */
  readonly loadDataDir?: Blob | File | undefined;
  readonly poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle client's error (server restart) must not crash the process.
    pool.on('error', () => undefined);
    const db = drizzlePg(pool) as unknown as Db;
    const changes = createChangeFeed({ databaseUrl: options.databaseUrl });
    return {
      db,
      engine: 'postgres',
      pool,
      pglite: undefined,
      changes,
      close: async () => {
        await changes.close();
        await pool.end();
      },
    };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pglite = new PGlite({
    ...pgliteBytea,
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  await pglite.waitReady;
  const db = drizzlePglite(pglite) as unknown as Db;
  const changes = createChangeFeed({ pglite });
  return {
    db,
    engine: 'pglite',
    pool: undefined,
    pglite,
    changes,
    close: async () => {
      await changes.close();
      await pglite.close();
    },
  };
}

export async function runMigrations(database: Database): Promise<void> {
  if (database.engine === 'postgres') {
    await migratePg(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
  } else {
    await migratePglite(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
  }
}

/** Rows of a raw SQL query, the same shape on both engines. */
export async function queryRows<T>(q: Queryable, query: SQL): Promise<T[]> {
  const result = (await q.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
