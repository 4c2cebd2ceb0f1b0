// The journey of one parcel as a list of timed scans: collection at the platform's warehouse,
// line-haul to the carrier's sorting centre, the district delivery station, the door, and what
// can go wrong on the way (rates in config.ts). Pure and seeded: the same random stream and
// inputs give the same scans. Times are epoch milliseconds of simulated time.
import type { Random } from '../platform/random.ts';
import type { StepKind } from './carrier-codes.ts';
import type { FeedFaults, OutcomeRates } from './config.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export type ServiceLevel = 'economy' | 'standard' | 'express' | 'same_day';

/** Where a scan happens: the sender's warehouse, the carrier's sorting centre or the district station. */
export type FacilityRole = 'origin' | 'hub' | 'station';

export const FACILITY_OF: Readonly<Record<StepKind, FacilityRole>> = {
  collected: 'origin',
  departed_origin: 'origin',
  arrived_hub: 'hub',
  departed_hub: 'hub',
  delayed_exception: 'hub',
  damaged: 'hub',
  returning: 'hub',
  arrived_station: 'station',
  out_for_delivery: 'station',
  redelivery: 'station',
  attempt_failed: 'station',
  in_locker: 'station',
  in_station: 'station',
  refused: 'station',
  pickup_overdue: 'station',
  delivered_signed: 'station',
  delivered_proxy: 'station',
  picked_up_locker: 'station',
  picked_up_station: 'station',
  returned: 'origin',
};

/** One scan: when it happened, when the carrier uploads it, and when a duplicate copy follows. */
export interface PlannedScan {
  readonly kind: StepKind;
  readonly occurredAtMs: number;
  /** Upload time: the scan time, or 10–60 min later for a late upload. */
  readonly sendAtMs: number;
  /** Upload time of a second copy of the same event, when the feed duplicates it. */
  readonly duplicateAtMs: number | null;
}

export interface ParcelPlanInput {
  readonly placedAtMs: number;
  readonly serviceLevel: ServiceLevel;
  /** How far the city's wall clock is ahead of UTC, for working hours. */
  readonly utcOffsetMs: number;
  readonly rates: OutcomeRates;
  readonly faults: FeedFaults;
}

// Faster services move through each stage quicker; the factor scales every handling delay.
const PACE: Readonly<Record<ServiceLevel, number>> = { economy: 1.3, standard: 1, express: 0.7, same_day: 0.5 };

/** The parcel's scans in the order they happen, from a per-parcel random stream. */
export function planParcelScans(random: Random, input: ParcelPlanInput): PlannedScan[] {
  const kinds: { kind: StepKind; atMs: number }[] = [];
  let now = input.placedAtMs;
  const pace = PACE[input.serviceLevel];
  // Advance by a uniform delay in [min, max] minutes, then optionally wait for working hours.
  const after = (minMinutes: number, maxMinutes: number, workFrom?: number, workTo?: number): number => {
    now += Math.round((minMinutes + random.next() * (maxMinutes - minMinutes)) * pace * MINUTE);
    if (workFrom !== undefined && workTo !== undefined) now = duringWorkingHours(now, input.utcOffsetMs, workFrom, workTo, random);
    return now;
  };
  const scan = (kind: StepKind, atMs: number) => kinds.push({ kind, atMs });
  const sendBack = () => {
    scan('returning', after(60, 360));
    scan('returned', after(720, 1800, 8, 20));
  };

  scan('collected', after(60, 300, 7, 21));
  scan('departed_origin', after(30, 120));
  scan('arrived_hub', after(30, 90));
  const rates = input.rates;
  if (random.chance(rates.damaged)) {
    scan('damaged', after(20, 120));
    sendBack();
    return withFeedFaults(random, kinds, input.faults);
  }
  if (random.chance(rates.transitException)) {
    scan('delayed_exception', after(20, 60));
    now += Math.round((2 + random.next() * 6) * HOUR);
  }
  scan('departed_hub', after(60, 180));
  scan('arrived_station', after(30, 120));
  scan('out_for_delivery', after(30, 120, 8, 19));
  if (random.chance(rates.refusedAtDoor)) {
    scan('refused', after(30, 240));
    sendBack();
    return withFeedFaults(random, kinds, input.faults);
  }
  if (random.chance(rates.firstAttemptFailure)) {
    scan('attempt_failed', after(30, 240));
    // Redelivered on the next working morning.
    scan('redelivery', after(12 * 60, 14 * 60, 8, 11));
    if (random.chance(rates.secondAttemptFailure)) {
      scan('attempt_failed', after(30, 240));
      sendBack();
      return withFeedFaults(random, kinds, input.faults);
    }
  }
  const door = random.next();
  if (door < rates.lockerDelivery + rates.stationDelivery) {
    const locker = door < rates.lockerDelivery;
    scan(locker ? 'in_locker' : 'in_station', after(30, 240));
    if (random.chance(rates.pickupOverdue)) {
      // Lockers and stations hold a parcel for three days before returning it.
      scan('pickup_overdue', after(72 * 60, 73 * 60));
      sendBack();
    } else {
      scan(locker ? 'picked_up_locker' : 'picked_up_station', after(60, 36 * 60));
    }
  } else {
    scan(door < rates.lockerDelivery + rates.stationDelivery + rates.proxySignature ? 'delivered_proxy' : 'delivered_signed', after(30, 240));
  }
  return withFeedFaults(random, kinds, input.faults);
}

/** Moves `ms` forward to the next moment inside local working hours [fromHour, toHour), with jitter. */
export function duringWorkingHours(ms: number, utcOffsetMs: number, fromHour: number, toHour: number, random: Random): number {
  const local = ms + utcOffsetMs;
  const hour = Math.floor((local % (24 * HOUR)) / HOUR);
  if (hour >= fromHour && hour < toHour) return ms;
  const dayStart = local - (local % (24 * HOUR)) + (hour >= toHour ? 24 * HOUR : 0);
  return dayStart + fromHour * HOUR - utcOffsetMs + random.int(2 * HOUR);
}

// Carrier feeds are imperfect: some scans are uploaded late, some twice.
function withFeedFaults(random: Random, kinds: readonly { kind: StepKind; atMs: number }[], faults: FeedFaults): PlannedScan[] {
  return kinds.map(({ kind, atMs }) => {
    const sendAtMs = random.chance(faults.delayed) ? atMs + (10 + random.int(51)) * MINUTE : atMs;
    const duplicateAtMs = random.chance(faults.duplicated) ? sendAtMs + (1 + random.int(5)) * MINUTE : null;
    return { kind, occurredAtMs: atMs, sendAtMs, duplicateAtMs };
  });
}
