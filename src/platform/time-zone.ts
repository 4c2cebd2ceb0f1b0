/**
 * Local wall-clock time ↔ UTC for an IANA time zone, with nothing but Intl. Local rules (order
 * curves, "today" on the dashboard, city pass hours) are stated in the city's time zone.
 */

/** A formatter that reads a zone's wall clock; a clear RangeError for an unknown zone. */
export function zoneFormatter(timezone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new RangeError(`unknown time zone "${timezone}"; use an IANA name such as Asia/Shanghai`);
  }
}

/** How far the zone's wall clock is ahead of UTC at instant `utcMs`. */
export function zoneOffsetMs(format: Intl.DateTimeFormat, utcMs: number): number {
  const parts = Object.fromEntries(format.formatToParts(utcMs).map((part) => [part.type, Number(part.value)]));
  const wall = Date.UTC(parts['year'] ?? 0, (parts['month'] ?? 1) - 1, parts['day'] ?? 1, parts['hour'] ?? 0, parts['minute'] ?? 0, parts['second'] ?? 0);
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/**
 * The UTC instant at which the zone's wall clock shows `wallClockMs` (a local time written as if it
 * were UTC). Two passes, because the offset at the guess can differ across a daylight-saving change.
 */
export function wallClockToUtc(format: Intl.DateTimeFormat, wallClockMs: number): number {
  return wallClockMs - zoneOffsetMs(format, wallClockMs - zoneOffsetMs(format, wallClockMs));
}
