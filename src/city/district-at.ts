import { geometryContains } from './geometry.ts';
import type { District } from './model.ts';

/** The district containing a WGS84 point, or undefined when the point is outside every boundary. */
export function districtAt(city: { readonly districts: readonly District[] }, lng: number, lat: number): District | undefined {
  return city.districts.find((district) => geometryContains(district.boundary, district.bbox, lng, lat));
}

/** The district with this GB/T 2260 code; throws naming the city's codes when there is none. */
export function districtByAdcode(city: { readonly districts: readonly District[] }, adcode: number): District {
  const district = city.districts.find((candidate) => candidate.adcode === adcode);
  if (district === undefined) {
    const known = city.districts.map((candidate) => candidate.adcode).join(', ');
    throw new Error(`no district with adcode ${adcode}; this city has ${known}`);
  }
  return district;
}
