/**
 * The change-feed topic of who works where (key: the centre id): a staff record created,
 * changed (name, account link) or retired, a counter renumbered or retired, a clerk
 * signed in at or out of a counter (queue). Modules that keep "who is this account, at
 * which counter" in memory (cases: the actor of a case's events) hear it at commit.
 */
import type { Queryable } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';

export const STAFFING_TOPIC = 'staffing';

/** In the transaction of the change. */
export async function staffingChanged(deps: Pick<AppDeps, 'database'>, tx: Queryable, centreId: string): Promise<void> {
  await deps.database.changes.publish(tx, STAFFING_TOPIC, centreId);
}
