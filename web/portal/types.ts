/** API types the portal reads; type-only imports, so no server code reaches the bundle. */
export type { PublicCentre, PublicCentreSummary, PublicCounter, PublicFloor } from '../../src/modules/organisation/public/public-centre.schemas.ts';
export type { BoardEntry } from '../../src/modules/organisation/staff/staff.schemas.ts';
export type { PublicItemSummary, PublicItemView } from '../../src/modules/catalogue/item.schemas.ts';
export type { ItemGuide, Material, ProcessStep, TimeLimit } from '../../src/domain/catalogue/guide.ts';

/** A page of search results; `total` when the API gives it. */
export interface ItemPage<T> {
  readonly items: readonly T[];
  readonly total?: number;
}
export type { BundleView } from '../../src/modules/catalogue/bundle.schemas.ts';
export type { BundleEntry, CentreLists, ListEntry, ListKind, ToleranceEntry } from '../../src/domain/catalogue/lists.ts';
export type { MergedMaterial } from '../../src/domain/catalogue/bundles.ts';
export type { PublicCaseView } from '../../src/modules/cases/case.schemas.ts';
