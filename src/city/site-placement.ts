import { districtAt } from './district-at.ts';
import { offsetByMetres } from './geometry.ts';
import type { City, District, LngLat } from './model.ts';

/**
 * A spot on a ring of `radiusM` around `site`, at `turn` (0–1) of a full circle, so several
 * tenants of one park get separate buildings. If the spot leaves the site's district (coast,
 * border), the site itself is used.
 */
export function placeNearSite(city: City, site: LngLat, radiusM: number, turn: number): { location: LngLat; district: District } {
  const district = districtAt(city, site.lng, site.lat);
  if (district === undefined) throw new Error(`site ${site.lng},${site.lat} lies outside every district of ${city.nameEn}`);
  const angle = 2 * Math.PI * turn;
  const [lng, lat] = offsetByMetres(site.lng, site.lat, radiusM * Math.cos(angle), radiusM * Math.sin(angle));
  const spot = { lng: Math.round(lng * 1e6) / 1e6, lat: Math.round(lat * 1e6) / 1e6 };
  const onRing = districtAt(city, spot.lng, spot.lat)?.adcode === district.adcode;
  return { location: onRing ? spot : site, district };
}
