// Starting the overview's heavy parts early. The map and chart chunks and the city layers are the
// same for every party, so they load while a stored key is being checked or, on the sign-in page,
// while the browser is idle, instead of only once the overview has mounted. With a stored key the
// day's figures are asked for at the same time as the key is checked, too.
import { api } from '../api/client.ts';
import type { CityLayers, Overview } from '../api/types.ts';
import { preloadable } from '../components/preloadable.tsx';
import { markOnce } from '../load-marks.ts';

export const cityMap = preloadable(() => import('./city-map.tsx'));
export const volumeCharts = preloadable(() => import('./volume-charts.tsx'));

let cityLayers: Promise<CityLayers> | undefined;

/** GET /v1/city once per page (the layers are fixed while the server runs); after a failure the next call asks again. */
export function loadCityLayers(): Promise<CityLayers> {
  if (!cityLayers) {
    const loading = api<CityLayers>(null, '/v1/city');
    cityLayers = loading;
    loading.then(() => markOnce('pg:city-data'), () => {
      cityLayers = undefined;
    });
  }
  return cityLayers;
}

/** Starts every download the overview needs; a failure here surfaces when the page asks again. */
export function preloadOverview(): void {
  for (const load of [cityMap.load, volumeCharts.load, loadCityLayers]) load().catch(() => undefined);
}

/** `preloadOverview` once the browser has nothing else to do, so it never delays the page in front; returns a cancel. */
export function preloadOverviewWhenIdle(): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(preloadOverview, { timeout: 3000 });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(preloadOverview, 1000);
  return () => clearTimeout(timer);
}

let figures: { readonly key: string; readonly answer: Promise<Overview> } | undefined;

const OVERVIEW_PATH = '/v1/stats/overview';

/** Asks for today's figures with a stored key now, while the key itself is being checked. */
export function prefetchOverviewFigures(key: string): void {
  figures = { key, answer: api<Overview>(key, OVERVIEW_PATH) };
  // Whoever takes the answer sees a failure; left untaken, it must not be an unhandled rejection.
  figures.answer.catch(() => undefined);
}

/** Today's figures: the prefetched answer for `key` the first time, the server's fresh one after. */
export function loadOverviewFigures(key: string): Promise<Overview> {
  const prefetched = figures?.key === key ? figures.answer : undefined;
  figures = undefined;
  return prefetched ?? api<Overview>(key, OVERVIEW_PATH);
}
