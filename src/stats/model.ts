/**
 * Pure helpers for overview figures: a local calendar day as a UTC window, and the
 * parcels-per-1,000-residents rate the map is coloured by.
 */

/** The local calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(instant: Date, timezone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** How far local wall-clock time is ahead of UTC at an instant, in milliseconds. */
function zoneOffsetMs(instant: number, timezone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wallClock = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wallClock - Math.floor(instant / 1000) * 1000;
}

/** The UTC instant of local midnight starting a date; re-checked once so a DST change lands right. */
function localMidnight(year: number, month: number, day: number, timezone: string): number {
  const naive = Date.UTC(year, month - 1, day);
  const first = naive - zoneOffsetMs(naive, timezone);
  return naive - zoneOffsetMs(first, timezone);
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
