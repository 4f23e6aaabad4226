/** The page of a paged list in the console, and the table's pagination for it (20, 50 or 100 a page). */
import type { TablePaginationConfig } from 'antd';
import { useState } from 'react';

export interface Paging {
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
  readonly onChange: (page: number, pageSize: number) => void;
}

export interface Position {
  readonly page: number;
  readonly pageSize: number;
}

export const FIRST_PAGE: Position = { page: 1, pageSize: 20 };

/** The position after the table's change: a new page size starts again at page 1. */
export const nextPosition = (from: Position, page: number, pageSize: number): Position => ({ page: pageSize === from.pageSize ? page : 1, pageSize });

/** `limit` and `offset` of the API's paged lists. */
export const pageQuery = (p: Position) => ({ limit: p.pageSize, offset: (p.page - 1) * p.pageSize });

/** A page position held by the list's component. */
export function usePaging(): { readonly position: Position; readonly paging: (total: number) => Paging; readonly firstPage: () => void } {
  const [position, setPosition] = useState<Position>(FIRST_PAGE);
  return {
    position,
    paging: (total) => ({ ...position, total, onChange: (page, pageSize) => setPosition(nextPosition(position, page, pageSize)) }),
    firstPage: () => setPosition({ ...position, page: 1 }),
  };
}

export function tablePagination(paging: Paging, unit = '条'): TablePaginationConfig {
  return {
    current: paging.page,
    pageSize: paging.pageSize,
    total: paging.total,
    showSizeChanger: true,
    pageSizeOptions: [20, 50, 100],
    showTotal: (n) => `共 ${n} ${unit}`,
    onChange: paging.onChange,
  };
}
