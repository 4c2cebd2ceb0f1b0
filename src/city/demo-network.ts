// Lays out each demo carrier's network in a loaded city: which districts it serves (its coverage
// rule against the census), one sorting centre per sorting region it touches (beside the
// region's park or site) and delivery stations in each served district, placed where recipients
// live (drawn with the demand model's point sampler, always near a station or the seat). Seeded, so the same city, carriers and seed
// always give the same facilities.
import { createRandom } from '../platform/random.ts';
import { DEMO_CARRIERS, type DemoCarrier } from './demo-parties.ts';
import type { City, District, LngLat, SortingRegion } from './model.ts';
import { createPointSampler } from './recipient-points.ts';
import { placeNearSite } from './site-placement.ts';

export type FacilityKind = 'sorting_centre' | 'delivery_station';

export interface DemoFacility {
  /** Stable id, e.g. SGX-SC-urban-core or SGX-ST-210202-1. */
  readonly id: string;
  readonly kind: FacilityKind;
  readonly carrierCode: string;
  readonly nameZh: string;
  readonly nameEn: string;
  /** District the facility stands in (GB/T 2260). */
  readonly districtAdcode: number;
  readonly location: LngLat;
  /** For a station: the sorting centre that feeds it. For a sorting centre: null. */
  readonly sortingCentreId: string | null;
}

export interface CarrierNetwork {
  readonly carrier: DemoCarrier;
  /** Districts served, GB/T 2260 codes in the city's order. */
  readonly districts: readonly number[];
  readonly sortingCentres: readonly DemoFacility[];
  readonly stations: readonly DemoFacility[];
}

// Carriers sharing a park get their own buildings on a ring of this radius around its site.
const HUB_RING_RADIUS_M = 400;

/** Each carrier's districts, sorting centres and delivery stations in this city. */
export function buildDemoNetwork(city: City, seed: number | string = 'demo-network', carriers: readonly DemoCarrier[] = DEMO_CARRIERS): CarrierNetwork[] {
  const samplePoint = createPointSampler(city);
  return carriers.map((carrier, carrierIndex) => {
    const random = createRandom(seed).derive(carrier.code);
    const served = city.districts.filter(
      (district) =>
        district.urbanisationRate >= carrier.coverage.minUrbanisationRate && district.population2020 >= carrier.coverage.minPopulation,
    );
    const sortingCentres = new Map<string, DemoFacility>();
    const stations = served.flatMap((district) => {
      const region = regionOf(city, district);
      let hub = sortingCentres.get(region.id);
      if (hub === undefined) {
        hub = sortingCentre(city, carrier, region, carrierIndex / carriers.length);
        sortingCentres.set(region.id, hub);
      }
      const count = Math.max(1, Math.round((district.population2020 / 100_000) * carrier.stationsPer100kResidents));
      return Array.from({ length: count }, (_, index) => {
        const { lng, lat } = samplePoint(district, random, 1);
        return {
          id: `${carrier.code}-ST-${district.adcode}-${index + 1}`,
          kind: 'delivery_station' as const,
          carrierCode: carrier.code,
          nameZh: `${carrier.nameZh}${district.nameZh}${index + 1}号站`,
          nameEn: `${carrier.nameEn} ${district.nameEn} station ${index + 1}`,
          districtAdcode: district.adcode,
          location: { lng, lat },
          sortingCentreId: hub.id,
        };
      });
    });
    return { carrier, districts: served.map((district) => district.adcode), sortingCentres: [...sortingCentres.values()], stations };
  });
}

/** The carrier networks that serve a district; weigh them by `carrier.marketWeight` to pick one. */
export function carriersServing(networks: readonly CarrierNetwork[], adcode: number): CarrierNetwork[] {
  return networks.filter((network) => network.districts.includes(adcode));
}

function regionOf(city: City, district: District): SortingRegion {
  const region = city.sortingRegions.find((candidate) => candidate.districts.includes(district.adcode));
  if (region === undefined) {
    throw new Error(`district ${district.adcode} (${district.nameZh}) is in no sorting region of network.json`);
  }
  return region;
}

function sortingCentre(city: City, carrier: DemoCarrier, region: SortingRegion, turn: number): DemoFacility {
  const { location, district } = placeNearSite(city, region.site, HUB_RING_RADIUS_M, turn);
  return {
    id: `${carrier.code}-SC-${region.id}`,
    kind: 'sorting_centre',
    carrierCode: carrier.code,
    nameZh: `${carrier.nameZh}${region.nameZh}分拨中心`,
    nameEn: `${carrier.nameEn} ${region.nameEn} sorting centre`,
    districtAdcode: district.adcode,
    location,
    sortingCentreId: null,
  };
}
