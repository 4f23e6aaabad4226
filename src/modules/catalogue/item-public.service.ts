/** Public reads of the catalogue: published current versions only (§7.3.2.1 one source of truth). */
import { createHash } from 'node:crypto';
import { currentPublished } from '../../domain/catalogue/versions.ts';
import { AppError } from '../../domain/shared/errors.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { requireCentre } from '../organisation/references.ts';
import * as repo from './item.repository.ts';
import { searchPublished } from './public-search.ts';
import type { PublicItemQuery, PublicItemSummary, PublicItemView } from './item.schemas.ts';

// ---------------------------------------------------------------- helpers

import { todayOf } from './item.service.ts';

/** §7.3.2.1 published items only: substring search on name and codes, department, type and list; paged. */
export async function listPublicItems(deps: AppDeps, centreId: string, query: PublicItemQuery): Promise<{ items: PublicItemSummary[]; total: number }> {
  const { rows, total } = await searchPublished(deps, centreId, {
    q: query.q,
    departmentId: query.departmentId,
    typeCode: query.typeCode,
    list: query.list,
    limit: query.limit ?? 20,
    offset: query.offset ?? 0,
  });
  if (total === 0) await requireCentre(deps.db, centreId);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      code: r.level === 'handling' ? r.handlingCode : r.implementationCode,
      name: r.name ?? '',
      typeCode: r.typeCode ?? '',
      departmentId: r.departmentId,
      departmentName: r.departmentName,
      version: r.version ?? 0,
    })),
  };
}

/** The published guide that applies today (§7.3.2.1), with its version, and its ETag. */
export async function getPublicItem(deps: AppDeps, id: string): Promise<{ view: PublicItemView; etag: string }> {
  const item = await repo.findItem(deps.db, id);
  if (!item || item.retiredAt) throw new AppError('ITEM_NOT_PUBLISHED');
  const versions = await repo.listVersions(deps.db, id);
  const current = currentPublished(versions, todayOf(deps));
  if (!current) throw new AppError('ITEM_NOT_PUBLISHED');
  const view: PublicItemView = {
    id: item.id,
    centreId: item.centreId,
    departmentId: item.departmentId,
    departmentName: await repo.departmentName(deps.db, item.departmentId),
    level: item.level,
    parentId: item.parentId,
    basicCode: item.basicCode,
    implementationCode: item.level === 'handling' ? null : item.implementationCode,
    handlingCode: item.handlingCode,
    version: current.number,
    effectiveOn: current.effectiveOn ?? '',
    publishedAt: current.publishedAt?.toISOString() ?? '',
    guide: current.guide,
  };
  const hash = createHash('sha256').update(JSON.stringify(view)).digest('base64url').slice(0, 22);
  return { view, etag: `"v${current.number}-${hash}"` };
}


/**
 * Whether a stored file of the centre is named as 空白表格 or 格式范本 (DB36/T 2016 §6.3.2)
 * by a material of an item's guide as the public reads it today (§7.3.2.1): the version
 * {@link currentPublished} picks, so a file of a superseded or withdrawn version is not public.
 */
export async function isFilePublished(deps: AppDeps, centreId: string, fileId: string): Promise<boolean> {
  const today = todayOf(deps);
  for (const itemId of await repo.itemIdsNamingFile(deps.db, centreId, fileId, today)) {
    const current = currentPublished(await repo.listVersions(deps.db, itemId), today);
    if (current?.guide.materials?.some((m) => m.blankFormFileId === fileId || m.sampleFileId === fileId)) return true;
  }
  return false;
}
