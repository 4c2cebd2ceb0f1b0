/** Converts input coordinates to WGS84 at the edge; Chinese web maps send GCJ-02 or BD-09. */
import * as gcoordModule from 'gcoord';
import type { Datum } from './model.ts';

// gcoord is CommonJS with ESM-style types: at run time its API is the default import itself,
// while its types put it one `default` deeper.
type Gcoord = (typeof gcoordModule.default)['default'];
const gcoord = gcoordModule.default as unknown as Gcoord;
const SYSTEMS = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;

/** The WGS84 position of a point given in `datum`, rounded to 7 decimals (about 1 cm). */
export function toWgs84(lng: number, lat: number, datum: Datum): { lng: number; lat: number } {
  if (datum === 'wgs84') return { lng, lat };
  const [x, y] = gcoord.transform([lng, lat], SYSTEMS[datum], gcoord.WGS84) as [number, number];
  return { lng: Math.round(x * 1e7) / 1e7, lat: Math.round(y * 1e7) / 1e7 };
}
