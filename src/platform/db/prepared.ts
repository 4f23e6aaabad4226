/**
 * Hot statements as named prepared statements: parsed and planned once per connection
 * (PostgreSQL then keeps a generic plan), not at every call, and rendered to SQL text
 * once per process. For a large statement on a hot path (issuing a ticket: a dozen CTEs)
 * the parse and the plan cost more than the execution, on PGlite several times more, and
 * so does building the text with Drizzle's `sql` templates.
 *
 * A statement is written once as a function of a {@link Bind}: every value it takes is
 * `bind('name')`, never a parameter of its own (rendering checks that), and each call
 * passes the values by name, encoded for the wire (text, number, boolean or null).
 *
 * `run` executes it on its own, as its own transaction (autocommit), never inside a
 * caller's transaction: on PostgreSQL through the pool (node-postgres prepares a named
 * statement once per connection), on PGlite through its wire protocol (the Parse, Bind,
 * Execute and Sync messages PGlite's own `query` sends, with the statement named and
 * parsed once) under PGlite's transaction and query locks, so it waits for, and never
 * runs within, a transaction another caller has open. The name is a digest of the text.
 * `sql` gives the same statement with the values, to run inside a transaction.
 */
import { createHash } from 'node:crypto';
import { parse, protocol, type PGlite } from '@electric-sql/pglite';
import { fillPlaceholders, is, Placeholder, sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Database } from './database.ts';

/** A statement's value by name, as SQL (a placeholder when rendered once, a parameter when run with its values). */
export type Bind = (name: string) => SQL;

export type Encoded = string | number | boolean | null;
export type Values = Readonly<Record<string, Encoded>>;

export interface PreparedStatement {
  /** Runs on its own (its own transaction), prepared once per connection. */
  run<T>(database: Database, values: Values): Promise<T[]>;
  /** The statement with its values, to run in a transaction (`queryRows(tx, …)`). */
  sql(values: Values): SQL;
}

const dialect = new PgDialect();

export function preparedStatement(build: (bind: Bind) => SQL): PreparedStatement {
  let rendered: { readonly text: string; readonly params: unknown[]; readonly name: string } | undefined;
  const render = () => {
    if (rendered) return rendered;
    const { sql: text, params } = dialect.sqlToQuery(build((name) => sql`${sql.placeholder(name)}`));
    // A value built into the text as a parameter would be the first call's for every later one.
    const fixed = params.find((p) => !is(p, Placeholder));
    if (fixed !== undefined) throw new Error(`a prepared statement takes its values by name only; it has a fixed parameter ${JSON.stringify(fixed)}`);
    return (rendered = { text, params, name: `gh_${createHash('sha256').update(text).digest('base64url').slice(0, 32)}` });
  };
  return {
    async run<T>(database: Database, values: Values): Promise<T[]> {
      const { text, params, name } = render();
      return execute<T>(database, name, text, fillPlaceholders(params, values) as Encoded[]);
    },
    sql(values: Values): SQL {
      return build((name) => {
        if (!(name in values)) throw new Error(`no value for ${name}`);
        return sql`${values[name]}`;
      });
    },
  };
}

const preparedOn = new WeakMap<PGlite, Set<string>>();

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

async function execute<T>(database: Database, name: string, text: string, values: Encoded[]): Promise<T[]> {
  if (database.pool) {
    const result = await database.pool.query({ name, text, values });
    return result.rows as T[];
  }
  const pglite = database.pglite!;
  let prepared = preparedOn.get(pglite);
  if (!prepared) preparedOn.set(pglite, (prepared = new Set()));
  const known = prepared;
  const { serialize } = protocol;
  // Parameters as text, as PGlite's own `query` sends them: the server reads each as its type.
  const bound = values.map((v) => (v === null || v === undefined ? null : String(v)));
  const parts: Uint8Array[] = [];
  if (!known.has(name)) parts.push(serialize.parse({ name, text }));
  parts.push(serialize.bind({ statement: name, values: bound }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync());
  const message = concat(parts);
  return pglite._runExclusiveTransaction(() =>
    pglite._runExclusiveQuery(async () => {
      try {
        const messages = await pglite.execProtocolStream(message);
        known.add(name);
        return (parse.parseResults(messages, pglite.parsers)[0]?.rows ?? []) as T[];
      } catch (err) {
        // Whether the Parse went through is unknown: close the name (no error if it does not exist) and parse it again next time.
        known.delete(name);
        await pglite.execProtocolStream(concat([serialize.close({ type: 'S', name }), serialize.sync()]), { throwOnError: false });
        throw err;
      }
    }),
  );
}
