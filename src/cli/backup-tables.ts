/** The tables of a backup: which, in what order, with which columns; shared by backup and restore. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { AppError } from '../domain/shared/errors.ts';
import { MIGRATIONS_DIR, queryRows, type Queryable } from '../platform/db/database.ts';
import * as schema from '../schema.ts';

export const BACKUP_FORMAT = 'govhall-backup';
export const BACKUP_VERSION = 1;
export const FETCH_BATCH = 1000;
export const INSERT_BATCH = 500;
/**
 * A table with a bytea column (stored files, up to 10 MB each, twice that as hex text)
 * is read one row per fetch, and an insert batch is closed once its lines hold this many
 * characters, so that memory stays bounded by a few files, not a thousand.
 */
export const BYTEA_FETCH_BATCH = 1;
export const INSERT_BATCH_CHARS = 4 * 1024 * 1024;
export const JSON_NULL_KEY = '$jsonNull';

export interface BackupHeader {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: typeof BACKUP_VERSION;
  readonly appVersion: string;
  /** The latest migration applied to the database the backup was taken from. */
  readonly migration: MigrationStamp;
  readonly createdAt: string;
  readonly engine: string;
  /** Row count per table, in the order the tables follow in the file. */
  readonly tables: Record<string, number>;
}

export interface MigrationStamp {
  readonly tag: string;
  readonly hash: string;
}

// ---------------------------------------------------------------------------------
// Tables and their foreign keys, from the Drizzle table objects of src/schema.ts

export interface ForeignKeyInfo {
  readonly columns: readonly string[];
  readonly target: string;
  readonly nullable: boolean;
}

export interface TableInfo {
  readonly name: string;
  readonly schema: string;
  readonly primaryKey: readonly string[];
  readonly foreignKeys: readonly ForeignKeyInfo[];
}

/** Every table exported by src/schema.ts, by name. */
export function schemaTables(): Map<string, TableInfo> {
  const tables = new Map<string, TableInfo>();
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue;
    const config = getTableConfig(value);
    const primaryKey = config.primaryKeys[0]?.columns.map((c) => c.name) ?? config.columns.filter((c) => c.primary).map((c) => c.name);
    const foreignKeys = config.foreignKeys.map((fk) => {
      const ref = fk.reference();
      return {
        columns: ref.columns.map((c) => c.name),
        target: getTableConfig(ref.foreignTable).name,
        nullable: ref.columns.every((c) => !c.notNull),
      };
    });
    tables.set(config.name, { name: config.name, schema: config.schema ?? 'public', primaryKey, foreignKeys });
  }
  return tables;
}

/**
 * An insertion order that satisfies the foreign keys: a table comes after the tables
 * it references. A cycle (departments ↔ staff) is broken at a table whose pending
 * references are all nullable; those columns, and self-references (centres.parent_id),
 * are inserted as null and filled in once every row is in (see {@link deferredColumns}).
 */
export function dependencyOrder(tables: ReadonlyMap<string, TableInfo> = schemaTables()): string[] {
  const order: string[] = [];
  const placed = new Set<string>();
  const remaining = [...tables.keys()].sort();
  const pending = (t: TableInfo) => t.foreignKeys.filter((fk) => fk.target !== t.name && !placed.has(fk.target));
  while (remaining.length > 0) {
    let next = remaining.find((name) => pending(tables.get(name)!).length === 0);
    if (next === undefined) {
      // Break the cycle at one of its own tables, not at a table that merely waits for it.
      const onCycle = (start: string): boolean => {
        const seen = new Set<string>();
        const stack = pending(tables.get(start)!).map((fk) => fk.target);
        while (stack.length > 0) {
          const name = stack.pop()!;
          if (name === start) return true;
          if (seen.has(name)) continue;
          seen.add(name);
          stack.push(...pending(tables.get(name)!).map((fk) => fk.target));
        }
        return false;
      };
      const breakable = remaining
        .map((name) => ({ name, fks: pending(tables.get(name)!) }))
        .filter((c) => c.fks.every((fk) => fk.nullable) && onCycle(c.name))
        .sort((a, b) => a.fks.length - b.fks.length || a.name.localeCompare(b.name));
      if (breakable.length === 0) throw new Error(`backup: no insertion order satisfies the foreign keys of ${remaining.join(', ')}`);
      next = breakable[0]!.name;
    }
    order.push(next);
    placed.add(next);
    remaining.splice(remaining.indexOf(next), 1);
  }
  return order;
}

/**
 * For tables inserted in `order`: the foreign-key columns that point at the table
 * itself or at a table inserted later. They are inserted as null and set afterwards,
 * which needs them nullable; a problem list is returned otherwise.
 */
export function deferredColumns(tables: ReadonlyMap<string, TableInfo>, order: readonly string[]): { deferred: Map<string, string[]>; problems: string[] } {
  const deferred = new Map<string, string[]>();
  const problems: string[] = [];
  order.forEach((name, i) => {
    const table = tables.get(name)!;
    const later = new Set(order.slice(i));
    const cols: string[] = [];
    for (const fk of table.foreignKeys) {
      if (!later.has(fk.target)) continue;
      if (!fk.nullable) problems.push(`${name}(${fk.columns.join(', ')}) → ${fk.target}`);
      else cols.push(...fk.columns);
    }
    if (cols.length > 0) {
      if (table.primaryKey.length === 0) problems.push(`${name} has no primary key`);
      deferred.set(name, cols);
    }
  });
  return { deferred, problems };
}

// ---------------------------------------------------------------------------------
// What the database itself says about the columns

export interface ColumnInfo {
  readonly name: string;
  readonly type: string;
  readonly generated: boolean;
  /** The sequence behind a serial or identity column. */
  readonly sequence: string | null;
}

export async function catalogColumns(q: Queryable, tables: ReadonlyMap<string, TableInfo>): Promise<Map<string, ColumnInfo[]>> {
  const names = [...tables.keys()];
  const rows = await queryRows<{ table: string; schema: string; name: string; type: string; generated: boolean; sequence: string | null }>(
    q,
    sql`select c.relname as "table", n.nspname as "schema", a.attname as "name",
          format_type(a.atttypid, a.atttypmod) as "type", a.attgenerated <> '' as "generated",
          pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) as "sequence"
        from pg_attribute a
        join pg_class c on c.oid = a.attrelid
        join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and c.relname in (${sql.join(names.map((n) => sql`${n}`), sql`, `)})
          and a.attnum > 0 and not a.attisdropped
        order by c.relname, a.attnum`,
  );
  const result = new Map<string, ColumnInfo[]>();
  for (const r of rows) {
    if (tables.get(r.table)?.schema !== r.schema) continue;
    const list = result.get(r.table) ?? [];
    list.push({ name: r.name, type: r.type, generated: r.generated, sequence: r.sequence });
    result.set(r.table, list);
  }
  for (const name of names) {
    if (!result.has(name)) throw new AppError('BACKUP_INVALID', { message: `数据库中没有表 ${name}，请先执行迁移（govhall migrate）` });
    const unsupported = result.get(name)!.filter((c) => c.type === 'json');
    // A json (not jsonb) value keeps its own whitespace, newlines included, which would break the line format.
    if (unsupported.length > 0) throw new Error(`backup: column ${name}.${unsupported[0]!.name} is json; use jsonb`);
  }
  return result;
}

export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
export const qualified = (t: TableInfo) => `${ident(t.schema)}.${ident(t.name)}`;
export const isJsonb = (c: ColumnInfo) => c.type === 'jsonb';
export const isBytea = (c: ColumnInfo) => c.type === 'bytea';

/** The latest migration applied to this database. */
export async function appliedMigration(q: Queryable): Promise<MigrationStamp> {
  const [latest] = await queryRows<{ hash: string; created_at: string }>(
    q,
    sql`select hash, created_at::text as created_at from drizzle.__drizzle_migrations order by created_at desc, id desc limit 1`,
  ).catch(() => []);
  if (!latest) throw new AppError('BACKUP_INVALID', { message: '数据库尚未执行迁移（govhall migrate）' });
  const journal = JSON.parse(await readFile(join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number; tag: string }[] };
  const entry = journal.entries.find((e) => String(e.when) === latest.created_at);
  return { tag: entry?.tag ?? `unknown-${latest.created_at}`, hash: latest.hash };
}

// Settings under which every value's text is exact and independent of the server's defaults.
export async function exactOutput(tx: Queryable): Promise<void> {
  await tx.execute(sql`set local extra_float_digits = 3`);
  await tx.execute(sql`set local datestyle = 'ISO, YMD'`);
  await tx.execute(sql`set local intervalstyle = 'postgres'`);
  // bytea as \x + hex, which bytea input reads back whatever the server's default output.
  await tx.execute(sql`set local bytea_output = 'hex'`);
}

// ---------------------------------------------------------------------------------
// Backup

export const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;
