/**
 * The public progress query's guessing throttle (domain/cases/public-check.ts) as stored:
 * one row per counter in `case_check_throttle`. Most queries are right and no one has
 * failed with their keys, so each process keeps in memory the keys that failed lately
 * — its own at once, the other processes' through the change feed at the failure's commit
 * ({@link CHECK_FAILURE_TOPIC}), and all of them read again from the table whenever the
 * feed (re)connects. A query none of whose keys is among them reads no row at all; while
 * the feed is not live, or before the keys are loaded, every query reads its rows.
 */
import { gt, inArray, or, sql } from 'drizzle-orm';
import type { ThrottleState } from '../../domain/accounts/login-throttle.ts';
import { CHECK_MEMORY_MS, countersAfterFailure, type CheckCounters, type CheckKeys } from '../../domain/cases/public-check.ts';
import type { ChangeFeed } from '../../platform/db/change-feed.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { caseCheckThrottle } from './schema.ts';

/** The change-feed topic of a recorded failure: the keys counted, one per line. */
export const CHECK_FAILURE_TOPIC = 'case-check';

/** Beyond this many keys in memory, every query reads its rows (an attack from very many addresses). */
const MAX_KEYS = 200_000;

interface Memory {
  /** Keys that failed lately, with the instant (ms, the app's clock) until which they may matter. */
  readonly failed: Map<string, number>;
  /** The keys of the table have been read since the feed last (re)connected. */
  loaded: boolean;
  /** Moved on by every reset: a load begun under an older one is not trusted. */
  resets: number;
  /** Too many keys: read the rows of every query until then (ms). */
  floodedUntil: number;
}

const memories = new WeakMap<ChangeFeed, Memory>();

function memoryOf(deps: AppDeps): Memory {
  const feed = deps.database.changes;
  let memory = memories.get(feed);
  if (memory) return memory;
  const m: Memory = { failed: new Map(), loaded: false, resets: 0, floodedUntil: 0 };
  feed.subscribe(CHECK_FAILURE_TOPIC, (keys) => {
    const until = deps.clock().getTime() + CHECK_MEMORY_MS;
    for (const key of keys.split('\n')) remember(m, key, until, deps.clock().getTime());
  });
  const reload = () => {
    m.loaded = false;
    const reset = ++m.resets;
    void loadFailedKeys(deps, m, reset).catch(() => undefined);
  };
  feed.onReset(reload);
  // Already live (another cache started the feed): no reset will come for this memory.
  if (feed.live) reload();
  memories.set(feed, (memory = m));
  return memory;
}

function remember(m: Memory, key: string, until: number, now: number): void {
  if (m.failed.size >= MAX_KEYS && !m.failed.has(key)) {
    for (const [k, u] of m.failed) if (u <= now) m.failed.delete(k);
    if (m.failed.size >= MAX_KEYS) {
      m.failed.clear();
      m.floodedUntil = now + CHECK_MEMORY_MS;
      return;
    }
  }
  m.failed.set(key, Math.max(until, m.failed.get(key) ?? 0));
}

/** After a (re)connection: the keys whose failures may still matter, from the table. */
async function loadFailedKeys(deps: AppDeps, m: Memory, reset: number): Promise<void> {
  const now = deps.clock();
  const rows = await deps.db
    .select({ key: caseCheckThrottle.key })
    .from(caseCheckThrottle)
    .where(or(gt(caseCheckThrottle.windowStart, new Date(now.getTime() - CHECK_MEMORY_MS)), gt(caseCheckThrottle.lockedUntil, now)));
  if (reset !== m.resets || !deps.database.changes.live) return;
  const until = now.getTime() + CHECK_MEMORY_MS;
  for (const r of rows) remember(m, r.key, until, now.getTime());
  m.loaded = true;
}

/** Whether any key of the query may have failures that matter: then its rows must be read. */
function mayHaveFailed(deps: AppDeps, keys: CheckKeys, now: number): boolean {
  const m = memoryOf(deps);
  if (!deps.database.changes.live || !m.loaded || m.floodedUntil > now) return true;
  for (const key of [keys.pair, keys.address, keys.caseNumber]) {
    const until = m.failed.get(key);
    if (until === undefined) continue;
    if (until > now) return true;
    m.failed.delete(key);
  }
  return false;
}

const stateOf = (row: typeof caseCheckThrottle.$inferSelect | undefined): ThrottleState | null =>
  row ? { failures: row.failures, windowStart: row.windowStart, lockedUntil: row.lockedUntil } : null;

/** The counters of the query's keys, or null when none of them can have failures that matter (nothing read). */
export async function checkCounters(deps: AppDeps, keys: CheckKeys, now: Date): Promise<CheckCounters | null> {
  if (!mayHaveFailed(deps, keys, now.getTime())) return null;
  const rows = await deps.db
    .select()
    .from(caseCheckThrottle)
    .where(inArray(caseCheckThrottle.key, [keys.pair, keys.address, keys.caseNumber]));
  const find = (key: string) => stateOf(rows.find((r) => r.key === key));
  return { pair: find(keys.pair), address: find(keys.address), caseNumber: find(keys.caseNumber) };
}

/**
 * One more failure on the three counters, in one transaction under their row locks
 * (taken in key order: concurrent failures all count and never deadlock), announced to
 * every process at commit and to this one at once.
 */
export async function recordCheckFailure(deps: AppDeps, keys: CheckKeys, now: Date): Promise<void> {
  memoryOf(deps);
  const all = [keys.pair, keys.address, keys.caseNumber].sort();
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(caseCheckThrottle)
      .values(all.map((key) => ({ key, failures: 0, windowStart: now })))
      .onConflictDoNothing();
    const rows = await tx
      .select()
      .from(caseCheckThrottle)
      .where(inArray(caseCheckThrottle.key, all))
      .orderBy(caseCheckThrottle.key)
      .for('update');
    const find = (key: string) => {
      const row = rows.find((r) => r.key === key);
      return row && row.failures > 0 ? stateOf(row) : null;
    };
    const next = countersAfterFailure({ pair: find(keys.pair), address: find(keys.address), caseNumber: find(keys.caseNumber) }, now);
    for (const [key, state] of [
      [keys.pair, next.pair],
      [keys.address, next.address],
      [keys.caseNumber, next.caseNumber],
    ] as const) {
      await tx.update(caseCheckThrottle).set(state).where(sql`${caseCheckThrottle.key} = ${key}`);
    }
    await deps.database.changes.publish(tx, CHECK_FAILURE_TOPIC, all.join('\n'));
  });
}
