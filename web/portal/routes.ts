/** The portal's pages and their paths under /portal/. */
export type Route =
  | { readonly page: 'home' }
  | { readonly page: 'centre'; readonly centreId: string }
  | { readonly page: 'items'; readonly centreId: string }
  | { readonly page: 'item'; readonly itemId: string }
  | { readonly page: 'not-found' };

const UUID = '([0-9a-fA-F-]{36})';

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/portal' || path === '') return { page: 'home' };
  let m = new RegExp(`^/portal/centres/${UUID}$`).exec(path);
  if (m?.[1]) return { page: 'centre', centreId: m[1] };
  m = new RegExp(`^/portal/centres/${UUID}/items$`).exec(path);
  if (m?.[1]) return { page: 'items', centreId: m[1] };
  m = new RegExp(`^/portal/items/${UUID}$`).exec(path);
  if (m?.[1]) return { page: 'item', itemId: m[1] };
  return { page: 'not-found' };
}

export const paths = {
  home: '/portal/',
  centre: (id: string) => `/portal/centres/${id}`,
  items: (id: string, q?: string) => `/portal/centres/${id}/items${q ? `?q=${encodeURIComponent(q)}` : ''}`,
  item: (id: string) => `/portal/items/${id}`,
};
