// The seeded demand generator: who orders, where they live, what the parcel is and when the
// order is placed. Method (see also src/city/README.md):
// 1. district: drawn with probability = its share of the 2020 census population;
// 2. point: see recipient-points.ts (urbanisation rate decides urban vs rural; urban points
//    cluster around metro/tram stations and the district seat; rural points are uniform);
// 3. identity: fictional name, phone and address for that district (fictional-identity.ts);
// 4. parcel: category, weight, size and declared value (parcel-profile.ts);
// 5. order time: hour from the e-commerce daily curve, uniform within the hour (order-curve.ts).
// Recipients, parcels and order times come from three separate streams derived from the seed,
// so each sequence is reproducible on its own however a caller interleaves the calls.
import { createRandom } from '../platform/random.ts';
import { fictionalAddress, fictionalName, fictionalPhone, type RecipientAddress } from './fictional-identity.ts';
import type { City, District, LngLat } from './model.ts';
import { createLocalClock } from './order-curve.ts';
import { sampleParcel, type ParcelProfile } from './parcel-profile.ts';
import { createPointSampler, type SettlementKind } from './recipient-points.ts';

export interface Recipient {
  readonly name: string;
  readonly phone: string;
  readonly address: RecipientAddress;
  /** WGS84 point inside the district named by `address.adcode`. */
  readonly location: LngLat;
  readonly settlement: SettlementKind;
}

export interface DemandOrder {
  /** UTC ISO instant the buyer placed the order. */
  readonly placedAt: string;
  readonly recipient: Recipient;
  readonly parcel: ParcelProfile;
}

export interface DemandModel {
  readonly city: City;
  /** Next recipient from the recipients stream. */
  nextRecipient(): Recipient;
  /** Next parcel from the parcels stream. */
  nextParcel(): ParcelProfile;
  /** Next order time on a local date (YYYY-MM-DD in the city's time zone), as a UTC ISO string. */
  nextOrderTime(localDate: string): string;
  /** One order: a time, a recipient and a parcel, each from its own stream. */
  nextOrder(localDate: string): DemandOrder;
}

/** A seeded demand generator for a loaded city; the same city and seed give the same sequences. */
export function createDemandModel(city: City, seed: number | string): DemandModel {
  const root = createRandom(seed);
  const recipients = root.derive('recipients');
  const parcels = root.derive('parcels');
  const orderTimes = root.derive('order-times');
  const samplePoint = createPointSampler(city);
  const clock = createLocalClock(city.timezone);
  const populationWeights = city.districts.map((district) => district.population2020);

  const nextRecipient = (): Recipient => {
    const district = city.districts[recipients.weightedIndex(populationWeights)] as District;
    const { kind, lng, lat } = samplePoint(district, recipients);
    return {
      name: fictionalName(recipients),
      phone: fictionalPhone(recipients),
      address: fictionalAddress(city, district, kind, recipients),
      location: { lng, lat },
      settlement: kind,
    };
  };
  const nextParcel = (): ParcelProfile => sampleParcel(parcels);
  const nextOrderTime = (localDate: string): string => clock.sampleOrderTime(orderTimes, localDate);

  return {
    city,
    nextRecipient,
    nextParcel,
    nextOrderTime,
    nextOrder: (localDate) => ({ placedAt: nextOrderTime(localDate), recipient: nextRecipient(), parcel: nextParcel() }),
  };
}
