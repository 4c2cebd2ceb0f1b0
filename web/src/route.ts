// Hash routes (#/overview, #/parcels, #/tracking/<no>, #/settings), so the server only serves /.
import { useEffect, useState } from 'react';

export type Route = { readonly page: 'overview' | 'parcels' | 'settings' } | { readonly page: 'tracking'; readonly waybillNo: string };

/** Parses a location hash into a route; anything unknown is the overview. */
export function parseRoute(hash: string): Route {
  const [page = '', ...rest] = hash.replace(/^#\/?/, '').split('/');
  if (page === 'tracking') return { page, waybillNo: decodeURIComponent(rest.join('/')) };
  if (page === 'parcels' || page === 'settings') return { page };
  return { page: 'overview' };
}

/** The hash for a route. */
export function hrefOf(route: Route): string {
  return route.page === 'tracking' ? `#/tracking/${encodeURIComponent(route.waybillNo)}` : `#/${route.page}`;
}

/** The current route, following hash changes. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const follow = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  return route;
}
