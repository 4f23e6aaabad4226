import type { Config } from './config.ts';
import type { Database, Db } from './db/database.ts';

/** What use cases are handed: the database, the clock, the configuration. */
export interface AppDeps {
  readonly database: Database;
  readonly db: Db;
  readonly clock: () => Date;
  readonly config: Config;
}
