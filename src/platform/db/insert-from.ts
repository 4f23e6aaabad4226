/**
 * `insert into <table> (<columns>) select <values> from <from>`: an INSERT to place inside
 * a statement of the caller's (a data-modifying CTE), whose row exists only when `from`
 * (another CTE of the statement) yields one. Each column's value is bound by name
 * (prepared.ts `Bind`, the name `prefix` + the property) and cast to the column's type,
 * which a value in a SELECT list does not take from the target column by itself; a
 * column may instead be given as a SQL expression over `from`'s columns.
 * {@link insertValues} encodes a row for those names as the columns encode it.
 */
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Bind, Encoded } from './prepared.ts';

function columnOf(table: PgTable, key: string) {
  const column = getTableColumns(table)[key];
  if (!column) throw new Error(`${key} is not a column of the table`);
  return column;
}

export function insertFrom<T extends PgTable>(
  table: T,
  keys: readonly (keyof T['$inferInsert'] & string)[],
  bind: Bind,
  prefix: string,
  from: SQL,
  expressions: { readonly [K in keyof T['$inferInsert']]?: SQL } = {},
): SQL {
  const all = [...keys, ...(Object.keys(expressions) as string[])];
  const names = all.map((k) => sql.identifier(columnOf(table, k).name));
  const values = all.map((k) => (expressions as Record<string, SQL>)[k] ?? sql`${bind(prefix + k)}::${sql.raw(columnOf(table, k).getSQLType())}`);
  return sql`insert into ${table} (${sql.join(names, sql`, `)}) select ${sql.join(values, sql`, `)} from ${from}`;
}

/** The values of {@link insertFrom}'s names for one row; the row must have exactly `keys`. */
export function insertValues<T extends PgTable>(table: T, keys: readonly (keyof T['$inferInsert'] & string)[], prefix: string, row: Partial<T['$inferInsert']>): Record<string, Encoded> {
  const given = Object.keys(row).filter((k) => !keys.includes(k as never));
  if (given.length > 0) throw new Error(`insertValues: ${given.join(', ')} not among the columns written`);
  const out: Record<string, Encoded> = {};
  for (const k of keys) {
    const value = (row as Record<string, unknown>)[k];
    out[prefix + k] = value === null || value === undefined ? null : (columnOf(table, k).mapToDriverValue(value) as Encoded);
  }
  return out;
}
