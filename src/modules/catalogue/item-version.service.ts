/** Use cases of item versions (§7.3.2.2): history, diff, submit, legality review, publication, withdrawal. */
import { applyVersionCommand, diffGuides, type GuideChange, type VersionCommand } from '../../domain/catalogue/versions.ts';
import { AppError } from '../../domain/shared/errors.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/auth/principal.ts';
import type { Queryable } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import * as repo from './item.repository.ts';
import { catalogueChanged } from './public-cache.ts';
import { checkMaterialFiles } from './material-files.ts';
import type { ApproveBody, ItemView, RejectBody, VersionSummary, VersionView, WithdrawBody } from './item.schemas.ts';

// ---------------------------------------------------------------- helpers

import { refreshSearchRow, stateColumns, todayOf, versionState, versionSummary, versionView, viewOf } from './item.service.ts';

export async function listVersions(deps: AppDeps, id: string): Promise<VersionSummary[]> {
  return (await repo.listVersions(deps.db, id)).map(versionSummary);
}

export async function getVersion(deps: AppDeps, id: string, number: number): Promise<VersionView> {
  const v = await repo.findVersion(deps.db, id, number);
  if (!v) throw new AppError('ITEM_VERSION_NOT_FOUND');
  return versionView(v);
}

/** §7.3.2.2d: field-by-field differences between two versions. */
export async function diffVersions(deps: AppDeps, id: string, from: number, to: number): Promise<{ from: number; to: number; changes: GuideChange[] }> {
  const [a, b] = await Promise.all([repo.findVersion(deps.db, id, from), repo.findVersion(deps.db, id, to)]);
  if (!a || !b) throw new AppError('ITEM_VERSION_NOT_FOUND');
  return { from, to, changes: diffGuides(a.guide, b.guide) };
}

export type VersionActionInput =
  | { readonly action: 'submit' }
  | ({ readonly action: 'approve' } & ApproveBody)
  | ({ readonly action: 'reject' } & RejectBody)
  | ({ readonly action: 'withdraw' } & WithdrawBody);

async function applyAction(tx: Queryable, deps: AppDeps, actor: Actor, item: repo.ItemRow, version: repo.VersionRow, input: VersionActionInput, now: Date): Promise<repo.VersionRow> {
  const today = todayOf(deps);
  let command: VersionCommand;
  switch (input.action) {
    case 'submit':
      command = { action: 'submit', actor: actor.name, at: now, guide: version.guide };
      break;
    case 'approve':
      command = { action: 'approve', reviewer: input.reviewer, opinion: input.opinion, at: now, guide: version.guide, effectiveOn: input.effectiveOn, today };
      break;
    case 'reject':
      command = { action: 'reject', reviewer: input.reviewer, opinion: input.opinion, at: now };
      break;
    case 'withdraw':
      command = { action: 'withdraw', actor: actor.name, at: now, reason: input.reason ?? null };
      break;
  }
  const next = applyVersionCommand(versionState(version), command);
  // DB36/T 2016 §6.3.2: what goes public names only stored files of the item's centre.
  if (input.action === 'submit' || input.action === 'approve') await checkMaterialFiles(tx, item.centreId, version.guide, '');
  const after = await repo.updateVersion(tx, version.id, { ...stateColumns(next), updatedAt: now });
  if (input.action === 'approve' || input.action === 'withdraw') {
    await refreshSearchRow(tx, item, today, now);
    await catalogueChanged(deps, tx, item.centreId);
  }
  await writeAudit(tx, actor, now, { centreId: item.centreId, entity: 'item_version', entityId: item.id, action: input.action, before: versionSummary(version), after: versionSummary(after) });
  return after;
}

/** One action of the version table (§7.3.2.2) on version `number`, under the item's lock. */
export async function actOnVersion(deps: AppDeps, actor: Actor, id: string, number: number, input: VersionActionInput): Promise<VersionView> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const item = await repo.lockItem(tx, id);
    if (!item) throw new AppError('ITEM_NOT_FOUND');
    if (item.retiredAt && input.action !== 'withdraw') throw new AppError('ENTITY_RETIRED');
    const version = await repo.findVersion(tx, id, number);
    if (!version) throw new AppError('ITEM_VERSION_NOT_FOUND');
    return versionView(await applyAction(tx, deps, actor, item, version, input, now));
  });
}

/**
 * Submits and approves the item's latest draft in one transaction (seeding and import:
 * the caller stands for the legality review, §7.3.2.2c). Refuses an incomplete guide
 * like the two steps would. `effectiveOn` defaults to today.
 */
export async function publishItem(
  deps: AppDeps,
  actor: Actor,
  id: string,
  review: { readonly reviewer: string; readonly opinion: string; readonly effectiveOn?: string },
): Promise<ItemView> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const item = await repo.lockItem(tx, id);
    if (!item) throw new AppError('ITEM_NOT_FOUND');
    if (item.retiredAt) throw new AppError('ENTITY_RETIRED');
    let version = await repo.latestVersion(tx, id);
    if (version.status === 'draft') version = await applyAction(tx, deps, actor, item, version, { action: 'submit' }, now);
    await applyAction(tx, deps, actor, item, version, { action: 'approve', reviewer: review.reviewer, opinion: review.opinion, effectiveOn: review.effectiveOn ?? todayOf(deps) }, now);
    return viewOf(tx, id);
  });
}

// ---------------------------------------------------------------- public reads

