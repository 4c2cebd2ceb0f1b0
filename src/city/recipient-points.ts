// Where recipients live inside a district.
//
// Method (seeded, documented in src/city/README.md):
// - With probability = the district's census urbanisation rate the recipient is urban: pick an
//   anchor and draw a Gaussian offset around it. Anchors are the district's metro/tram stations
//   (spread 700 m) and the district seat (its own spread). The seat weighs as much as all the
//   stations together, so a district with a metro line still has half its urban demand around
//   its old centre, and a district without one has all of it there.
// - Otherwise the recipient is rural: a uniform point in the district, found by choosing one of
//   its polygons (islands included) by area and rejection-sampling inside that polygon's bbox.
// Every point is checked against the district boundary after rounding; a Gaussian draw that
// falls outside (sea, another district) is redrawn.
import type { Random } from '../platform/random.ts';
import { geometryContains, offsetByMetres } from './geometry.ts';
import type { City, District, LngLat } from './model.ts';

/** Standard deviation (metres) of recipient points around a metro or tram station. */
export const STATION_SPREAD_M = 700;

// Gaussian draws around a seat on a coarse coastline can miss the polygon often; after this many
// misses the point is drawn uniformly instead, so sampling always ends.
const MAX_ANCHOR_ATTEMPTS = 50;
// Uniform draws inside a polygon's bbox accept at least ~10 % of the time for these shapes.
const MAX_UNIFORM_ATTEMPTS = 10_000;

export type SettlementKind = 'urban' | 'rural';

export interface RecipientPoint extends LngLat {
  readonly kind: SettlementKind;
}

interface Anchor {
  readonly lng: number;
  readonly lat: number;
  readonly spreadM: number;
}

/**
 * Draws a point inside a district by the method described at the top of this file; `urbanShare`
 * (default: the census urbanisation rate) is the probability of drawing near an anchor.
 */
export type PointSampler = (district: District, random: Random, urbanShare?: number) => RecipientPoint;

/** Build a point sampler for a city; anchors are computed once per district. */
export function createPointSampler(city: City): PointSampler {
  const anchorsByDistrict = new Map(city.districts.map((district) => [district.adcode, districtAnchors(city, district)]));
  return (district, random, urbanShare = district.urbanisationRate) => {
    const anchors = anchorsByDistrict.get(district.adcode);
    if (anchors !== undefined && random.chance(urbanShare)) {
      const point = pointNearAnchor(district, anchors, random);
      if (point !== undefined) return { ...point, kind: 'urban' };
    }
    return { ...uniformPoint(district, random), kind: 'rural' };
  };
}

function districtAnchors(city: City, district: District): { anchors: Anchor[]; weights: number[] } {
  const stations = city.metroStations
    .filter((station) => station.districtAdcode === district.adcode)
    .map((station) => ({ ...station.location, spreadM: STATION_SPREAD_M }));
  const anchors = [...stations, district.seat];
  const weights = [...stations.map(() => 1), Math.max(1, stations.length)];
  return { anchors, weights };
}

function pointNearAnchor(
  district: District,
  { anchors, weights }: { anchors: Anchor[]; weights: number[] },
  random: Random,
): LngLat | undefined {
  for (let attempt = 0; attempt < MAX_ANCHOR_ATTEMPTS; attempt++) {
    const anchor = anchors[random.weightedIndex(weights)] as Anchor;
    const [lng, lat] = offsetByMetres(
      anchor.lng,
      anchor.lat,
      random.normal(0, anchor.spreadM),
      random.normal(0, anchor.spreadM),
    );
    const point = roundedPoint(lng, lat);
    if (geometryContains(district.boundary, district.bbox, point.lng, point.lat)) return point;
  }
  return undefined;
}

/** A uniform point inside the district: polygon by area, then rejection sampling in its bbox. */
export function uniformPoint(district: District, random: Random): LngLat {
  const part = district.parts[random.weightedIndex(district.parts.map((candidate) => candidate.areaKm2))];
  if (part === undefined) throw new Error(`district ${district.adcode} has no polygon to sample from`);
  const [minLng, minLat, maxLng, maxLat] = part.bbox;
  for (let attempt = 0; attempt < MAX_UNIFORM_ATTEMPTS; attempt++) {
    const point = roundedPoint(minLng + random.next() * (maxLng - minLng), minLat + random.next() * (maxLat - minLat));
    if (geometryContains(part.geometry, part.bbox, point.lng, point.lat)) return point;
  }
  throw new Error(`could not place a point inside district ${district.adcode}; is its boundary degenerate?`);
}

// Six decimals is about 0.1 m: precise enough for a doorstep, short in JSON.
function roundedPoint(lng: number, lat: number): LngLat {
  return { lng: Math.round(lng * 1e6) / 1e6, lat: Math.round(lat * 1e6) / 1e6 };
}
