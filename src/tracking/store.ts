/**
 * SQL for parcels and tracking events; nothing else touches these tables. Batch writes are
 * set-based (scans loaded by COPY, other rows sent as JSON column arrays, see copyRows and
 * jsonRows), so a batch of 1,000 events is a handful of statements.
 */
import { sql, type Kysely } from 'kysely';
import { copyRows } from '../platform/db/copy-rows.ts';
import { isoText } from '../platform/db/iso-text.ts';
import { isUniqueViolation } from '../platform/db/errors.ts';
import { jsonRows } from '../platform/db/json-rows.ts';
import { prepared } from '../platform/db/prepared-statements.ts';
import { parseTextRows, textRowsAgg } from '../platform/db/text-rows.ts';
import type { ParcelState, Status, TrackedEvent } from './model/index.ts';

export interface ParcelRow {
  id: string;
  waybill_id: string;
  waybill_no: string;
  carrier_id: string;
  platform_id: string;
  destination_admin_code: string;
  weight_g: number;
  status: Status;
  sub_status: string | null;
  incident_reason: string | null;
  attempts: number;
  anomaly_count: number;
  event_count: number;
  last_event_at: Date | null;
  delivered_at: Date | null;
  created_at: Date;
  updated_at: Date;
}


/** A mapped scan ready to store. */
export interface EventInsert {
  readonly parcelId: string;
  readonly carrierId: string;
  readonly sourceEventId: string;
  readonly occurredAt: string;
  readonly codeSet: string;
  readonly rawCode: string;
  readonly rawMessage: string | null;
  readonly status: string;
  readonly subStatus: string | null;
  readonly incidentReason: string | null;
  /** The facility object as sent, stored as jsonb. */
  readonly facility: unknown;
}

export interface StoredEvent {
  parcel_id: string;
  carrier_id: string;
  source_event_id: string;
  occurred_at: Date;
  recorded_at: Date;
  code_set: string;
  raw_code: string;
  raw_message: string | null;
  status: Status;
  sub_status: string | null;
  incident_reason: string | null;
  facility: unknown;
}

/** A parcel's stored state, locked for an ingest transaction; times as API text (ISO, UTC, ms). */
export interface LockedParcel extends Pick<ParcelRow, 'id' | 'waybill_no' | 'platform_id' | 'status' | 'sub_status' | 'incident_reason' | 'attempts' | 'anomaly_count' | 'event_count'> {
  readonly last_event_at: string | null;
  readonly delivered_at: string | null;
}

/** The locked columns as the locking read's text rows give them, in its order; NULL where the column allows it. */
type LockedText = [string, string, string, string, string | null, string | null, string, string, string, string | null, string | null];

/** A folded state to write back; the anomaly count covers anomalies found in earlier batches too. */
export interface StoredState {
  readonly state: ParcelState;
  readonly anomalyCount: number;
}

/** Who may see a parcel: its carrier, its platform, or everyone (regulators). */
export interface ParcelViewer {
  readonly partyId: string;
  readonly seesAll: boolean;
}

export interface ParcelFilter {
  readonly status?: Status;
  readonly carrierId?: string;
  readonly adminCodePrefix?: string;
  readonly createdFrom?: string;
  readonly createdTo?: string;
}

/** The condition on parcel columns that keeps what the viewer may see. */
export const visibleTo = (viewer: ParcelViewer) =>
  viewer.seesAll ? sql<boolean>`true` : sql<boolean>`(carrier_id = ${viewer.partyId} OR platform_id = ${viewer.partyId})`;

type Tables = { parcels: ParcelRow; tracking_events: StoredEvent };

/** Creates the tracking store over a database or an open transaction. */
export function createTrackingStore(base: Kysely<object>) {
  const db = base.withTables<Tables>();

  return {
    /**
     * Locks the carrier's parcels with these numbers (in id order, to avoid deadlocks). They come
     * back as one text value (text-rows.ts), times already as API text: every column is an id,
     * a code, a count or a time, and waybill numbers are letters and digits.
     */
    async lockParcelsByWaybill(carrierId: string, waybillNos: readonly string[]): Promise<Map<string, LockedParcel>> {
      const result = await sql<{ parcels: string | null }>`${prepared}
        SELECT ${textRowsAgg(['id', 'waybill_no', 'platform_id', 'status', 'sub_status', 'incident_reason', 'attempts',
          'anomaly_count', 'event_count', isoText('last_event_at'), isoText('delivered_at')])} AS parcels
        FROM (SELECT id, waybill_no, platform_id, status, sub_status, incident_reason, attempts, anomaly_count, event_count,
            last_event_at, delivered_at FROM parcels
          WHERE carrier_id = ${carrierId} AND waybill_no = ANY(${[...waybillNos]}::text[])
          ORDER BY id FOR UPDATE) locked`.execute(db);
      const parcels = new Map<string, LockedParcel>();
      const rows = parseTextRows(result.rows[0]?.parcels ?? null, 11) as LockedText[];
      for (const [id, waybill_no, platform_id, status, sub_status, incident_reason, attempts, anomaly_count, event_count, last_event_at, delivered_at] of rows) {
        parcels.set(waybill_no, {
          id,
          waybill_no,
          platform_id,
          status: status as Status,
          sub_status,
          incident_reason,
          attempts: Number(attempts),
          anomaly_count: Number(anomaly_count),
          event_count: Number(event_count),
          last_event_at,
          delivered_at,
        });
      }
      return parcels;
    },

    /**
     * Inserts events, skipping ones already stored; returns the source ids it skipped. Call it in
     * a transaction. Usually every scan is new, so the batch is loaded by COPY first, in a
     * savepoint (about two thirds of the database CPU of an INSERT … ON CONFLICT over the same
     * rows). A re-sent scan makes it fail on the unique key; then the batch goes in with ON CONFLICT
     * DO NOTHING, and the skipped scans are the ones stored by an earlier transaction (xmin).
     */
    async insertEvents(events: readonly EventInsert[]): Promise<Set<string>> {
      if (events.length === 0) return new Set();
      const column = <K extends keyof EventInsert>(key: K) => events.map((event) => event[key]);
      const columns = {
        parcel_id: column('parcelId'),
        carrier_id: column('carrierId'),
        source_event_id: column('sourceEventId'),
        occurred_at: column('occurredAt'),
        code_set: column('codeSet'),
        raw_code: column('rawCode'),
        raw_message: column('rawMessage'),
        status: column('status'),
        sub_status: column('subStatus'),
        incident_reason: column('incidentReason'),
        facility: column('facility'),
      };
      await sql`SAVEPOINT scan_insert`.execute(db);
      try {
        await copyRows('tracking_events', columns).execute(db);
        await sql`RELEASE SAVEPOINT scan_insert`.execute(db);
        return new Set();
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // Back to before the attempt, and out of the savepoint: rows written from here carry the
        // transaction's own id, which the lookup below tells apart.
        await sql`ROLLBACK TO SAVEPOINT scan_insert`.execute(db);
        await sql`RELEASE SAVEPOINT scan_insert`.execute(db);
      }
      await sql`
        INSERT INTO tracking_events (parcel_id, carrier_id, source_event_id, occurred_at, code_set,
          raw_code, raw_message, status, sub_status, incident_reason, facility)
        SELECT parcel_id, carrier_id, source_event_id, occurred_at::timestamptz, code_set, raw_code, raw_message,
          status, sub_status, incident_reason, facility::jsonb FROM ${jsonRows('e', columns)}
        ON CONFLICT (carrier_id, source_event_id) DO NOTHING`.execute(db);
      const stored = await sql<{ source_event_id: string }>`
        SELECT source_event_id FROM tracking_events
        WHERE (carrier_id, source_event_id) IN (SELECT * FROM ${jsonRows('k', { carrier_id: columns.carrier_id, source_event_id: columns.source_event_id })})
          AND xmin <> pg_current_xact_id()::xid`.execute(db);
      return new Set(stored.rows.map((row) => row.source_event_id));
    },

    /** Every event of these parcels, in the shape the fold reads, grouped by parcel. */
    async eventsOf(parcelIds: readonly string[]): Promise<Map<string, TrackedEvent[]>> {
      if (parcelIds.length === 0) return new Map();
      const result = await sql<{ parcel_id: string; source_event_id: string; carrier_id: string; occurred_at: Date; recorded_at: Date; status: Status; sub_status: string | null; incident_reason: string | null; raw_code: string }>`
        SELECT parcel_id, source_event_id, carrier_id, occurred_at, recorded_at, status, sub_status, incident_reason, raw_code
        FROM tracking_events WHERE parcel_id = ANY(${[...parcelIds]}::text[])`.execute(db);
      const byParcel = new Map<string, TrackedEvent[]>();
      for (const row of result.rows) {
        const list = byParcel.get(row.parcel_id) ?? [];
        list.push({
          eventId: row.source_event_id,
          source: row.carrier_id,
          occurredAt: row.occurred_at.toISOString(),
          recordedAt: row.recorded_at.toISOString(),
          status: row.status,
          subStatus: row.sub_status as NonNullable<TrackedEvent['subStatus']> | null,
          incidentReason: row.incident_reason as NonNullable<TrackedEvent['incidentReason']> | null,
          rawCode: row.raw_code,
        });
        byParcel.set(row.parcel_id, list);
      }
      return byParcel;
    },

    async updateStates(states: ReadonlyMap<string, StoredState>): Promise<void> {
      if (states.size === 0) return;
      const values = [...states.values()];
      const column = <T>(pick: (state: ParcelState) => T) => values.map(({ state }) => pick(state));
      await sql`${prepared}
        UPDATE parcels p SET status = u.status, sub_status = u.sub_status, incident_reason = u.incident_reason,
          attempts = u.attempts::int, anomaly_count = u.anomaly_count::int, event_count = u.event_count::int,
          last_event_at = u.last_event_at::timestamptz, delivered_at = u.delivered_at::timestamptz, updated_at = now()
        FROM ${jsonRows('u', {
          id: [...states.keys()],
          status: column((s) => s.status),
          sub_status: column((s) => s.subStatus),
          incident_reason: column((s) => s.incidentReason),
          attempts: column((s) => s.attempts),
          anomaly_count: values.map(({ anomalyCount }) => anomalyCount),
          event_count: column((s) => s.eventCount),
          last_event_at: column((s) => s.lastEventAt),
          delivered_at: column((s) => s.deliveredAt ?? null),
        })}
        WHERE p.id = u.id`.execute(db);
    },

    async listParcels(viewer: ParcelViewer, filter: ParcelFilter, after: string | undefined, limit: number): Promise<ParcelRow[]> {
      return db
        .selectFrom('parcels')
        .selectAll()
        .where(visibleTo(viewer))
        .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status ?? 'created'))
        .$if(filter.carrierId !== undefined, (q) => q.where('carrier_id', '=', filter.carrierId ?? ''))
        .$if(filter.adminCodePrefix !== undefined, (q) => q.where('destination_admin_code', 'like', `${filter.adminCodePrefix ?? ''}%`))
        .$if(filter.createdFrom !== undefined, (q) => q.where('created_at', '>=', new Date(filter.createdFrom ?? 0)))
        .$if(filter.createdTo !== undefined, (q) => q.where('created_at', '<', new Date(filter.createdTo ?? 0)))
        .$if(after !== undefined, (q) => q.where('id', '>', after ?? ''))
        .orderBy('id')
        .limit(limit + 1)
        .execute();
    },
  };
}

export type TrackingStore = ReturnType<typeof createTrackingStore>;
