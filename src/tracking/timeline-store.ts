/**
 * SQL for timeline reads. A lookup by waybill is the platform's hottest read, so the parcel and
 * all its events come back in one statement, the events already in the API's shape as one JSON
 * text that the server passes on as written: one round trip for the database and, for the server,
 * no object per event to parse and serialise again (≈ 63 → 52 KB allocated per lookup, BENCHMARKS.md,
 * "Ingest", seventh session). It is prepared: planning it anew would cost the database more than
 * running it.
 */
import { sql, type Kysely } from 'kysely';
import { isoText } from '../platform/db/iso-text.ts';
import { prepared } from '../platform/db/prepared-statements.ts';
import type { Status, TrackedEvent } from './model/index.ts';
import { visibleTo, type ParcelViewer } from './store.ts';

/** A scan as the timeline shows it: the shape of each element of `events_json`. */
export interface TimelineEvent {
  readonly event_id: string;
  readonly occurred_at: string;
  readonly recorded_at: string;
  readonly status: Status;
  readonly sub_status: string | null;
  readonly incident_reason: string | null;
  readonly raw: { readonly code_set: string; readonly code: string; readonly message: string | null };
  readonly facility: unknown;
  /** Always null as stored; the service fills it in when the parcel has anomalies. */
  readonly anomaly: string | null;
}

/** A parcel's state with its events in timeline order; timestamps as the API writes them. */
export interface TimelineParcel {
  readonly id: string;
  readonly waybill_id: string;
  readonly waybill_no: string;
  readonly carrier_id: string;
  readonly status: Status;
  readonly sub_status: string | null;
  readonly incident_reason: string | null;
  readonly attempts: number;
  readonly anomaly_count: number;
  readonly last_event_at: string | null;
  readonly delivered_at: string | null;
  readonly destination_admin_code: string;
  /** The events in timeline order, as a JSON array of TimelineEvent. */
  readonly events_json: string;
}

// Built once: only the conditions after it vary from call to call.
const selectTimelines = sql.raw(`
  SELECT p.id, p.waybill_id, p.waybill_no, p.carrier_id, p.status, p.sub_status, p.incident_reason, p.attempts,
    p.anomaly_count, ${isoText('p.last_event_at')} AS last_event_at, ${isoText('p.delivered_at')} AS delivered_at,
    p.destination_admin_code,
    (SELECT coalesce(json_agg(json_build_object(
        'event_id', e.source_event_id, 'occurred_at', ${isoText('e.occurred_at')}, 'recorded_at', ${isoText('e.recorded_at')},
        'status', e.status, 'sub_status', e.sub_status, 'incident_reason', e.incident_reason,
        'raw', json_build_object('code_set', e.code_set, 'code', e.raw_code, 'message', e.raw_message),
        'facility', e.facility, 'anomaly', NULL::text
      ) ORDER BY e.occurred_at, e.source_event_id), '[]'::json)::text
      FROM tracking_events e WHERE e.parcel_id = p.id) AS events_json
  FROM parcels p`);

type FoldRow = { source_event_id: string; carrier_id: string; occurred_at: string; recorded_at: string; status: Status; raw_code: string };

/** Creates the timeline reader over a database. */
export function createTimelineStore(db: Kysely<object>) {
  return {
    /**
     * The parcels with this number the viewer may see (optionally at one carrier), at most two:
     * one is the answer, two say the number is ambiguous without a carrier.
     */
    async findByWaybill(waybillNo: string, viewer: ParcelViewer, carrierId?: string): Promise<TimelineParcel[]> {
      const result = await sql<TimelineParcel>`${prepared}${selectTimelines}
        WHERE p.waybill_no = ${waybillNo} AND ${visibleTo(viewer)}
          ${carrierId === undefined ? sql`` : sql`AND p.carrier_id = ${carrierId}`}
        ORDER BY p.id LIMIT 2`.execute(db);
      return result.rows;
    },

    /** A parcel's events as the fold reads them, for the rare parcel whose anomalies are shown. */
    async foldInput(parcelId: string): Promise<TrackedEvent[]> {
      const result = await sql<FoldRow>`
        SELECT source_event_id, carrier_id, ${sql.raw(isoText('occurred_at'))} AS occurred_at,
          ${sql.raw(isoText('recorded_at'))} AS recorded_at, status, raw_code
        FROM tracking_events WHERE parcel_id = ${parcelId}
        ORDER BY occurred_at, source_event_id`.execute(db);
      return result.rows.map((row) => ({ eventId: row.source_event_id, source: row.carrier_id, occurredAt: row.occurred_at, recordedAt: row.recorded_at, status: row.status, rawCode: row.raw_code }));
    },
  };
}

export type TimelineStore = ReturnType<typeof createTimelineStore>;
