import type { IncidentReason } from './incident-reason.ts';
import type { Status } from './status.ts';
import type { SubStatus } from './sub-status.ts';

/**
 * A carrier event after mapping, as the fold needs it. Stored rows may carry more fields
 * (facility, message, …); the fold reads only these.
 */
export type TrackedEvent = {
  /** The carrier's own event id; unique together with `source`. */
  readonly eventId: string;
  /** Who reported the event (e.g. the carrier party id); duplicates are detected per source. */
  readonly source: string;
  /** When it happened, ISO 8601 UTC; the fold orders by this. */
  readonly occurredAt: string;
  /** When parcelgrid stored it; decides which copy of a duplicate counts. */
  readonly recordedAt: string;
  readonly status: Status;
  readonly subStatus?: SubStatus | null;
  readonly incidentReason?: IncidentReason | null;
  /** The carrier's code, kept beside the mapping. */
  readonly rawCode: string;
};

/** An event that broke the transition rules: kept, counted, and reported here. */
export type StatusAnomaly = {
  readonly source: string;
  readonly eventId: string;
  readonly occurredAt: string;
  readonly from: Status;
  readonly to: Status;
  readonly reason: string;
};

/** A parcel's tracking state, folded from all its events. Timestamps are normalised ISO UTC. */
export type ParcelState = {
  readonly status: Status;
  readonly subStatus: SubStatus | null;
  readonly incidentReason: IncidentReason | null;
  /** occurredAt of the latest event, or null when there are no events. */
  readonly lastEventAt: string | null;
  /** occurredAt of the first event that moved the parcel to delivered. */
  readonly deliveredAt?: string;
  /** Number of distinct attempt_failed events, wherever they fall. */
  readonly attempts: number;
  readonly anomalies: readonly StatusAnomaly[];
  /** Number of distinct events after removing duplicates. */
  readonly eventCount: number;
};
