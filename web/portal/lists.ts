/**
 * The §8.2 lists as the portal shows them: the lists page, the search filter and the
 * downloads all read the one table of the domain (PUBLISHED_LISTS), so they agree.
 */
import { LIST_KINDS, PUBLISHED_LISTS, type ListKind } from '../../src/domain/catalogue/lists.ts';

export interface ListInfo {
  readonly kind: ListKind;
  readonly title: string;
  readonly clause: string;
}

/** Every list, in the order of DB36/T 2016 §8.2. */
export const LISTS: readonly ListInfo[] = LIST_KINDS.map((kind) => ({ kind, ...PUBLISHED_LISTS[kind] }));

/** The lists of items the public item search filters by (a bundle list holds bundles, not items). */
export const SEARCH_LISTS: readonly ListInfo[] = LISTS.filter((l) => l.kind !== 'bundles');

export function isSearchList(kind: string): boolean {
  return SEARCH_LISTS.some((l) => l.kind === kind);
}
