/**
 * DB36/T 2016 §7.3.2.1/§7.3.2.2: a version approved with a later effective date takes
 * over on that date. The public guide reads the version in force at each request; the
 * search row and the §8.2 lists read the row the publishing transaction wrote, so on the
 * day a version takes effect this job rewrites that row (idempotent, under the item's
 * lock: several server processes may run it).
 */
import { writeAudit } from '../../platform/audit/audit.ts';
import { SYSTEM_ACTOR } from '../../platform/auth/principal.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { Job } from '../../platform/jobs/jobs.ts';
import * as repo from './item.repository.ts';
import { refreshSearchRow, todayOf } from './item.service.ts';
import { catalogueChanged } from './public-cache.ts';

/** Rewrites the search row of every item a version has taken effect for since; returns how many changed. */
export async function applyEffectiveVersions(deps: AppDeps): Promise<number> {
  const today = todayOf(deps);
  const now = deps.clock();
  let changed = 0;
  for (const id of await repo.itemsWithNewlyEffectiveVersion(deps.db, today)) {
    await deps.db.transaction(async (tx) => {
      const item = await repo.lockItem(tx, id);
      if (!item || item.retiredAt) return;
      const after = await refreshSearchRow(tx, item, today, now);
      if (after.publishedNumber === item.publishedNumber) return;
      changed++;
      await catalogueChanged(deps, tx, item.centreId);
      await writeAudit(tx, SYSTEM_ACTOR, now, {
        centreId: item.centreId,
        entity: 'item',
        entityId: id,
        action: 'version.effective',
        before: { publishedNumber: item.publishedNumber, publishedName: item.publishedName },
        after: { publishedNumber: after.publishedNumber, publishedName: after.publishedName, effectiveOn: after.publishedEffectiveOn },
      });
    });
  }
  return changed;
}

/** Every 10 minutes: a version takes effect at most 10 minutes after midnight (Asia/Shanghai). */
export const effectiveVersionsJob: Job = { name: 'catalogue.effective-versions', everyMs: 10 * 60_000, run: applyEffectiveVersions };
