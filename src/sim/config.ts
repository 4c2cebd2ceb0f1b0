// The simulator's knobs: volumes, the rates of things going wrong, and how carrier feeds misbehave.
// Every rate is a plain probability per parcel (or per event, for the feed faults). They are
// plausible hand-set values for urban Chinese e-commerce delivery, not measured data.

/** Named daily volumes: `small` for a laptop demo, `city` for the city's policy target. */
export const VOLUMES = ['small', 'city'] as const;
export type VolumeName = (typeof VOLUMES)[number];

/** Parcels a day at `--volume small`: enough to fill every district, light on an embedded database. */
export const SMALL_DAILY_PARCELS = 3_000;

export interface OutcomeRates {
  /** The first delivery attempt fails (nobody home, phone unanswered); redelivered the next day. */
  readonly firstAttemptFailure: number;
  /** Given a failed first attempt, the redelivery fails too and the parcel goes back. */
  readonly secondAttemptFailure: number;
  /** A carrier exception in the network (delayed at the hub); the parcel continues hours later. */
  readonly transitException: number;
  /** Damaged in the network; the carrier sends it back to the sender. */
  readonly damaged: number;
  /** The recipient refuses the parcel at the door; it goes back. */
  readonly refusedAtDoor: number;
  /** Left in a parcel locker instead of handed over. */
  readonly lockerDelivery: number;
  /** Left at a pickup station. */
  readonly stationDelivery: number;
  /** Signed by a proxy (doorman, neighbour) the recipient agreed to. */
  readonly proxySignature: number;
  /** A parcel in a locker or station is never collected and goes back after the holding time. */
  readonly pickupOverdue: number;
}

export interface FeedFaults {
  /** A scan is uploaded twice (same event id), a few minutes apart. */
  readonly duplicated: number;
  /** A scan is uploaded late, 10–60 minutes of sim time after it happened. */
  readonly delayed: number;
}

export const DEFAULT_OUTCOME_RATES: OutcomeRates = {
  firstAttemptFailure: 0.04,
  secondAttemptFailure: 0.15,
  transitException: 0.01,
  damaged: 0.001,
  refusedAtDoor: 0.005,
  lockerDelivery: 0.2,
  stationDelivery: 0.15,
  proxySignature: 0.05,
  pickupOverdue: 0.01,
};

export const DEFAULT_FEED_FAULTS: FeedFaults = { duplicated: 0.02, delayed: 0.03 };

/** Parcels a day for a volume name, given the city's policy target for `city`. */
export function dailyParcels(volume: VolumeName, cityDailyTarget: number): number {
  return volume === 'city' ? cityDailyTarget : SMALL_DAILY_PARCELS;
}
