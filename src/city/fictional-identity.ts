// Fictional recipient names, phone numbers and addresses that read like real Chinese ones.
import type { Random } from '../platform/random.ts';
import {
  FICTIONAL_COMPOUNDS,
  FICTIONAL_PHONE_PREFIXES,
  FICTIONAL_STREETS,
  FICTIONAL_VILLAGES,
  GIVEN_NAME_CHARACTERS,
  SURNAMES,
} from './fictional-names.ts';
import type { City, District } from './model.ts';
import type { SettlementKind } from './recipient-points.ts';

/** A postal address in the usual Chinese order, province first. */
export interface RecipientAddress {
  readonly provinceZh: string;
  readonly cityZh: string;
  readonly districtZh: string;
  /** GB/T 2260 code of the district. */
  readonly adcode: number;
  /** Street and number (urban) or village (rural). */
  readonly street: string;
  /** Compound, building, unit and room (urban) or group and house number (rural). */
  readonly detail: string;
  /** Everything joined, as printed on a label. */
  readonly full: string;
}

/** Surname plus one or two given-name characters (two in 60 % of names). */
export function fictionalName(random: Random): string {
  const given = random.pick(GIVEN_NAME_CHARACTERS) + (random.chance(0.6) ? random.pick(GIVEN_NAME_CHARACTERS) : '');
  return random.pick(SURNAMES) + given;
}

/** An 11-digit mobile number with a virtual-operator prefix and random remaining digits. */
export function fictionalPhone(random: Random): string {
  return random.pick(FICTIONAL_PHONE_PREFIXES) + String(random.int(100_000_000)).padStart(8, '0');
}

/** An invented address in the district: a street and flat when urban, a village house when rural. */
export function fictionalAddress(city: City, district: District, kind: SettlementKind, random: Random): RecipientAddress {
  const [street, detail] =
    kind === 'urban'
      ? [
          `${random.pick(FICTIONAL_STREETS)}${1 + random.int(300)}号`,
          `${random.pick(FICTIONAL_COMPOUNDS)}${1 + random.int(20)}栋${1 + random.int(4)}单元${1 + random.int(18)}0${1 + random.int(4)}室`,
        ]
      : [`${random.pick(FICTIONAL_VILLAGES)}村`, `${1 + random.int(8)}组${1 + random.int(60)}号`];
  return composeAddress(city, district, street, detail);
}

/** An address in the district from its street and detail parts; `full` joins all of it. */
export function composeAddress(city: City, district: District, street: string, detail: string): RecipientAddress {
  return {
    provinceZh: city.provinceZh,
    cityZh: city.nameZh,
    districtZh: district.nameZh,
    adcode: district.adcode,
    street,
    detail,
    full: `${city.provinceZh}${city.nameZh}${district.nameZh}${street}${detail}`,
  };
}
