/**
 * The guides of published item versions by version id, kept per process. A version is
 * never edited once published (a new edition is a new version, §7.3.2.1), and a case
 * points only at versions that were published when it opened, so an entry never goes
 * stale and needs no change feed. Kept per database (a process may serve several in
 * tests), bounded: the whole map is dropped when full.
 */
import type { ItemGuide } from '../../domain/catalogue/guide.ts';
import type { Database, Queryable } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { versionsByIds } from './case.repository.ts';

const MAX_VERSIONS = 10_000;
const guidesByDatabase = new WeakMap<Database, Map<string, ItemGuide>>();

/** The guides of the versions named (published versions only: a case's), read from the database only when not yet known. */
export async function publishedGuides(deps: Pick<AppDeps, 'database'>, q: Queryable, versionIds: readonly string[]): Promise<Map<string, ItemGuide>> {
  let known = guidesByDatabase.get(deps.database);
  if (!known) guidesByDatabase.set(deps.database, (known = new Map()));
  const out = new Map<string, ItemGuide>();
  const missing: string[] = [];
  for (const id of versionIds) {
    const guide = known.get(id);
    if (guide) out.set(id, guide);
    else missing.push(id);
  }
  if (missing.length === 0) return out;
  const rows = await versionsByIds(q, [...new Set(missing)]);
  if (known.size + rows.length > MAX_VERSIONS) known.clear();
  for (const v of rows) {
    out.set(v.id, v.guide);
    if (v.publishedAt) known.set(v.id, v.guide);
  }
  return out;
}
