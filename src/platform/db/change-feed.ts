/**
 * Change notifications between server processes: a use case that changes data others
 * cache (the public catalogue; later the queue's live displays) publishes a topic and a
 * key in its transaction with `pg_notify`, which PostgreSQL delivers to every listening
 * process when the transaction commits (nothing when it rolls back). This process's own
 * subscribers hear it at once as well, so a read that follows a write here never sees
 * the old state.
 *
 * A cache must trust itself only while the feed is `live` (its LISTEN connection is up):
 * while it is down a notification could be missed, so caches read through, and when it
 * comes back every subscriber hears a reset.
 *
 * PostgreSQL: one dedicated client per process, reconnecting with a back-off. PGlite:
 * its own LISTEN (one process has the embedded database anyway).
 */
import type { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';

export const CHANGE_CHANNEL = 'govhall_changes';

export type ChangeListener = (key: string) => void;

/** The open transaction (or database) the notification is sent in. */
interface Executor {
  execute(query: SQL): Promise<unknown>;
}

export interface ChangeFeed {
  /** In a transaction: every process hears `topic`/`key` at commit; this one at once. */
  publish(tx: Executor, topic: string, key: string): Promise<void>;
  /**
   * {@link publish} for a caller that sends the notification inside a statement of its
   * own (one round trip): the payload to send there with
   * `pg_notify('${CHANGE_CHANNEL}', payload)`. This process's subscribers hear it at
   * once, as with publish; the others at commit.
   */
  announce(topic: string, key: string): string;
  /** Listens to a topic (starting the feed's connection on first use); returns the unsubscribe. */
  subscribe(topic: string, listener: ChangeListener): () => void;
  /** Listens to resets: the connection was (re)established and notifications may have been missed. */
  onReset(listener: () => void): () => void;
  /** True while notifications are being received. */
  readonly live: boolean;
  close(): Promise<void>;
}

const RECONNECT_MS = [100, 500, 1_000, 5_000];

/** The feed over the process's database: PostgreSQL by URL, or the PGlite instance. */
export function createChangeFeed(source: { databaseUrl: string } | { pglite: PGlite }): ChangeFeed {
  const listeners = new Map<string, Set<ChangeListener>>();
  const resets = new Set<() => void>();
  let live = false;
  let started = false;
  let closed = false;
  let stopListening: (() => Promise<void>) | undefined;
  let attempt = 0;

  const deliver = (payload: string) => {
    const at = payload.indexOf(':');
    if (at < 0) return;
    for (const l of listeners.get(payload.slice(0, at)) ?? []) l(payload.slice(at + 1));
  };
  const becameLive = () => {
    live = true;
    attempt = 0;
    for (const r of resets) r();
  };

  const connectPg = async (url: string) => {
    const client = new pg.Client({ connectionString: url });
    const lost = () => {
      if (!live && stopListening === undefined) return;
      live = false;
      stopListening = undefined;
      client.removeAllListeners();
      void client.end().catch(() => undefined);
      if (!closed) retry();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (m) => {
      if (m.channel === CHANGE_CHANNEL && m.payload) deliver(m.payload);
    });
    try {
      await client.connect();
      await client.query(`listen ${CHANGE_CHANNEL}`);
    } catch {
      client.removeAllListeners();
      void client.end().catch(() => undefined);
      if (!closed) retry();
      return;
    }
    if (closed) {
      await client.end();
      return;
    }
    stopListening = async () => {
      client.removeAllListeners();
      await client.end();
    };
    becameLive();
  };

  const connectPglite = async (pglite: PGlite) => {
    const unlisten = await pglite.listen(CHANGE_CHANNEL, (payload) => deliver(payload));
    stopListening = unlisten;
    becameLive();
  };

  const start = () => {
    if ('databaseUrl' in source) void connectPg(source.databaseUrl);
    else void connectPglite(source.pglite);
  };
  function retry(): void {
    const delay = RECONNECT_MS[Math.min(attempt, RECONNECT_MS.length - 1)]!;
    attempt++;
    const timer = setTimeout(() => {
      if (!closed) start();
    }, delay);
    timer.unref();
  }

  return {
    async publish(tx, topic, key) {
      deliver(`${topic}:${key}`);
      await tx.execute(sql`select pg_notify(${CHANGE_CHANNEL}, ${`${topic}:${key}`})`);
    },
    announce(topic, key) {
      deliver(`${topic}:${key}`);
      return `${topic}:${key}`;
    },
    subscribe(topic, listener) {
      let set = listeners.get(topic);
      if (!set) listeners.set(topic, (set = new Set()));
      set.add(listener);
      if (!started) {
        started = true;
        start();
      }
      return () => set.delete(listener);
    },
    onReset(listener) {
      resets.add(listener);
      return () => resets.delete(listener);
    },
    get live() {
      return live;
    },
    async close() {
      closed = true;
      live = false;
      await stopListening?.();
    },
  };
}
