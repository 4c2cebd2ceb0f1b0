import { canonicalIso } from '../../platform/iso-time.ts';
import { orderEvents, parseEventTime } from './event-order.ts';
import type { ParcelState, StatusAnomaly, TrackedEvent } from './tracked-event.ts';
import { judgeTransition } from './transitions.ts';

/**
 * ParcelState while it is being built. Times stay as the text they came in until the end, where
 * only the two that are kept are written in the API's form (usually they already are).
 */
type Fold = {
  -readonly [K in 'status' | 'subStatus' | 'incidentReason' | 'attempts' | 'eventCount' | 'lastEventAt']: ParcelState[K];
} & {
  deliveredAt: string | null;
  anomalies: StatusAnomaly[];
};

/** Applies one event, taken in fold order, to the state being built. */
function applyEvent(fold: Fold, event: TrackedEvent): void {
  const verdict = judgeTransition(fold.status, event.status);
  if (verdict.anomaly !== null) {
    fold.anomalies.push({
      source: event.source,
      eventId: event.eventId,
      occurredAt: canonicalIso(event.occurredAt),
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
    if (fold.status === 'delivered' && fold.deliveredAt === null) fold.deliveredAt = event.occurredAt;
  }
  fold.lastEventAt = event.occurredAt;
  fold.eventCount += 1;
}

/** The finished state, times formatted as ISO UTC. */
function toParcelState(fold: Fold): ParcelState {
  return {
    status: fold.status,
    subStatus: fold.subStatus,
    incidentReason: fold.incidentReason,
    lastEventAt: fold.lastEventAt === null ? null : canonicalIso(fold.lastEventAt),
    ...(fold.deliveredAt === null ? {} : { deliveredAt: canonicalIso(fold.deliveredAt) }),
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
    lastEventAt: null,
    deliveredAt: null,
    anomalies: [],
  };
  for (const { event } of orderEvents(events)) applyEvent(fold, event);
  return toParcelState(fold);
}

/**
 * Fast path for one newly stored event (not a duplicate of a stored one): when it happened
 * strictly after `state.lastEventAt`, it is last in fold order, so applying it to `state` gives
 * what a full refold would. Returns null otherwise: the caller must refold all events.
 */
export function extendParcelState(state: ParcelState, event: TrackedEvent): ParcelState | null {
  const occurredMs = parseEventTime(event, 'occurredAt');
  if (state.lastEventAt !== null && occurredMs <= Date.parse(state.lastEventAt)) return null;
  const fold: Fold = {
    status: state.status,
    subStatus: state.subStatus,
    incidentReason: state.incidentReason,
    attempts: state.attempts,
    eventCount: state.eventCount,
    lastEventAt: state.lastEventAt,
    deliveredAt: state.deliveredAt ?? null,
    anomalies: [...state.anomalies],
  };
  applyEvent(fold, event);
  return toParcelState(fold);
}
