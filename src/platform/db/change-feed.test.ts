import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/test-database.ts';
import { createChangeFeed, type ChangeFeed } from './change-feed.ts';
import type { Database } from './database.ts';

let database: Database;
/** A second feed on the same database: what another server process would run. */
let other: ChangeFeed;

const until = async (check: () => boolean, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

beforeAll(async () => {
  database = await openTestDatabase();
  const url = database.pool?.options.connectionString;
  other = url ? createChangeFeed({ databaseUrl: url }) : createChangeFeed({ pglite: database.pglite! });
});
afterAll(async () => {
  await other.close();
  await database.close();
});

describe('change feed (LISTEN/NOTIFY between server processes)', () => {
  it('tells this process at once and the others at commit, and nobody when the transaction rolls back', async () => {
    const here: string[] = [];
    const there: string[] = [];
    database.changes.subscribe('item', (k) => here.push(k));
    other.subscribe('item', (k) => there.push(k));
    other.subscribe('department', (k) => there.push(`department ${k}`));
    await until(() => database.changes.live && other.live);

    await database.db.transaction(async (tx) => {
      await database.changes.publish(tx, 'item', 'centre-1');
      expect(here).toEqual(['centre-1']);
      // Not before the commit.
      await new Promise((r) => setTimeout(r, 50));
      expect(there).toEqual([]);
    });
    await until(() => there.length === 1);
    expect(there).toEqual(['centre-1']);

    await expect(
      database.db.transaction(async (tx) => {
        await database.changes.publish(tx, 'item', 'centre-2');
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await database.db.transaction((tx) => database.changes.publish(tx, 'department', 'centre-3'));
    await until(() => there.length === 2);
    // The rolled-back notification never arrived; the next one did, under its own topic.
    expect(there).toEqual(['centre-1', 'department centre-3']);
  });

  it('is not live before anyone subscribes, and says so after closing', async () => {
    const url = database.pool?.options.connectionString;
    const feed = url ? createChangeFeed({ databaseUrl: url }) : createChangeFeed({ pglite: database.pglite! });
    let resets = 0;
    feed.onReset(() => resets++);
    expect(feed.live).toBe(false);
    const stop = feed.subscribe('item', () => undefined);
    await until(() => feed.live);
    expect(resets).toBe(1);
    stop();
    await feed.close();
    expect(feed.live).toBe(false);
  });
});
