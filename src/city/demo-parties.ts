// The demo's parties. All names are invented for parcelgrid and are meant to be obviously
// fictional; none is a real carrier, shop or brand. They hold no city data: which districts a
// carrier serves follows from its coverage rule and the loaded city (see demo-network.ts).
import type { City } from './model.ts';

/** The tracking code set a carrier speaks (standards-china.md §2). */
export type TrackingCodeSet = 'kuaidi100' | 'kdniao' | 'generic';

/** Which districts a carrier serves: those meeting both thresholds (2020 census). */
export interface CoverageRule {
  readonly minUrbanisationRate: number;
  readonly minPopulation: number;
}

export interface DemoCarrier {
  /** Short upper-case code, unique among parties. */
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly codeSet: TrackingCodeSet;
  readonly coverage: CoverageRule;
  /** Relative share of the parcels to a district among the carriers that serve it. */
  readonly marketWeight: number;
  /** Delivery stations per 100,000 residents of a served district (at least one per district). */
  readonly stationsPer100kResidents: number;
}

export interface DemoPlatform {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  /** Relative share of orders placed through this platform. */
  readonly orderWeight: number;
}

export interface DemoRegulator {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
}

export const DEMO_CARRIERS: readonly DemoCarrier[] = [
  {
    code: 'SGX',
    nameZh: '海鸥速运',
    nameEn: 'Seagull Express',
    codeSet: 'kuaidi100',
    // A city-centre specialist: only well-urbanised districts.
    coverage: { minUrbanisationRate: 0.85, minPopulation: 0 },
    marketWeight: 4,
    stationsPer100kResidents: 0.4,
  },
  {
    code: 'AMB',
    nameZh: '琥珀快递',
    nameEn: 'Amber Courier',
    codeSet: 'kdniao',
    // A national-network carrier: every district, islands included.
    coverage: { minUrbanisationRate: 0, minPopulation: 0 },
    marketWeight: 3,
    stationsPer100kResidents: 0.3,
  },
  {
    code: 'KTE',
    nameZh: '纸鸢快运',
    nameEn: 'Paper Kite Logistics',
    codeSet: 'generic',
    // A regional carrier: every district with at least 100,000 residents.
    coverage: { minUrbanisationRate: 0, minPopulation: 100_000 },
    marketWeight: 2,
    stationsPer100kResidents: 0.2,
  },
];

export const DEMO_PLATFORMS: readonly DemoPlatform[] = [
  { code: 'SHELL', nameZh: '拾贝商城', nameEn: 'Shellpick Mall', orderWeight: 5 },
  { code: 'ORANGE', nameZh: '暖橙集市', nameEn: 'Warm Orange Market', orderWeight: 3 },
  { code: 'NEIGHBOUR', nameZh: '好邻里团购', nameEn: 'Good Neighbour Group Buy', orderWeight: 2 },
];

/** The demo regulator: the city's postal administration, labelled as a demo stand-in. */
export function demoRegulator(city: Pick<City, 'nameZh' | 'nameEn'>): DemoRegulator {
  return {
    code: 'REGULATOR',
    nameZh: `${city.nameZh}邮政管理局（演示）`,
    nameEn: `${city.nameEn} Postal Administration (demo)`,
  };
}
