// The console shows and takes times on the city's wall clock, whatever the browser's zone, so a
// "from" typed into a form means the same instant for every user.
import { wallClockToUtc, zoneFormatter, zoneOffsetMs } from '../../src/platform/time-zone.ts';

/** The instant a `<input type="datetime-local">` value (YYYY-MM-DDTHH:mm) names in `timeZone`, as ISO. */
export function wallClockInputToIso(value: string, timeZone: string): string {
  // Checked by shape first: Date.parse guesses at almost anything.
  const wallClock = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? Date.parse(`${value}:00Z`) : Number.NaN;
  if (Number.isNaN(wallClock)) throw new RangeError(`"${value}" is not a date and time (YYYY-MM-DDTHH:mm)`);
  return new Date(wallClockToUtc(zoneFormatter(timeZone), wallClock)).toISOString();
}

/** `iso` on the wall clock of `timeZone`, as a datetime-local input value. */
export function isoToWallClockInput(iso: string, timeZone: string): string {
  const instant = Date.parse(iso);
  return new Date(instant + zoneOffsetMs(zoneFormatter(timeZone), instant)).toISOString().slice(0, 16);
}
