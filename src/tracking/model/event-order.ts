import type { Status } from './status.ts';
import type { TrackedEvent } from './tracked-event.ts';

/** An event with its occurredAt parsed once, so sorting compares numbers. */
export type TimedEvent = {
  readonly event: TrackedEvent;
  readonly occurredMs: number;
};

/**
 * Tiebreak for events with the same occurredAt: the order in which they plausibly happened
 * (an attempt fails before the retry is signed for, a parcel is delivered before it is returned).
 */
const sameInstantRank: Readonly<Record<Status, number>> = {
  created: 0,
  collected: 1,
  in_transit: 2,
  out_for_delivery: 3,
  available_for_pickup: 4,
  attempt_failed: 5,
  exception: 6,
  delivered: 7,
  cancelled: 8,
  returning: 9,
  returned: 10,
};

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Epoch milliseconds of one of the event's timestamps; a clear error if it is not a timestamp. */
export function parseEventTime(event: TrackedEvent, field: 'occurredAt' | 'recordedAt'): number {
  const value = event[field];
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new Error(`event ${event.source}/${event.eventId}: ${field} "${value}" is not an ISO 8601 timestamp`);
  }
  return ms;
}

/** Total order of distinct events: occurredAt, then same-instant rank, then source and eventId. */
function compareEvents(a: TimedEvent, b: TimedEvent): number {
  return (
    a.occurredMs - b.occurredMs ||
    sameInstantRank[a.event.status] - sameInstantRank[b.event.status] ||
    compareText(a.event.source, b.event.source) ||
    compareText(a.event.eventId, b.event.eventId)
  );
}

/**
 * Which of two copies of one event (same source and eventId) counts: the first recorded, as
 * the store keeps it; if even that ties, the fold-relevant content decides, so the choice never
 * depends on the order the copies arrive in. recordedAt is parsed only here: it matters only
 * for duplicates, and parsing is most of the fold's cost.
 */
function compareCopies(a: TimedEvent, b: TimedEvent): number {
  const content = (t: TimedEvent): string =>
    [t.event.subStatus ?? '', t.event.incidentReason ?? '', t.event.rawCode].join('\u0000');
  return (
    parseEventTime(a.event, 'recordedAt') - parseEventTime(b.event, 'recordedAt') ||
    compareEvents(a, b) ||
    compareText(content(a), content(b))
  );
}

/** Removes duplicate events (same source and eventId) and sorts the rest into fold order. */
export function orderEvents(events: readonly TrackedEvent[]): TimedEvent[] {
  const chosen = new Map<string, TimedEvent>();
  for (const event of events) {
    const timed: TimedEvent = { event, occurredMs: parseEventTime(event, 'occurredAt') };
    const key = `${event.source}\u0000${event.eventId}`;
    const held = chosen.get(key);
    if (held === undefined || compareCopies(timed, held) < 0) chosen.set(key, timed);
  }
  return [...chosen.values()].sort(compareEvents);
}
