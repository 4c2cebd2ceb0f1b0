// The orders of one simulated day, generated hour by hour in time order so even the city's
// 820,000 parcels a day never sit in memory at once. Deterministic: the same world, seed, date
// and volume give the same orders and the same scans, whatever the server does.
import { createDemandModel, createLocalClock, DEMO_PLATFORMS, ordersByHour, type DemoFacility, type DemoWarehouse, type ParcelProfile, type Recipient } from '../city/index.ts';
import { createRandom, type Random } from '../platform/random.ts';
import { DEFAULT_FEED_FAULTS, DEFAULT_OUTCOME_RATES, type FeedFaults, type OutcomeRates } from './config.ts';
import { planParcelScans, type PlannedScan, type ServiceLevel } from './parcel-plan.ts';
import type { SimWorld, WarehouseSite } from './world.ts';

export interface PlannedOrder {
  /** `<local date>#<index in the day>`: names the order in the plan and its external id. */
  readonly key: string;
  readonly placedAtMs: number;
  readonly platformCode: string;
  readonly warehouse: DemoWarehouse;
  /** The warehouse as a scan facility, where the parcel is collected. */
  readonly origin: WarehouseSite;
  readonly recipient: Recipient;
  readonly parcel: ParcelProfile;
  readonly carrierCode: string;
  readonly serviceLevel: ServiceLevel;
  readonly hub: DemoFacility;
  readonly station: DemoFacility;
  readonly scans: readonly PlannedScan[];
}

export interface DayPlanOptions {
  readonly seed: string;
  readonly rates?: OutcomeRates;
  readonly faults?: FeedFaults;
}

const SERVICE_LEVELS: readonly ServiceLevel[] = ['economy', 'standard', 'express', 'same_day'];
// Share of orders by service level: most e-commerce ships standard.
const SERVICE_LEVEL_WEIGHTS = [25, 60, 13, 2];
const MS_PER_HOUR = 3_600_000;

/** The day's orders in time order; `dailyTotal` is split over the hours by the e-commerce curve. */
export function* planDay(world: SimWorld, localDate: string, dailyTotal: number, options: DayPlanOptions): Generator<PlannedOrder> {
  const demand = createDemandModel(world.city, `${options.seed}/${localDate}`);
  const root = createRandom(options.seed).derive(localDate);
  const times = root.derive('order-times');
  const clock = createLocalClock(world.city.timezone);
  const utcOffsetMs = Date.parse(`${localDate}T00:00:00Z`) - clock.hourStartUtc(localDate, 0);
  let index = 0;
  for (const [hour, count] of ordersByHour(dailyTotal).entries()) {
    const hourStart = clock.hourStartUtc(localDate, hour);
    const placedAt = Array.from({ length: count }, () => hourStart + times.int(MS_PER_HOUR)).sort((a, b) => a - b);
    for (const placedAtMs of placedAt) {
      const key = `${localDate}#${index}`;
      index += 1;
      yield planOrder(world, key, placedAtMs, demand.nextRecipient(), demand.nextParcel(), root.derive(key), utcOffsetMs, options);
    }
  }
}

function planOrder(
  world: SimWorld,
  key: string,
  placedAtMs: number,
  recipient: Recipient,
  parcel: ParcelProfile,
  random: Random,
  utcOffsetMs: number,
  options: DayPlanOptions,
): PlannedOrder {
  const platformCode = DEMO_PLATFORMS[random.weightedIndex(world.platformWeights)]?.code ?? '';
  const warehouse = random.pick(world.warehousesByPlatform.get(platformCode) ?? world.warehouses);
  const serving = world.carriersByDistrict.get(recipient.address.adcode);
  if (serving === undefined || serving.networks.length === 0) throw new Error(`no demo carrier serves district ${recipient.address.adcode}`);
  const carrier = serving.networks[random.weightedIndex(serving.weights)] ?? serving.networks[0];
  const station = random.pick(world.stationsByCarrierDistrict.get(`${carrier?.carrier.code}:${recipient.address.adcode}`) ?? []);
  const hub = station.sortingCentreId === null ? undefined : world.hubs.get(station.sortingCentreId);
  if (carrier === undefined || hub === undefined) throw new Error(`station ${station.id} has no sorting centre`);
  const serviceLevel = SERVICE_LEVELS[random.weightedIndex(SERVICE_LEVEL_WEIGHTS)] ?? 'standard';
  const scans = planParcelScans(random, {
    placedAtMs,
    serviceLevel,
    utcOffsetMs,
    rates: options.rates ?? DEFAULT_OUTCOME_RATES,
    faults: options.faults ?? DEFAULT_FEED_FAULTS,
  });
  const origin = world.warehouseSites.get(warehouse.id);
  if (origin === undefined) throw new Error(`warehouse ${warehouse.id} is not in the world`);
  return { key, placedAtMs, platformCode, warehouse, origin, recipient, parcel, carrierCode: carrier.carrier.code, serviceLevel, hub, station, scans };
}
