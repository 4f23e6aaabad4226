/**
 * "高效办成一件事" bundles (DB36/T 2016 §8.2.4) and the centre's lists (§8.2): create,
 * read with the merged material list, update, retire; audited.
 */
import { randomUUID } from 'node:crypto';
import { assertBundle, mergeMaterials } from '../../domain/catalogue/bundles.ts';
import { centreLists, type CentreLists } from '../../domain/catalogue/lists.ts';
import { AppError, fieldError, referenceError } from '../../domain/shared/errors.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/auth/principal.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { uniqueViolation } from '../../platform/db/unique-violation.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { requireCentre, requireOpenCentre } from '../organisation/references.ts';
import * as repo from './bundle.repository.ts';
import type { BundleCreate, BundleUpdate, BundleView } from './bundle.schemas.ts';
import { publishedWithGuides } from './item.repository.ts';
import { todayOf } from './item.service.ts';

async function bundleView(q: Queryable, b: repo.BundleRow, today: string): Promise<BundleView> {
  const rows = await repo.itemsByIds(q, b.itemIds);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const published = await publishedWithGuides(q, b.centreId, today, b.itemIds);
  const guides = new Map(published.map((p) => [p.item.id, p.guide]));
  return {
    id: b.id,
    centreId: b.centreId,
    name: b.name,
    itemIds: b.itemIds,
    steps: b.steps.map((s) => ({ order: s.order, name: s.name, itemIds: [...s.itemIds] })),
    acceptingCounterKind: b.acceptingCounterKind,
    guideText: b.guideText,
    items: b.itemIds.map((id) => {
      const r = byId.get(id);
      return { id, name: r?.name ?? '', code: r ? (r.level === 'handling' ? r.handlingCode : r.implementationCode) : null, publishedNumber: guides.has(id) ? (r?.publishedNumber ?? null) : null };
    }),
    materials: mergeMaterials(b.itemIds.filter((id) => guides.has(id)).map((id) => ({ itemId: id, materials: guides.get(id)?.materials ?? [] }))),
    unpublishedItemIds: b.itemIds.filter((id) => !guides.has(id)),
    retiredAt: b.retiredAt?.toISOString() ?? null,
    createdAt: b.createdAt.toISOString(),
    updatedAt: b.updatedAt.toISOString(),
  };
}

export async function bundleCentre(deps: AppDeps, id: string): Promise<{ centreId: string } | undefined> {
  const row = await repo.findBundle(deps.db, id);
  return row && { centreId: row.centreId };
}

/** §8.2.4 rules, and every item an active item of the same centre. */
async function checkDefinition(q: Queryable, centreId: string, def: { name: string; itemIds: readonly string[]; steps: repo.BundleRow['steps']; acceptingCounterKind: string }, selfId: string | null): Promise<void> {
  assertBundle(def);
  const rows = new Map((await repo.itemsByIds(q, def.itemIds)).map((r) => [r.id, r]));
  def.itemIds.forEach((id, i) => {
    const r = rows.get(id);
    if (!r || r.centreId !== centreId || r.retiredAt) throw referenceError('ITEM_NOT_FOUND', `/itemIds/${i}`, '事项不存在、已停用或不属于本中心');
  });
  if (await repo.findActiveBundleByName(q, centreId, def.name, selfId)) throw fieldError('BUNDLE_NAME_TAKEN', '/name', `“一件事”名称“${def.name}”已存在`);
}

async function mapNameViolation<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (uniqueViolation(err) === 'bundles_centre_name_idx') throw fieldError('BUNDLE_NAME_TAKEN', '/name');
    throw err;
  }
}

export async function createBundle(deps: AppDeps, actor: Actor, centreId: string, input: BundleCreate): Promise<BundleView> {
  const now = deps.clock();
  const def = { name: input.name.trim(), itemIds: input.itemIds, steps: input.steps, acceptingCounterKind: input.acceptingCounterKind };
  return mapNameViolation(() =>
    deps.db.transaction(async (tx) => {
      await requireOpenCentre(tx, centreId);
      await checkDefinition(tx, centreId, def, null);
      const row = await repo.insertBundle(tx, { id: randomUUID(), centreId, ...def, guideText: input.guideText ?? null, createdAt: now, updatedAt: now });
      await writeAudit(tx, actor, now, { centreId, entity: 'bundle', entityId: row.id, action: 'create', after: row });
      return bundleView(tx, row, todayOf(deps));
    }),
  );
}

export async function getBundle(deps: AppDeps, id: string): Promise<BundleView> {
  const row = await repo.findBundle(deps.db, id);
  if (!row) throw new AppError('BUNDLE_NOT_FOUND');
  return bundleView(deps.db, row, todayOf(deps));
}

/** The public view: an active bundle only. */
export async function getPublicBundle(deps: AppDeps, id: string): Promise<BundleView> {
  const row = await repo.findBundle(deps.db, id);
  if (!row || row.retiredAt) throw new AppError('BUNDLE_NOT_FOUND');
  const view = await bundleView(deps.db, row, todayOf(deps));
  // A draft's name and code are not public (§7.3.2.1: only published versions).
  return { ...view, items: view.items.map((i) => (i.publishedNumber === null ? { ...i, name: '', code: null } : i)) };
}

export async function listBundles(deps: AppDeps, centreId: string, includeRetired: boolean): Promise<BundleView[]> {
  await requireCentre(deps.db, centreId);
  const today = todayOf(deps);
  const rows = await repo.listBundles(deps.db, centreId, includeRetired);
  return Promise.all(rows.map((r) => bundleView(deps.db, r, today)));
}

export async function updateBundle(deps: AppDeps, actor: Actor, id: string, input: BundleUpdate): Promise<BundleView> {
  const now = deps.clock();
  return mapNameViolation(() =>
    deps.db.transaction(async (tx) => {
      const before = await repo.lockBundle(tx, id);
      if (!before) throw new AppError('BUNDLE_NOT_FOUND');
      if (before.retiredAt) throw new AppError('ENTITY_RETIRED');
      const def = {
        name: input.name?.trim() ?? before.name,
        itemIds: input.itemIds ?? before.itemIds,
        steps: input.steps ?? before.steps,
        acceptingCounterKind: input.acceptingCounterKind ?? before.acceptingCounterKind,
      };
      await checkDefinition(tx, before.centreId, def, id);
      const after = await repo.updateBundle(tx, id, { ...def, guideText: input.guideText !== undefined ? input.guideText : before.guideText, updatedAt: now });
      await writeAudit(tx, actor, now, { centreId: before.centreId, entity: 'bundle', entityId: id, action: 'update', before, after });
      return bundleView(tx, after, todayOf(deps));
    }),
  );
}

export async function retireBundle(deps: AppDeps, actor: Actor, id: string): Promise<BundleView> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const before = await repo.lockBundle(tx, id);
    if (!before) throw new AppError('BUNDLE_NOT_FOUND');
    if (before.retiredAt) throw new AppError('ENTITY_RETIRED');
    const after = await repo.updateBundle(tx, id, { retiredAt: now, updatedAt: now });
    await writeAudit(tx, actor, now, { centreId: before.centreId, entity: 'bundle', entityId: id, action: 'retire', before, after });
    return bundleView(tx, after, todayOf(deps));
  });
}

/** §8.2: every list of the centre, from the published guides that apply today and the active bundles. */
export async function getCentreLists(deps: AppDeps, centreId: string): Promise<CentreLists> {
  await requireCentre(deps.db, centreId);
  const today = todayOf(deps);
  const published = await publishedWithGuides(deps.db, centreId, today);
  const bundles = await repo.listBundles(deps.db, centreId, false);
  return centreLists(
    published.map((p) => ({ id: p.item.id, code: (p.item.level === 'handling' ? p.item.handlingCode : p.item.implementationCode) ?? '', department: p.departmentName, guide: p.guide })),
    bundles.map((b) => ({ id: b.id, name: b.name, itemIds: b.itemIds })),
  );
}
