// When e-commerce orders are placed over a local day.
//
// The hourly weights below are a hand-set shape, not a measured series: Chinese e-commerce traffic
// is commonly described as near-silent from 02:00 to 06:00, rising through the morning to a
// late-morning peak (10:00–11:00), holding through the afternoon and peaking again in the evening
// (20:00–22:00), with a tail past midnight. Index = local hour (0 = 00:00–00:59).
import type { Random } from '../platform/random.ts';
import { wallClockToUtc, zoneFormatter } from '../platform/time-zone.ts';

/** Relative order weight for each local hour of the day (they need not sum to 1). */
export const ORDER_HOUR_WEIGHTS: readonly number[] = [
  3.0, 1.6, 0.9, 0.6, 0.5, 0.6, 1.2, 2.2, 3.4, 4.8, 5.8, 5.6,
  4.8, 4.9, 5.2, 5.2, 4.9, 4.4, 4.5, 5.3, 6.6, 7.2, 6.4, 4.6,
];

const MS_PER_HOUR = 3_600_000;

/** Split a daily order count over the 24 local hours by the curve; the parts sum exactly to the total. */
export function ordersByHour(dailyTotal: number, weights: readonly number[] = ORDER_HOUR_WEIGHTS): number[] {
  if (!Number.isInteger(dailyTotal) || dailyTotal < 0) {
    throw new RangeError(`daily order count must be a non-negative integer, got ${dailyTotal}`);
  }
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const exact = weights.map((weight) => (dailyTotal * weight) / total);
  const counts = exact.map(Math.floor);
  // Largest-remainder rounding: hand the units lost to flooring to the hours that lost most.
  const shortfall = dailyTotal - counts.reduce((sum, count) => sum + count, 0);
  const byRemainder = exact.map((value, hour) => ({ hour, remainder: value - Math.floor(value) }));
  byRemainder.sort((a, b) => b.remainder - a.remainder || a.hour - b.hour);
  for (const { hour } of byRemainder.slice(0, shortfall)) counts[hour] = (counts[hour] ?? 0) + 1;
  return counts;
}

/** Converts local dates and hours of one time zone to UTC, caching each hour's offset. */
export interface LocalClock {
  /** UTC instant (ms since epoch) of the start of `hour` on `localDate` (YYYY-MM-DD). */
  hourStartUtc(localDate: string, hour: number): number;
  /** A random order time on `localDate`, hour drawn from the curve, as a UTC ISO string. */
  sampleOrderTime(random: Random, localDate: string): string;
}

/** A clock for an IANA time zone such as Asia/Shanghai. */
export function createLocalClock(timezone: string, weights: readonly number[] = ORDER_HOUR_WEIGHTS): LocalClock {
  const format = zoneFormatter(timezone);
  // Offsets are looked up per local date and hour, so a daylight-saving change is right to the hour.
  const offsetCache = new Map<string, number>();
  const hourStartUtc = (localDate: string, hour: number): number => {
    const key = `${localDate}T${hour}`;
    let offset = offsetCache.get(key);
    const wallClock = parseLocalDate(localDate) + hour * MS_PER_HOUR;
    if (offset === undefined) {
      offset = wallClock - wallClockToUtc(format, wallClock);
      offsetCache.set(key, offset);
    }
    return wallClock - offset;
  };
  return {
    hourStartUtc,
    sampleOrderTime(random, localDate) {
      const hour = random.weightedIndex(weights);
      return new Date(hourStartUtc(localDate, hour) + random.int(MS_PER_HOUR)).toISOString();
    },
  };
}

function parseLocalDate(localDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate);
  const ms = match === null ? NaN : Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(ms)) throw new RangeError(`local date must look like 2026-11-29, got "${localDate}"`);
  return ms;
}
