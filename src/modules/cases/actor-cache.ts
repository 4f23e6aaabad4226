/**
 * Who acts in a case's events — the counter and staff record of the clerk signed in, or
 * the staff record linked to the account (case-sources.ts `namedCaseActor`) — kept per
 * process by account and centre. A counter opens and moves cases all day with the same
 * sign-in; it changes when a clerk signs in or out, or a staff record or counter is
 * changed, and each of those publishes the staffing topic in its transaction
 * (organisation/staffing.events.ts). Any such notice drops every entry (they are cheap
 * to rebuild and the notices come a few times an hour); while the change feed is not
 * live nothing is trusted, and a read during which a notice was heard is not kept. The
 * notice is heard by this process once at the publish and again at the commit, so a read
 * that slipped in between is dropped as well.
 */
import type { Database } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { STAFFING_TOPIC } from '../organisation/staffing.events.ts';
import { namedCaseActor, type NamedCaseActor } from './case-sources.ts';

interface State {
  heard: number;
  readonly entries: Map<string, NamedCaseActor>;
}

const MAX_ENTRIES = 10_000;
const states = new WeakMap<Database, State>();

function stateOf(deps: Pick<AppDeps, 'database'>): State {
  let state = states.get(deps.database);
  if (state) return state;
  const s: State = { heard: 0, entries: new Map() };
  const drop = () => {
    s.heard++;
    s.entries.clear();
  };
  deps.database.changes.subscribe(STAFFING_TOPIC, drop);
  deps.database.changes.onReset(drop);
  states.set(deps.database, (state = s));
  return state;
}

/** {@link namedCaseActor} of the account in the centre, from memory when it may be trusted. Not inside a transaction (PGlite). */
export async function keptCaseActor(deps: AppDeps, userId: string | null, centreId: string): Promise<NamedCaseActor> {
  if (!userId) return namedCaseActor(deps.db, null, centreId);
  const feed = deps.database.changes;
  const state = stateOf(deps);
  const key = `${userId}:${centreId}`;
  const hit = state.entries.get(key);
  if (feed.live && hit) return hit;
  const mark = state.heard;
  const live = feed.live;
  const actor = await namedCaseActor(deps.db, userId, centreId);
  if (live && feed.live && mark === state.heard) {
    if (state.entries.size >= MAX_ENTRIES) state.entries.clear();
    state.entries.set(key, actor);
  }
  return actor;
}
