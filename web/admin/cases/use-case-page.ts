/**
 * One paged case list of the selected centre: the query, the page, and what the server
 * answered. The page is remembered per list, so coming back from a case finds the list
 * as it was left.
 */
import { useState } from 'react';
import { api, type Query } from '../../shared/api.ts';
import type { PageOf } from '../../shared/types.ts';
import { useLoad, type Loaded } from '../../shared/use-load.ts';
import { centrePath, useCentreId } from '../lookups.ts';
import type { CasePaging } from './CaseTable.tsx';
import { FIRST_PAGE, nextPosition, pageQuery, type Position } from './paging.ts';
import type { CaseSummary } from './types.ts';


const remembered = new Map<string, Position>();

export interface CasePage {
  readonly list: Loaded<PageOf<CaseSummary>>;
  readonly paging: CasePaging;
  /** Back to page 1 (a filter changed). */
  readonly firstPage: () => void;
}

export function useCasePage(name: string, filters: Query, enabled = true): CasePage {
  const centreId = useCentreId();
  const [position, setPositionState] = useState<Position>(() => remembered.get(name) ?? FIRST_PAGE);
  const setPosition = (p: Position) => {
    remembered.set(name, p);
    setPositionState(p);
  };
  const query = { ...filters, ...pageQuery(position) };
  const key = centreId === null || !enabled ? null : `${centreId}:${JSON.stringify(query)}`;
  const list = useLoad(() => api.get<PageOf<CaseSummary>>(centrePath(centreId, 'cases'), query), key);
  return {
    list,
    paging: {
      page: position.page,
      pageSize: position.pageSize,
      total: list.data?.total ?? 0,
      onChange: (page, pageSize) => setPosition(nextPosition(position, page, pageSize)),
    },
    firstPage: () => setPosition({ ...position, page: 1 }),
  };
}
