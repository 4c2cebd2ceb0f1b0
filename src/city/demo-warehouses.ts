// Where the demo e-commerce platforms ship from: each platform rents warehouses in the city's
// express parks (park k goes to platform k mod the number of platforms), which gives orders a
// sender with a name, phone and address. Seeded, like the rest of the demo.
import { createRandom } from '../platform/random.ts';
import { DEMO_PLATFORMS, type DemoPlatform } from './demo-parties.ts';
import { composeAddress, fictionalPhone, type RecipientAddress } from './fictional-identity.ts';
import { FICTIONAL_STREETS } from './fictional-names.ts';
import type { City, LngLat } from './model.ts';
import { placeNearSite } from './site-placement.ts';

export interface DemoWarehouse {
  /** Stable id, e.g. SHELL-WH-international-air-express. */
  readonly id: string;
  readonly platformCode: string;
  readonly parkId: string;
  readonly location: LngLat;
  /** The sender block for orders shipped from here. */
  readonly sender: { readonly name: string; readonly phone: string; readonly address: RecipientAddress };
}

// Warehouses in one park stand on a ring of this radius, clear of the carriers' hubs (400 m).
const WAREHOUSE_RING_RADIUS_M = 800;

/** Every platform's warehouses in this city, at least one each while the city has parks. */
export function buildPlatformWarehouses(
  city: City,
  seed: number | string = 'demo-warehouses',
  platforms: readonly DemoPlatform[] = DEMO_PLATFORMS,
): DemoWarehouse[] {
  if (city.parks.length === 0) throw new Error(`${city.nameEn} has no express parks in parks.json to put warehouses in`);
  const random = createRandom(seed);
  const parkCount = Math.max(city.parks.length, platforms.length);
  return Array.from({ length: parkCount }, (_, k) => {
    const park = city.parks[k % city.parks.length];
    const platform = platforms[k % platforms.length];
    if (park === undefined || platform === undefined) throw new Error('no platforms to place warehouses for');
    const { location, district } = placeNearSite(city, park.location, WAREHOUSE_RING_RADIUS_M, k / parkCount);
    const street = `${random.pick(FICTIONAL_STREETS)}${1 + random.int(300)}号`;
    return {
      id: `${platform.code}-WH-${park.id}`,
      platformCode: platform.code,
      parkId: park.id,
      location,
      sender: {
        name: `${platform.nameZh}仓库`,
        phone: fictionalPhone(random),
        address: composeAddress(city, district, street, `${park.nameZh}${platform.nameZh}仓`),
      },
    };
  });
}
