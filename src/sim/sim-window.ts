// Where in time a run starts. Scans may not be dated in the future, so the simulated days lie
// in the past: a run of N days starts N + TAIL_DAYS days before today (the tail lets the last
// day's parcels finish, returns included, before sim time meets the present), and a run
// without end starts yesterday and carries on in real time once it catches up with now.
import { createLocalClock, type City } from '../city/index.ts';
import { addDays } from './order-feed.ts';

/**
 * Days after the last order day in which all its parcels are delivered or returned. The longest
 * journeys in parcel-plan.ts (economy pace, a delayed hub, a failed attempt and redelivery,
 * three days uncollected in a locker and the way back, each step waiting for working hours)
 * reach 8.4 days in 300,000 planned parcels; rarer ones can take longer, so the tail leaves room.
 */
export const TAIL_DAYS = 10;

export interface SimWindow {
  readonly firstLocalDate: string;
  /** Sim start, epoch ms: the warm-start hour of the first day. */
  readonly startMs: number;
}

/** The city's local date now, YYYY-MM-DD. */
export function localToday(city: Pick<City, 'timezone'>, nowMs: number = Date.now()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: city.timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(nowMs);
}

/**
 * The window for a run of `days` (undefined: endless). The clock starts at `warmStartHour` on the
 * first day, so the orders of the hours before it go out at once and parcels are moving from
 * the first minute of a demo.
 */
export function simWindow(city: City, days: number | undefined, warmStartHour: number, nowMs: number = Date.now()): SimWindow {
  const firstLocalDate = addDays(localToday(city, nowMs), -(days === undefined ? 1 : days + TAIL_DAYS));
  return { firstLocalDate, startMs: createLocalClock(city.timezone).hourStartUtc(firstLocalDate, warmStartHour) };
}
