/**
 * `govhall backup FILE` / `govhall restore FILE`: a logical dump of every table of
 * src/schema.ts as gzip-compressed JSON lines.
 *
 *   line 1            header {format, version, appVersion, migration, createdAt, engine, tables}
 *   per table         {"table": name, "columns": [...], "rows": n}, then n row lines
 *   last line         {"end": true, "rows": total}
 *
 * A row line is the database's own `to_json(row)` text and is handed back to the
 * database as text on restore: no value is ever parsed by JavaScript, so timestamps
 * (microseconds), doubles, bigints beyond 2^53, dates and jsonb round-trip exactly,
 * and a backup taken on embedded PGlite restores into PostgreSQL (bytea travels as `\x`
 * + hex, the stored files included, byte for byte). A jsonb column that
 * holds JSON `null` (not SQL NULL) is listed in the row's `$jsonNull` key, since
 * `to_json` writes both as `null`.
 *
 * Both directions stream: rows are read through a cursor and written batch by batch,
 * and restore inserts batches of {@link INSERT_BATCH} rows as they are read.
 */
import { createWriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../platform/db/database.ts';
import type { AppDeps } from '../platform/deps.ts';
import { VERSION } from '../version.ts';
import { appliedMigration, sqlString, BACKUP_FORMAT, BACKUP_VERSION, BYTEA_FETCH_BATCH, catalogColumns, dependencyOrder, exactOutput, FETCH_BATCH, ident, isBytea, isJsonb, JSON_NULL_KEY, qualified, schemaTables, type BackupHeader, type ColumnInfo, type TableInfo } from './backup-tables.ts';

export { dependencyOrder, type BackupHeader } from './backup-tables.ts';
export { restoreFromFile } from './restore.ts';

export async function backupToFile(deps: AppDeps, file: string): Promise<Record<string, number>> {
  const tables = schemaTables();
  const order = dependencyOrder(tables);
  const temp = `${file}.partial-${process.pid}`;
  try {
    const counts = await deps.db.transaction(
      async (tx) => {
        await exactOutput(tx);
        const columns = await catalogColumns(tx, tables);
        const counts: Record<string, number> = {};
        for (const name of order) {
          const [row] = await queryRows<{ n: string }>(tx, sql.raw(`select count(*)::text as n from ${qualified(tables.get(name)!)}`));
          counts[name] = Number(row!.n);
        }
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          appVersion: VERSION,
          migration: await appliedMigration(tx),
          createdAt: deps.clock().toISOString(),
          engine: deps.database.engine,
          tables: counts,
        };
        async function* lines(): AsyncGenerator<string> {
          yield `${JSON.stringify(header)}\n`;
          let total = 0;
          for (const name of order) {
            const table = tables.get(name)!;
            const cols = columns.get(name)!;
            yield `${JSON.stringify({ table: name, columns: cols.map((c) => c.name), rows: counts[name] })}\n`;
            let written = 0;
            for await (const batch of dumpRows(tx, table, cols)) {
              written += batch.length;
              yield `${batch.join('\n')}\n`;
            }
            if (written !== counts[name]) throw new Error(`backup: ${name} yielded ${written} rows, counted ${counts[name]}`);
            total += written;
          }
          yield `${JSON.stringify({ end: true, rows: total })}\n`;
        }
        await pipeline(Readable.from(lines()), createGzip(), createWriteStream(temp));
        return counts;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    await rename(temp, file);
    return counts;
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
}

/** The rows of one table as JSON texts, in primary-key order, through a cursor. */
async function* dumpRows(tx: Queryable, table: TableInfo, cols: readonly ColumnInfo[]): AsyncGenerator<string[]> {
  const jsonNulls = cols
    .filter(isJsonb)
    .map((c) => `case when jsonb_typeof(r.${ident(c.name)}) = 'null' then ${sqlString(c.name)} end`);
  const line =
    jsonNulls.length === 0
      ? `to_json(r)::text`
      : `case when cardinality(array_remove(array[${jsonNulls.join(', ')}]::text[], null)) = 0 then to_json(r)::text
          else left(to_json(r)::text, -1) || ',"${JSON_NULL_KEY}":' || array_to_json(array_remove(array[${jsonNulls.join(', ')}]::text[], null))::text || '}' end`;
  const orderBy = table.primaryKey.length > 0 ? ` order by ${table.primaryKey.map((c) => `r.${ident(c)}`).join(', ')}` : '';
  const cursor = ident(`govhall_backup_${table.name}`);
  const batch = cols.some(isBytea) ? BYTEA_FETCH_BATCH : FETCH_BATCH;
  await tx.execute(sql.raw(`declare ${cursor} no scroll cursor for select ${line} as line from ${qualified(table)} as r${orderBy}`));
  for (;;) {
    const rows = await queryRows<{ line: string }>(tx, sql.raw(`fetch forward ${batch} from ${cursor}`));
    if (rows.length === 0) break;
    yield rows.map((r) => r.line);
  }
  await tx.execute(sql.raw(`close ${cursor}`));
}

