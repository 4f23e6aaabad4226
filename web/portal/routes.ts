/** The portal's pages and their paths under /portal/, and the files the pages link to. */
export type Route =
  | { readonly page: 'home' }
  | { readonly page: 'centre'; readonly centreId: string }
  | { readonly page: 'items'; readonly centreId: string }
  | { readonly page: 'lists'; readonly centreId: string }
  | { readonly page: 'item'; readonly itemId: string }
  | { readonly page: 'bundle'; readonly bundleId: string }
  | { readonly page: 'take-ticket'; readonly centreId: string }
  | { readonly page: 'ticket'; readonly ticketId: string }
  /** 办件进度查询; the QR code of every case notice opens it with the case number. */
  | { readonly page: 'case'; readonly caseNumber: string | null }
  | { readonly page: 'not-found' };

const UUID = '([0-9a-fA-F-]{36})';
/** A ticket's id is the secret its QR code carries: taken as the server makes it. */
const TICKET_ID = '([A-Za-z0-9_-]{8,64})';
/** A case number (43 characters, digits and capitals) as the notice's QR code encodes it; the server judges it. */
const CASE_NUMBER = '([^/]{1,180})';

function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment).trim().toUpperCase() || null;
  } catch {
    return null;
  }
}

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/portal' || path === '') return { page: 'home' };
  let m = new RegExp(`^/portal/centres/${UUID}$`).exec(path);
  if (m?.[1]) return { page: 'centre', centreId: m[1] };
  m = new RegExp(`^/portal/centres/${UUID}/items$`).exec(path);
  if (m?.[1]) return { page: 'items', centreId: m[1] };
  m = new RegExp(`^/portal/centres/${UUID}/lists$`).exec(path);
  if (m?.[1]) return { page: 'lists', centreId: m[1] };
  m = new RegExp(`^/portal/items/${UUID}$`).exec(path);
  if (m?.[1]) return { page: 'item', itemId: m[1] };
  m = new RegExp(`^/portal/bundles/${UUID}$`).exec(path);
  if (m?.[1]) return { page: 'bundle', bundleId: m[1] };
  m = new RegExp(`^/portal/centres/${UUID}/ticket$`).exec(path);
  if (m?.[1]) return { page: 'take-ticket', centreId: m[1] };
  m = new RegExp(`^/portal/tickets/${TICKET_ID}$`).exec(path);
  if (m?.[1]) return { page: 'ticket', ticketId: m[1] };
  if (path === '/portal/cases') return { page: 'case', caseNumber: null };
  m = new RegExp(`^/portal/cases/${CASE_NUMBER}$`).exec(path);
  if (m?.[1]) return { page: 'case', caseNumber: decoded(m[1]) };
  return { page: 'not-found' };
}

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const qs = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => !!e[1])).toString();
  return qs ? `${path}?${qs}` : path;
}

export const paths = {
  home: '/portal/',
  centre: (id: string) => `/portal/centres/${id}`,
  /** The item search, optionally with a query and a §8.2 list filter. */
  items: (id: string, q?: string, list?: string) => withQuery(`/portal/centres/${id}/items`, { q, list }),
  lists: (id: string) => `/portal/centres/${id}/lists`,
  item: (id: string) => `/portal/items/${id}`,
  bundle: (id: string) => `/portal/bundles/${id}`,
  /** 手机取号 (issue 4 mobile ticket). */
  takeTicket: (centreId: string) => `/portal/centres/${centreId}/ticket`,
  /** 我的排号: a ticket's live status, the target of its QR code. */
  ticket: (id: string) => `/portal/tickets/${id}`,
  /** 办件进度查询, optionally for one case number (the QR code of a case notice). */
  cases: (caseNumber?: string) => (caseNumber ? `/portal/cases/${encodeURIComponent(caseNumber)}` : '/portal/cases'),
};

/** Files served by the public API: downloads, printable guides and QR codes. */
export const files = {
  listXlsx: (centreId: string, kind: string) => `/api/v1/public/centres/${centreId}/lists/${kind}.xlsx`,
  itemGuidePdf: (itemId: string) => `/api/v1/public/items/${itemId}/guide.pdf`,
  itemQr: (itemId: string) => `/api/v1/public/items/${itemId}/qr.svg`,
  bundleGuidePdf: (bundleId: string) => `/api/v1/public/bundles/${bundleId}/guide.pdf`,
};
