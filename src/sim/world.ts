// The fixed scenery a simulation runs in: the city, each carrier's network and the platforms'
// warehouses. It uses the demo's default seeds, so the facilities are the same for every
// simulation seed (the seed only changes the demand and the parcels' fortunes).
import { buildDemoNetwork, buildPlatformWarehouses, carriersServing, DEMO_PLATFORMS, type CarrierNetwork, type City, type DemoFacility, type DemoWarehouse } from '../city/index.ts';

export interface SimWorld {
  readonly city: City;
  readonly networks: readonly CarrierNetwork[];
  readonly warehouses: readonly DemoWarehouse[];
  /** Carrier networks serving each district (by GB/T 2260 code), with their market weights. */
  readonly carriersByDistrict: ReadonlyMap<number, { readonly networks: readonly CarrierNetwork[]; readonly weights: readonly number[] }>;
  /** Each carrier's delivery stations per district: `${carrierCode}:${adcode}`. */
  readonly stationsByCarrierDistrict: ReadonlyMap<string, readonly DemoFacility[]>;
  /** Sorting centres by id. */
  readonly hubs: ReadonlyMap<string, DemoFacility>;
  /** Warehouses of each platform. */
  readonly warehousesByPlatform: ReadonlyMap<string, readonly DemoWarehouse[]>;
  readonly platformWeights: readonly number[];
  /** Each warehouse as a scan facility, by warehouse id. */
  readonly warehouseSites: ReadonlyMap<string, WarehouseSite>;
}

/** A warehouse as carriers name it on scans: warehouse ids spell out the park and can exceed the API's 40 characters. */
export interface WarehouseSite {
  readonly code: string;
  readonly name: string;
  readonly adcode: number;
  readonly location: { readonly lng: number; readonly lat: number };
}

/** Builds the demo scenery for a loaded city. */
export function buildSimWorld(city: City): SimWorld {
  const networks = buildDemoNetwork(city);
  const warehouses = buildPlatformWarehouses(city);
  const carriersByDistrict = new Map(
    city.districts.map((district) => {
      const serving = carriersServing(networks, district.adcode);
      return [district.adcode, { networks: serving, weights: serving.map((network) => network.carrier.marketWeight) }] as const;
    }),
  );
  const stationsByCarrierDistrict = new Map<string, DemoFacility[]>();
  for (const station of networks.flatMap((network) => network.stations)) {
    const key = `${station.carrierCode}:${station.districtAdcode}`;
    stationsByCarrierDistrict.set(key, [...(stationsByCarrierDistrict.get(key) ?? []), station]);
  }
  return {
    city,
    networks,
    warehouses,
    carriersByDistrict,
    stationsByCarrierDistrict,
    hubs: new Map(networks.flatMap((network) => network.sortingCentres).map((hub) => [hub.id, hub])),
    warehousesByPlatform: new Map(DEMO_PLATFORMS.map((platform) => [platform.code, warehouses.filter((w) => w.platformCode === platform.code)])),
    platformWeights: DEMO_PLATFORMS.map((platform) => platform.orderWeight),
    warehouseSites: new Map(
      warehouses.map((warehouse, k) => [
        warehouse.id,
        { code: `${warehouse.platformCode}-WH-${k + 1}`, name: warehouse.sender.name, adcode: warehouse.sender.address.adcode, location: warehouse.location },
      ]),
    ),
  };
}
