import { orderEvents, parseEventTime } from './event-order.ts';
import type { ParcelState, StatusAnomaly, TrackedEvent } from './tracked-event.ts';
import { judgeTransition } from './transitions.ts';

/**
 * ParcelState while it is being built. Times stay epoch milliseconds until the end, because
 * formatting an ISO string per event would be most of the fold's cost.
 */
type Fold = {
  -readonly [K in 'status' | 'subStatus' | 'incidentReason' | 'attempts' | 'eventCount']: ParcelState[K];
} & {
  lastEventMs: number | null;
  deliveredMs: number | null;
  anomalies: StatusAnomaly[];
};

const isoOf = (ms: number): string => new Date(ms).toISOString();

/** Applies one event, taken in fold order, to the state being built. */
function applyEvent(fold: Fold, event: TrackedEvent, occurredMs: number): void {
  const verdict = judgeTransition(fold.status, event.status);
  if (verdict.anomaly !== null) {
    fold.anomalies.push({
      source: event.source,
      eventId: event.eventId,
      occurredAt: isoOf(occurredMs),
      from: fold.status,
      to: event.status,
      reason: verdict.anomaly,
    });
  }
  if (event.status === 'attempt_failed') fold.attempts += 1;
  if (verdict.effect === 'move') {
    fold.status = event.status;
    fold.subStatus = event.subStatus ?? null;
    fold.incidentReason = event.incidentReason ?? null;
    if (fold.status === 'delivered' && fold.deliveredMs === null) fold.deliveredMs = occurredMs;
  }
  fold.lastEventMs = occurredMs;
  fold.eventCount += 1;
}

/** The finished state, times formatted as ISO UTC. */
function toParcelState(fold: Fold): ParcelState {
  return {
    status: fold.status,
    subStatus: fold.subStatus,
    incidentReason: fold.incidentReason,
    lastEventAt: fold.lastEventMs === null ? null : isoOf(fold.lastEventMs),
    ...(fold.deliveredMs === null ? {} : { deliveredAt: isoOf(fold.deliveredMs) }),
    attempts: fold.attempts,
    anomalies: fold.anomalies,
    eventCount: fold.eventCount,
  };
}

/**
 * Folds a parcel's events into its state. The result depends only on the set of distinct
 * events: duplicates count once, and late or out-of-order arrival changes nothing. Illegal
 * steps are kept and listed in `anomalies` (rules in transitions.ts); none is dropped.
 */
export function foldParcelStatus(events: readonly TrackedEvent[]): ParcelState {
  // A parcel with a waybill but no events yet is created; the first event is judged from there.
  const fold: Fold = {
    status: 'created',
    subStatus: null,
    incidentReason: null,
    attempts: 0,
    eventCount: 0,
    lastEventMs: null,
    deliveredMs: null,
    anomalies: [],
  };
  for (const { event, occurredMs } of orderEvents(events)) applyEvent(fold, event, occurredMs);
  return toParcelState(fold);
}

/**
 * Fast path for one newly stored event (not a duplicate of a stored one): when it happened
 * strictly after `state.lastEventAt`, it is last in fold order, so applying it to `state` gives
 * what a full refold would. Returns null otherwise: the caller must refold all events.
 */
export function extendParcelState(state: ParcelState, event: TrackedEvent): ParcelState | null {
  const occurredMs = parseEventTime(event, 'occurredAt');
  const lastEventMs = state.lastEventAt === null ? null : Date.parse(state.lastEventAt);
  if (lastEventMs !== null && occurredMs <= lastEventMs) return null;
  const fold: Fold = {
    status: state.status,
    subStatus: state.subStatus,
    incidentReason: state.incidentReason,
    attempts: state.attempts,
    eventCount: state.eventCount,
    lastEventMs,
    deliveredMs: state.deliveredAt === undefined ? null : Date.parse(state.deliveredAt),
    anomalies: [...state.anomalies],
  };
  applyEvent(fold, event, occurredMs);
  return toParcelState(fold);
}
