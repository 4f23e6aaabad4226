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
 * and a backup taken on embedded PGlite restores into PostgreSQL. A jsonb column that
 * holds JSON `null` (not SQL NULL) is listed in the row's `$jsonNull` key, since
 * `to_json` writes both as `null`.
 *
 * Both directions stream: rows are read through a cursor and written batch by batch,
 * and restore inserts batches of {@link INSERT_BATCH} rows as they are read.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pipeline as pipelineCb } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { AppError } from '../domain/shared/errors.ts';
import { MIGRATIONS_DIR, queryRows, type Queryable } from '../platform/db/database.ts';
import type { AppDeps } from '../platform/deps.ts';
import * as schema from '../schema.ts';
import { VERSION } from '../version.ts';

export const BACKUP_FORMAT = 'govhall-backup';
export const BACKUP_VERSION = 1;
const FETCH_BATCH = 1000;
const INSERT_BATCH = 500;
const JSON_NULL_KEY = '$jsonNull';

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

interface ForeignKeyInfo {
  readonly columns: readonly string[];
  readonly target: string;
  readonly nullable: boolean;
}

interface TableInfo {
  readonly name: string;
  readonly schema: string;
  readonly primaryKey: readonly string[];
  readonly foreignKeys: readonly ForeignKeyInfo[];
}

/** Every table exported by src/schema.ts, by name. */
function schemaTables(): Map<string, TableInfo> {
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
function deferredColumns(tables: ReadonlyMap<string, TableInfo>, order: readonly string[]): { deferred: Map<string, string[]>; problems: string[] } {
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

interface ColumnInfo {
  readonly name: string;
  readonly type: string;
  readonly generated: boolean;
  /** The sequence behind a serial or identity column. */
  readonly sequence: string | null;
}

async function catalogColumns(q: Queryable, tables: ReadonlyMap<string, TableInfo>): Promise<Map<string, ColumnInfo[]>> {
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

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const qualified = (t: TableInfo) => `${ident(t.schema)}.${ident(t.name)}`;
const isJsonb = (c: ColumnInfo) => c.type === 'jsonb';

/** The latest migration applied to this database. */
async function appliedMigration(q: Queryable): Promise<MigrationStamp> {
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
async function exactOutput(tx: Queryable): Promise<void> {
  await tx.execute(sql`set local extra_float_digits = 3`);
  await tx.execute(sql`set local datestyle = 'ISO, YMD'`);
  await tx.execute(sql`set local intervalstyle = 'postgres'`);
}

// ---------------------------------------------------------------------------------
// Backup

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
  await tx.execute(sql.raw(`declare ${cursor} no scroll cursor for select ${line} as line from ${qualified(table)} as r${orderBy}`));
  for (;;) {
    const rows = await queryRows<{ line: string }>(tx, sql.raw(`fetch forward ${FETCH_BATCH} from ${cursor}`));
    if (rows.length === 0) break;
    yield rows.map((r) => r.line);
  }
  await tx.execute(sql.raw(`close ${cursor}`));
}

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

// ---------------------------------------------------------------------------------
// Restore

const invalid = (message: string) => new AppError('BACKUP_INVALID', { message: `备份文件无效：${message}` });

/** The text lines of a gzip file, read as they come; a broken stream surfaces as BACKUP_INVALID. */
async function* readLines(file: string): AsyncGenerator<string> {
  const source = createReadStream(file);
  try {
    await once(source, 'open');
  } catch {
    throw invalid(`无法打开文件 ${file}`);
  }
  const gunzip = pipelineCb(source, createGunzip(), () => undefined);
  gunzip.setEncoding('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip as AsyncIterable<string>) {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop()!;
      yield* parts;
    }
  } catch (err) {
    throw invalid(`不是完整的 gzip 文件（${(err as Error).message}）`);
  } finally {
    gunzip.destroy();
  }
  if (rest !== '') yield rest;
}

function parseJsonLine(line: string | undefined, what: string): Record<string, unknown> {
  if (line === undefined) throw invalid(`文件在${what}之前结束`);
  try {
    const value: unknown = JSON.parse(line);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw invalid(`${what}不是 JSON 对象`);
}

function checkHeader(header: Record<string, unknown>, current: MigrationStamp, tables: ReadonlyMap<string, TableInfo>): BackupHeader {
  if (header.format !== BACKUP_FORMAT) throw invalid('不是 GovHall 备份文件');
  if (header.version !== BACKUP_VERSION) throw invalid(`备份格式版本 ${String(header.version)} 不受支持（支持 ${BACKUP_VERSION}）`);
  const migration = header.migration as Partial<MigrationStamp> | undefined;
  if (migration?.hash !== current.hash) {
    throw new AppError('BACKUP_INVALID', {
      message: `备份的数据库结构版本（${String(migration?.tag)}）与当前数据库（${current.tag}）不一致，请使用相同版本的 GovHall 恢复 / the backup was taken at migration ${String(migration?.tag)}, this database is at ${current.tag}`,
    });
  }
  const counts = header.tables;
  if (counts === null || typeof counts !== 'object') throw invalid('缺少表清单');
  const entries = Object.entries(counts as Record<string, unknown>);
  const names = entries.map(([n]) => n);
  const missing = [...tables.keys()].filter((n) => !names.includes(n));
  const unknown = names.filter((n) => !tables.has(n));
  if (missing.length > 0 || unknown.length > 0) throw invalid(`表清单与当前数据库不符（缺少 ${missing.join('、') || '无'}，多出 ${unknown.join('、') || '无'}）`);
  if (entries.some(([, n]) => !Number.isSafeInteger(n) || (n as number) < 0)) throw invalid('行数不正确');
  return header as unknown as BackupHeader;
}

/** The SQLSTATE of a database error, looking through Drizzle's wrapper. */
function sqlState(err: unknown): string | undefined {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

function rootMessage(err: unknown): string {
  let e: unknown = err;
  while (e instanceof Error && e.cause instanceof Error) e = e.cause;
  return e instanceof Error ? e.message : String(e);
}

export async function restoreFromFile(deps: AppDeps, file: string): Promise<Record<string, number>> {
  const tables = schemaTables();
  const lines = readLines(file);
  const next = async () => (await lines.next()).value as string | undefined;
  try {
    const header = checkHeader(parseJsonLine(await next(), '文件头'), await appliedMigration(deps.db), tables);
    const order = Object.keys(header.tables);
    const { deferred, problems } = deferredColumns(tables, order);
    if (problems.length > 0) throw invalid(`表的顺序不满足外键约束：${problems.join('；')}`);

    return await deps.db.transaction(async (tx) => {
      await exactOutput(tx);
      const columns = await catalogColumns(tx, tables);
      await tx.execute(sql.raw(`truncate table ${order.map((n) => qualified(tables.get(n)!)).join(', ')}`));
      if (deferred.size > 0) await tx.execute(sql.raw(`create temporary table govhall_restore_deferred (tbl text not null, row json not null) on commit drop`));

      const counts: Record<string, number> = {};
      let total = 0;
      for (const name of order) {
        const table = tables.get(name)!;
        const cols = columns.get(name)!.filter((c) => !c.generated);
        const section = parseJsonLine(await next(), `表 ${name} 的段头`);
        if (section.table !== name || section.rows !== header.tables[name]) throw invalid(`表 ${name} 的段头与文件头不符`);
        const fileColumns = Array.isArray(section.columns) ? (section.columns as unknown[]) : [];
        const same = fileColumns.length === columns.get(name)!.length && columns.get(name)!.every((c) => fileColumns.includes(c.name));
        if (!same) throw invalid(`表 ${name} 的列与当前数据库不符`);

        const later = deferred.get(name) ?? [];
        const insert = insertStatement(table, cols, later);
        let batch: string[] = [];
        const flush = async () => {
          if (batch.length === 0) return;
          const rows = `[${batch.join(',')}]`;
          try {
            await tx.execute(sql`${sql.raw(insert)} from json_array_elements(${rows}::json) as e(x) cross join lateral json_populate_record(null::${sql.raw(qualified(table))}, e.x) as r`);
            if (later.length > 0) await tx.execute(sql`insert into govhall_restore_deferred select ${name}::text, x from json_array_elements(${rows}::json) as x`);
          } catch (err) {
            const state = sqlState(err);
            if (state?.startsWith('22') || state?.startsWith('23')) throw invalid(`表 ${name} 的数据无法写入（${rootMessage(err)}）`);
            throw err;
          }
          batch = [];
        };
        for (let i = 0; i < header.tables[name]!; i++) {
          const line = await next();
          if (line === undefined) throw invalid(`文件在表 ${name} 的第 ${i + 1} 行之前结束`);
          if (!line.startsWith('{') || !line.endsWith('}')) throw invalid(`表 ${name} 的第 ${i + 1} 行不是 JSON 对象`);
          batch.push(line);
          if (batch.length >= INSERT_BATCH) await flush();
        }
        await flush();
        counts[name] = header.tables[name]!;
        total += counts[name];
      }
      const end = parseJsonLine(await next(), '结束标记');
      if (end.end !== true || end.rows !== total) throw invalid('结束标记不正确');
      if ((await next()) !== undefined) throw invalid('结束标记之后还有内容');

      for (const [name, cols] of deferred) {
        const table = tables.get(name)!;
        const set = cols.map((c) => `${ident(c)} = r.${ident(c)}`).join(', ');
        const match = table.primaryKey.map((c) => `t.${ident(c)} = r.${ident(c)}`).join(' and ');
        await tx.execute(
          sql`${sql.raw(`update ${qualified(table)} as t set ${set} from govhall_restore_deferred as d cross join lateral json_populate_record(null::${qualified(table)}, d.row) as r where d.tbl = `)}${name}::text${sql.raw(` and ${match}`)}`,
        );
      }
      for (const name of order) {
        for (const c of columns.get(name)!) {
          if (!c.sequence) continue;
          const table = qualified(tables.get(name)!);
          const [row] = await queryRows<{ max: string | null }>(tx, sql.raw(`select max(${ident(c.name)})::text as max from ${table}`));
          if (row?.max == null) await tx.execute(sql.raw(`alter sequence ${c.sequence} restart`));
          else await tx.execute(sql`select setval(${c.sequence}::regclass, ${row.max}::bigint, true)`);
        }
      }
      return counts;
    });
  } finally {
    await lines.return(undefined);
  }
}

/** `insert into … select …` for one table, up to its `from`: deferred columns go in as null, jsonb JSON nulls are put back. */
function insertStatement(table: TableInfo, cols: readonly ColumnInfo[], deferred: readonly string[]): string {
  const values = cols.map((c) => {
    if (deferred.includes(c.name)) return 'null';
    if (isJsonb(c)) {
      return `case when (e.x -> '${JSON_NULL_KEY}')::jsonb ? ${sqlString(c.name)} then 'null'::jsonb else r.${ident(c.name)} end`;
    }
    return `r.${ident(c.name)}`;
  });
  return `insert into ${qualified(table)} (${cols.map((c) => ident(c.name)).join(', ')}) overriding system value select ${values.join(', ')}`;
}
