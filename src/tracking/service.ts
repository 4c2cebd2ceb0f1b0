/** Tracking use cases: register parcels, ingest scans, read timelines and parcel lists. */
import type { Kysely } from 'kysely';
import { DomainError, notFound } from '../platform/errors.ts';
import type { Principal } from '../platform/tenancy/model.ts';
import type { TenancyService } from '../platform/tenancy/service.ts';
import { ingestEvents, type BatchOutcome } from './ingest.ts';
import { codeSets, foldParcelStatus, statusLabels, type CodeSetName, type Status, type StatusAnomaly } from './model/index.ts';
import { createTrackingStore, type ParcelRow, type ParcelViewer } from './store.ts';
import { createTimelineStore, type TimelineEvent } from './timeline-store.ts';

export interface TrackingDeps {
  readonly db: Kysely<object>;
  readonly tenancy: TenancyService;
  readonly notify: () => void;
}

export interface ParcelQuery {
  readonly status?: Status;
  readonly carrier?: string;
  readonly district?: string;
  readonly created_from?: string;
  readonly created_to?: string;
}

const viewerOf = (principal: Principal): ParcelViewer => ({ partyId: principal.partyId, seesAll: principal.partyKind === 'regulator' });

const isCodeSet = (value: string | null): value is CodeSetName => codeSets.some((name) => name === value);

/** The events as JSON text again, each anomalous one with its reason: only for the rare parcel with anomalies. */
function markAnomalies(eventsJson: string, anomalies: readonly StatusAnomaly[]): string {
  const reasonOf = new Map(anomalies.map((a) => [a.eventId, a.reason]));
  const events = JSON.parse(eventsJson) as TimelineEvent[];
  return JSON.stringify(events.map((e) => ({ ...e, anomaly: reasonOf.get(e.event_id) ?? null })));
}

/** Creates the tracking service. */
export function createTrackingService(deps: TrackingDeps) {
  const store = createTrackingStore(deps.db);
  const timelines = createTimelineStore(deps.db);

  async function carrierIdOf(code: string | undefined): Promise<string | undefined> {
    if (code === undefined) return undefined;
    const party = await deps.tenancy.findPartyByCode(code);
    if (!party || party.kind !== 'carrier') throw new DomainError('validation_failed', `no carrier with code "${code}"`);
    return party.id;
  }

  return {
    async ingest(principal: Principal, items: readonly unknown[]): Promise<BatchOutcome> {
      const carrier = await deps.tenancy.findPartyById(principal.partyId);
      const codeSet = carrier && isCodeSet(carrier.codeSet) ? carrier.codeSet : 'generic';
      const outcome = await ingestEvents(deps.db, principal, codeSet, items);
      if (outcome.created > 0) deps.notify();
      return outcome;
    },

    async timeline(principal: Principal, waybillNo: string, carrierCode?: string) {
      const parcels = await timelines.findByWaybill(waybillNo, viewerOf(principal), await carrierIdOf(carrierCode));
      const parcel = parcels[0];
      if (!parcel) throw notFound(`waybill ${waybillNo}`);
      if (parcels.length > 1) {
        throw new DomainError('conflict', `waybill ${waybillNo} exists at several carriers; name one with ?carrier=`);
      }
      // Which events are anomalous is known only from a fold; the stored count says whether to bother.
      const anomalies = parcel.anomaly_count === 0 ? [] : foldParcelStatus(await timelines.foldInput(parcel.id)).anomalies;
      const carrier = await deps.tenancy.findPartyById(parcel.carrier_id);
      return {
        summary: {
          parcel_id: parcel.id,
          waybill_id: parcel.waybill_id,
          waybill_no: parcel.waybill_no,
          carrier: carrier?.code ?? parcel.carrier_id,
          status: parcel.status,
          sub_status: parcel.sub_status,
          incident_reason: parcel.incident_reason,
          status_label: statusLabels[parcel.status],
          attempts: parcel.attempts,
          last_event_at: parcel.last_event_at,
          delivered_at: parcel.delivered_at,
          destination_admin_code: parcel.destination_admin_code,
          anomalies: anomalies.map((a) => ({ event_id: a.eventId, from: a.from, to: a.to, reason: a.reason })),
        },
        eventsJson: anomalies.length === 0 ? parcel.events_json : markAnomalies(parcel.events_json, anomalies),
      };
    },

    async listParcels(principal: Principal, query: ParcelQuery, after: string | undefined, limit: number): Promise<ParcelRow[]> {
      const carrierId = await carrierIdOf(query.carrier);
      return store.listParcels(
        viewerOf(principal),
        {
          ...(query.status ? { status: query.status } : {}),
          ...(carrierId ? { carrierId } : {}),
          ...(query.district ? { adminCodePrefix: query.district } : {}),
          ...(query.created_from ? { createdFrom: query.created_from } : {}),
          ...(query.created_to ? { createdTo: query.created_to } : {}),
        },
        after,
        limit,
      );
    },
  };
}

/** A parcel row as the API shows it. */
export function toParcel(row: ParcelRow) {
  return {
    id: row.id,
    waybill_no: row.waybill_no,
    carrier_id: row.carrier_id,
    platform_id: row.platform_id,
    destination_admin_code: row.destination_admin_code,
    weight_g: row.weight_g,
    status: row.status,
    sub_status: row.sub_status,
    incident_reason: row.incident_reason,
    attempts: row.attempts,
    anomaly_count: row.anomaly_count,
    last_event_at: row.last_event_at?.toISOString() ?? null,
    delivered_at: row.delivered_at?.toISOString() ?? null,
    created_at: row.created_at.toISOString(),
  };
}

export type TrackingService = ReturnType<typeof createTrackingService>;
