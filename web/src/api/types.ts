// Shapes of the API responses the console reads (see docs/openapi.json).

export type PartyKind = 'platform' | 'carrier' | 'station_operator' | 'rural_point' | 'regulator';

export interface Me {
  readonly party: { readonly id: string; readonly kind: PartyKind; readonly code: string; readonly name: string };
  readonly key_id: string;
  readonly scopes: readonly string[];
}

export interface DistrictFigure {
  readonly adcode: string;
  readonly name_zh: string;
  readonly name_en: string;
  readonly population: number;
  readonly parcels: number;
  readonly per_thousand: number;
}

export interface Overview {
  readonly date: string;
  readonly timezone: string;
  readonly scope: 'city' | 'own';
  readonly counters: { readonly created_today: number; readonly in_flight: number; readonly delivered_today: number; readonly exceptions: number };
  readonly districts: readonly DistrictFigure[];
  readonly outside_city: number;
  readonly by_status: readonly { readonly status: string; readonly parcels: number }[];
  readonly hours: readonly { readonly hour: number; readonly total: number; readonly by_status: Readonly<Record<string, number>> }[];
  readonly carriers: readonly { readonly id: string; readonly code: string; readonly name: string; readonly parcels: number }[];
}

export interface Parcel {
  readonly id: string;
  readonly waybill_no: string;
  readonly carrier_id: string;
  readonly platform_id: string;
  readonly destination_admin_code: string;
  readonly weight_g: number;
  readonly status: string;
  readonly sub_status: string | null;
  readonly incident_reason: string | null;
  readonly attempts: number;
  readonly anomaly_count: number;
  readonly last_event_at: string | null;
  readonly delivered_at: string | null;
  readonly created_at: string;
}

export interface Page<T> {
  readonly data: readonly T[];
  readonly next_cursor: string | null;
  readonly has_more: boolean;
}

export interface TimelineEvent {
  readonly event_id: string;
  readonly occurred_at: string;
  readonly recorded_at: string;
  readonly status: string;
  readonly sub_status: string | null;
  readonly incident_reason: string | null;
  readonly raw: { readonly code_set: string; readonly code: string; readonly message: string | null };
  readonly facility: { readonly name?: string; readonly code?: string } | null;
  readonly anomaly: string | null;
}

export interface Timeline {
  readonly parcel_id: string;
  readonly waybill_id: string;
  readonly waybill_no: string;
  readonly carrier: string;
  readonly status: string;
  readonly sub_status: string | null;
  readonly incident_reason: string | null;
  readonly status_label: { readonly zh: string; readonly en: string };
  readonly attempts: number;
  readonly last_event_at: string | null;
  readonly delivered_at: string | null;
  readonly destination_admin_code: string;
  readonly anomalies: readonly { readonly event_id: string; readonly from: string; readonly to: string; readonly reason: string }[];
  readonly events: readonly TimelineEvent[];
}

export interface ApiKey {
  readonly id: string;
  readonly label: string;
  readonly display_prefix: string;
  readonly mode: 'test' | 'live';
  readonly scopes: readonly string[];
  readonly created_at: string;
  readonly last_used_at: string | null;
  readonly revoked_at: string | null;
}

/** A GeoJSON feature collection as the map layers carry it. */
export interface Features {
  readonly type: 'FeatureCollection';
  readonly features: readonly { readonly type: 'Feature'; readonly geometry: unknown; readonly properties: Record<string, unknown> }[];
}

export interface CityLayers {
  readonly city: { readonly name_zh: string; readonly name_en: string; readonly centre: [number, number]; readonly bbox: [number, number, number, number] };
  readonly districts: Features;
  readonly parks: Features;
  readonly metro_stations: Features;
  readonly metro_exits: Features;
  readonly sorting_centres: Features;
  readonly delivery_stations: Features;
}

/** The part of GET /v1/waybills/{id} the console reads. */
export interface Waybill {
  readonly id: string;
  readonly waybill_no: string;
  readonly order_id: string;
}

export interface Address {
  readonly province: string;
  readonly city: string;
  readonly district: string;
  readonly street: string;
  readonly detail: string;
}

export interface Contact {
  readonly name: string;
  readonly phone: string;
  readonly address: Address;
}

export interface DecryptResult {
  readonly audit_id: string;
  readonly purpose: string;
  readonly items: readonly {
    readonly order_id: string;
    readonly status: number;
    readonly sender?: Contact;
    readonly recipient?: Contact;
    readonly error?: { readonly code: string; readonly message: string };
  }[];
}

export interface WebhookSubscription {
  readonly id: string;
  readonly url: string;
  readonly event_types: readonly string[];
  readonly description: string | null;
  readonly status: 'active' | 'disabled';
  readonly disabled_reason: string | null;
  readonly disabled_at: string | null;
  readonly consecutive_failures: number;
  readonly previous_secret_expires_at: string | null;
  readonly created_at: string;
}

/** A subscription as created or rotated: the signing secret is in this answer only. */
export interface WebhookWithSecret extends WebhookSubscription {
  readonly secret: string;
}

interface AttemptResult {
  readonly status_code: number | null;
  readonly duration_seconds: number;
  readonly error: string | null;
}

export interface TestFireResult extends AttemptResult {
  readonly event_id: string;
  readonly delivered: boolean;
}

export interface DeliveryAttempt extends AttemptResult {
  readonly id: string;
  readonly event_id: string;
  readonly event_type: string;
  readonly attempt: number;
  readonly outcome: 'delivered' | 'failed';
  readonly attempted_at: string;
}

export interface ReplayResult {
  readonly replayed: number;
  readonly has_more: boolean;
  readonly next_after_sequence: number | null;
}
