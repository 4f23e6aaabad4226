/**
 * The public item search (§7.3.2.1; issue 3: by Chinese substring, code, department,
 * type and §8.2 list) over an in-memory index per centre: the rows the public may find
 * today, read in one query and kept under the centre's catalogue generation and the day
 * (public-cache.ts). A substring test over 20,000 rows takes about a millisecond;
 * neither a B-tree nor pg_trgm (not in PGlite; blind below three characters, and most
 * Chinese searches are two) answers "contains 户籍" faster.
 */
import type { FlagListKind } from '../../domain/catalogue/lists.ts';
import type { AppDeps } from '../../platform/deps.ts';
import * as repo from './item.repository.ts';
import { todayOf } from './item.service.ts';
import { BoundedCache, generationOf, readForCache } from './public-cache.ts';

export interface PublicSearchFilter {
  readonly q?: string | undefined;
  readonly departmentId?: string | undefined;
  readonly typeCode?: string | undefined;
  readonly list?: FlagListKind | 'toleranceAcceptance' | undefined;
  readonly limit: number;
  readonly offset: number;
}

interface CentreIndex {
  readonly generation: string;
  readonly day: string;
  /** In code order: implementation code, then handling code (main and sub-items first), then id. */
  readonly rows: readonly repo.PublicSearchRow[];
}

const indexes = new BoundedCache<CentreIndex>(200);

const byCode = (a: repo.PublicSearchRow, b: repo.PublicSearchRow): number =>
  cmp(a.implementationCode, b.implementationCode) || cmp(a.handlingCode, b.handlingCode) || cmp(a.id, b.id);

/** Code-unit order with nulls last, as PostgreSQL sorts `collate "C"` ascending. */
function cmp(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

async function indexOf(deps: AppDeps, centreId: string): Promise<readonly repo.PublicSearchRow[]> {
  const day = todayOf(deps);
  const cached = indexes.get(centreId);
  if (cached && cached.day === day && cached.generation === generationOf(deps, centreId)) return cached.rows;
  const { result, generation } = await readForCache(
    deps,
    () => centreId,
    () => repo.publicSearchRows(deps.db, centreId, day),
  );
  const rows = result.sort(byCode);
  if (generation !== null) indexes.set(centreId, { generation, day, rows });
  return rows;
}

/** The page of matching rows in code order, and how many match in all. */
export async function searchPublished(deps: AppDeps, centreId: string, f: PublicSearchFilter): Promise<{ rows: repo.PublicSearchRow[]; total: number }> {
  const needle = f.q?.trim().toLowerCase() ?? '';
  const list = f.list;
  const matches = (await indexOf(deps, centreId)).filter(
    (r) =>
      (needle === '' || (r.search?.includes(needle) ?? false)) &&
      (!f.departmentId || r.departmentId === f.departmentId) &&
      (!f.typeCode || r.typeCode === f.typeCode) &&
      (!list || r.flags?.[list] === true),
  );
  return { rows: matches.slice(f.offset, f.offset + f.limit), total: matches.length };
}
