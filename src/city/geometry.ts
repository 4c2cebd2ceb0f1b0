// Small planar geometry helpers for city-sized areas. Longitude degrees shrink with cos(latitude);
// over a city (< 200 km) a local equirectangular projection is accurate to well under 1 %.
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Bbox, DistrictGeometry, PolygonGeometry, PolygonPart, Position } from './model.ts';

/** Metres per degree of latitude (mean Earth radius 6,371,008.8 m × π / 180). */
export const METRES_PER_DEGREE = 111_195;

/** Bounding box of a set of rings. */
export function bboxOfRings(rings: readonly (readonly Position[])[]): Bbox {
  let minLng = Infinity;
  let minLat = Infinity;
  let maxLng = -Infinity;
  let maxLat = -Infinity;
  for (const ring of rings) {
    for (const [lng = NaN, lat = NaN] of ring) {
      minLng = Math.min(minLng, lng);
      minLat = Math.min(minLat, lat);
      maxLng = Math.max(maxLng, lng);
      maxLat = Math.max(maxLat, lat);
    }
  }
  return [minLng, minLat, maxLng, maxLat];
}

/** Whether a point lies in a bbox, edges included. */
export function bboxContains(bbox: Bbox, lng: number, lat: number): boolean {
  return lng >= bbox[0] && lng <= bbox[2] && lat >= bbox[1] && lat <= bbox[3];
}

/** Area of a ring in km² by the shoelace formula on a local equirectangular projection. */
export function ringAreaKm2(ring: readonly Position[]): number {
  const first = ring[0];
  if (first === undefined) return 0;
  const kmPerDegreeLat = METRES_PER_DEGREE / 1000;
  const kmPerDegreeLng = kmPerDegreeLat * Math.cos(((first[1] ?? 0) * Math.PI) / 180);
  let twiceArea = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1 = 0, y1 = 0] = ring[i] ?? [];
    const [x2 = 0, y2 = 0] = ring[i + 1] ?? [];
    twiceArea += x1 * y2 - x2 * y1;
  }
  return (Math.abs(twiceArea) / 2) * kmPerDegreeLat * kmPerDegreeLng;
}

/** Split a district geometry into its polygons, each with bbox and area (holes subtracted). */
export function polygonParts(geometry: DistrictGeometry): PolygonPart[] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((rings) => {
    const [outer = [], ...holes] = rings;
    const part: PolygonGeometry = { type: 'Polygon', coordinates: rings };
    const areaKm2 = ringAreaKm2(outer) - holes.reduce((sum, hole) => sum + ringAreaKm2(hole), 0);
    return { geometry: part, bbox: bboxOfRings([outer]), areaKm2 };
  });
}

/** Point-in-polygon with a bbox test first, since most misses are far away. */
export function geometryContains(geometry: DistrictGeometry, bbox: Bbox, lng: number, lat: number): boolean {
  return bboxContains(bbox, lng, lat) && booleanPointInPolygon([lng, lat], geometry);
}

/** Move a point by metre offsets east and north. */
export function offsetByMetres(lng: number, lat: number, eastM: number, northM: number): [number, number] {
  const dLat = northM / METRES_PER_DEGREE;
  const dLng = eastM / (METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180));
  return [lng + dLng, lat + dLat];
}
