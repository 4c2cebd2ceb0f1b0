/**
 * The city as GeoJSON layers for a map: district boundaries with census population, express
 * parks, metro stations and exits, and the demo carriers' sorting centres and delivery stations.
 * Pure: built once from the loaded city and network.
 */
import type { CarrierNetwork, City, LngLat } from '../city/index.ts';

type Properties = Record<string, string | number | boolean | null>;

interface Feature {
  readonly type: 'Feature';
  readonly geometry: unknown;
  readonly properties: Properties;
}

export interface FeatureCollection {
  readonly type: 'FeatureCollection';
  readonly features: readonly Feature[];
}

const collection = (features: readonly Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

const point = (location: LngLat, properties: Properties): Feature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [location.lng, location.lat] },
  properties,
});

/** Every layer the console's city map draws, WGS84. */
export function cityMapLayers(city: City, networks: readonly CarrierNetwork[]) {
  const facilities = networks.flatMap((network) => [...network.sortingCentres, ...network.stations]);
  const facilityLayer = (kind: string) =>
    collection(
      facilities
        .filter((facility) => facility.kind === kind)
        .map((facility) => point(facility.location, { id: facility.id, carrier: facility.carrierCode, name_zh: facility.nameZh, name_en: facility.nameEn })),
    );
  return {
    city: { id: city.id, name_zh: city.nameZh, name_en: city.nameEn, timezone: city.timezone, centre: [city.centre.lng, city.centre.lat], bbox: [...city.bbox] },
    districts: collection(
      city.districts.map((district) => ({
        type: 'Feature' as const,
        geometry: district.boundary,
        properties: { adcode: String(district.adcode), name_zh: district.nameZh, name_en: district.nameEn, population: district.population2020 },
      })),
    ),
    parks: collection(city.parks.map((park) => point(park.location, { id: park.id, name_zh: park.nameZh, name_en: park.nameEn, approximate: park.approximate }))),
    metro_stations: collection(
      city.metroStations.map((station) => point(station.location, { id: station.stationId, name_zh: station.nameZh, name_en: station.nameEn, mode: station.mode })),
    ),
    metro_exits: collection(
      city.metroExits.filter((exit) => !exit.closed).map((exit) => point(exit.location, { station: exit.stationId, exit: exit.exit, name_zh: exit.descriptionZh })),
    ),
    sorting_centres: facilityLayer('sorting_centre'),
    delivery_stations: facilityLayer('delivery_station'),
  };
}

export type CityMapLayers = ReturnType<typeof cityMapLayers>;
