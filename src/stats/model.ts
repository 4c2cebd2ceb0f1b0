/**
 * Pure helpers for overview figures: a local calendar day as a UTC window, and the
 * parcels-per-1,000-residents rate the map is coloured by.
 */
import { wallClockToUtc, zoneFormatter } from '../platform/time-zone.ts';

/** The local calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(instant: Date, timezone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

function localMidnight(year: number, month: number, day: number, timezone: string): number {
  return wallClockToUtc(zoneFormatter(timezone), Date.UTC(year, month - 1, day));
}

/** A local calendar day as the half-open UTC window [from, to). */
export function dayWindow(date: string, timezone: string): { from: string; to: string } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`date "${date}" must be YYYY-MM-DD`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return {
    from: new Date(localMidnight(year, month, day, timezone)).toISOString(),
    to: new Date(localMidnight(year, month, day + 1, timezone)).toISOString(),
  };
}

/** Parcels per 1,000 residents, to three decimals (a quiet day is well under one); 0 without residents. */
export function perThousandResidents(parcels: number, population: number): number {
  if (population <= 0) return 0;
  return Math.round((parcels / population) * 1_000_000) / 1000;
}
