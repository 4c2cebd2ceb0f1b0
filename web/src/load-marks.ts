// Named moments of a page load (User Timing marks), so `npm run bench -- console` can say where
// the time goes: session known, data in, chunks evaluated, map and charts drawn.

export type LoadMark =
  | 'pg:session'
  | 'pg:overview-data'
  | 'pg:city-data'
  | 'pg:map-chunk'
  | 'pg:map-created'
  | 'pg:map-drawn'
  | 'pg:charts-chunk'
  | 'pg:charts-drawn';

/** Records `name` the first time it happens in this page; later calls are ignored. */
export function markOnce(name: LoadMark): void {
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}
