/**
 * SQL for parcels and tracking events; nothing else touches these tables. Batch writes are
 * set-based (unnest arrays), so a batch of 1,000 events is a handful of statements.
 */
import { sql, type Kysely } from 'kysely';
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

export type NewParcelRow = Pick<ParcelRow, 'id' | 'waybill_id' | 'waybill_no' | 'carrier_id' | 'platform_id' | 'destination_admin_code' | 'weight_g' | 'status' | 'created_at'>;

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
  readonly facility: string | null;
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

/** A parcel's stored state, locked for an ingest transaction. */
export type LockedParcel = Pick<ParcelRow, 'id' | 'waybill_no' | 'platform_id' | 'status' | 'sub_status' | 'incident_reason' | 'attempts' | 'anomaly_count' | 'event_count' | 'last_event_at' | 'delivered_at'>;

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

type Tables = { parcels: ParcelRow; tracking_events: StoredEvent };

/** Creates the tracking store over a database or an open transaction. */
export function createTrackingStore(base: Kysely<object>) {
  const db = base.withTables<Tables>();
  const visible = (viewer: ParcelViewer) =>
    viewer.seesAll ? sql<boolean>`true` : sql<boolean>`(carrier_id = ${viewer.partyId} OR platform_id = ${viewer.partyId})`;

  return {
    async insertParcel(row: NewParcelRow): Promise<void> {
      await sql`
        INSERT INTO parcels (id, waybill_id, waybill_no, carrier_id, platform_id, destination_admin_code, weight_g, status, created_at, updated_at)
        VALUES (${row.id}, ${row.waybill_id}, ${row.waybill_no}, ${row.carrier_id}, ${row.platform_id},
          ${row.destination_admin_code}, ${row.weight_g}, ${row.status}, ${row.created_at}, ${row.created_at})`.execute(db);
    },

    /** Locks the carrier's parcels with these numbers (in id order, to avoid deadlocks). */
    async lockParcelsByWaybill(carrierId: string, waybillNos: readonly string[]): Promise<Map<string, LockedParcel>> {
      const result = await sql<LockedParcel>`
        SELECT id, waybill_no, platform_id, status, sub_status, incident_reason, attempts, anomaly_count,
          event_count, last_event_at, delivered_at FROM parcels
        WHERE carrier_id = ${carrierId} AND waybill_no = ANY(${[...waybillNos]}::text[])
        ORDER BY id FOR UPDATE`.execute(db);
      return new Map(result.rows.map((row) => [row.waybill_no, row]));
    },

    /** Inserts events, skipping ones already stored; returns the source ids actually inserted. */
    async insertEvents(events: readonly EventInsert[]): Promise<Set<string>> {
      if (events.length === 0) return new Set();
      const column = <K extends keyof EventInsert>(key: K) => events.map((event) => event[key]);
      const result = await sql<{ source_event_id: string }>`
        INSERT INTO tracking_events (parcel_id, carrier_id, source_event_id, occurred_at, code_set,
          raw_code, raw_message, status, sub_status, incident_reason, facility)
        SELECT parcel_id, carrier_id, source_event_id, occurred_at, code_set, raw_code, raw_message,
          status, sub_status, incident_reason, facility::jsonb
        FROM unnest(${column('parcelId')}::text[], ${column('carrierId')}::text[],
          ${column('sourceEventId')}::text[], ${column('occurredAt')}::timestamptz[], ${column('codeSet')}::text[],
          ${column('rawCode')}::text[], ${column('rawMessage')}::text[], ${column('status')}::text[],
          ${column('subStatus')}::text[], ${column('incidentReason')}::text[], ${column('facility')}::text[])
          AS u(parcel_id, carrier_id, source_event_id, occurred_at, code_set, raw_code, raw_message,
            status, sub_status, incident_reason, facility)
        ON CONFLICT (carrier_id, source_event_id) DO NOTHING
        RETURNING source_event_id`.execute(db);
      return new Set(result.rows.map((row) => row.source_event_id));
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
      const ids = [...states.keys()];
      const values = [...states.values()].map(({ state, anomalyCount }) => ({ ...state, anomalyCount }));
      const column = <T>(pick: (state: ParcelState & { anomalyCount: number }) => T) => values.map(pick);
      await sql`
        UPDATE parcels p SET status = u.status, sub_status = u.sub_status, incident_reason = u.incident_reason,
          attempts = u.attempts, anomaly_count = u.anomaly_count, event_count = u.event_count,
          last_event_at = u.last_event_at, delivered_at = u.delivered_at, updated_at = now()
        FROM unnest(${ids}::text[], ${column((s) => s.status)}::text[], ${column((s) => s.subStatus)}::text[],
          ${column((s) => s.incidentReason)}::text[], ${column((s) => s.attempts)}::int[],
          ${column((s) => s.anomalyCount)}::int[], ${column((s) => s.eventCount)}::int[],
          ${column((s) => s.lastEventAt)}::timestamptz[], ${column((s) => s.deliveredAt ?? null)}::timestamptz[])
          AS u(id, status, sub_status, incident_reason, attempts, anomaly_count, event_count, last_event_at, delivered_at)
        WHERE p.id = u.id`.execute(db);
    },

    async findParcelsByWaybill(waybillNo: string, viewer: ParcelViewer, carrierId?: string): Promise<ParcelRow[]> {
      const result = await sql<ParcelRow>`
        SELECT * FROM parcels WHERE waybill_no = ${waybillNo} AND ${visible(viewer)}
        ${carrierId === undefined ? sql`` : sql`AND carrier_id = ${carrierId}`}
        ORDER BY id LIMIT 10`.execute(db);
      return result.rows;
    },

    async timeline(parcelId: string): Promise<StoredEvent[]> {
      return db.selectFrom('tracking_events').selectAll().where('parcel_id', '=', parcelId).orderBy('occurred_at').orderBy('source_event_id').execute();
    },

    async listParcels(viewer: ParcelViewer, filter: ParcelFilter, after: string | undefined, limit: number): Promise<ParcelRow[]> {
      return db
        .selectFrom('parcels')
        .selectAll()
        .where(visible(viewer))
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
