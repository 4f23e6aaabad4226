/** `govhall restore FILE`: replaces all data with a backup written by backup.ts, in one transaction. */
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { pipeline as pipelineCb } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { AppError } from '../domain/shared/errors.ts';
import { queryRows } from '../platform/db/database.ts';
import type { AppDeps } from '../platform/deps.ts';
import { appliedMigration, exactOutput, sqlString, BACKUP_FORMAT, BACKUP_VERSION, catalogColumns, deferredColumns, ident, INSERT_BATCH, INSERT_BATCH_CHARS, isJsonb, JSON_NULL_KEY, qualified, schemaTables, type BackupHeader, type ColumnInfo, type MigrationStamp, type TableInfo } from './backup-tables.ts';


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
      // A stored file is one line of megabytes: gather its chunks, split once it ends.
      if (!chunk.includes('\n')) {
        rest += chunk;
        continue;
      }
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
        let batchChars = 0;
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
          batchChars = 0;
        };
        for (let i = 0; i < header.tables[name]!; i++) {
          const line = await next();
          if (line === undefined) throw invalid(`文件在表 ${name} 的第 ${i + 1} 行之前结束`);
          if (!line.startsWith('{') || !line.endsWith('}')) throw invalid(`表 ${name} 的第 ${i + 1} 行不是 JSON 对象`);
          batch.push(line);
          batchChars += line.length;
          if (batch.length >= INSERT_BATCH || batchChars >= INSERT_BATCH_CHARS) await flush();
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

