/** HTTP schemas for scan events, timelines and parcel lists. */
import { Type, type Static } from 'typebox';
import { BatchBody, BatchResult, type BatchItemResult } from '../platform/http/batch-results.ts';
import { codeSets, statuses } from './model/index.ts';

/** The most events one batch request may carry. */
export const MAX_BATCH = 1000;

const FacilitySchema = Type.Object(
  {
    code: Type.Optional(Type.String({ maxLength: 40 })),
    name: Type.Optional(Type.String({ maxLength: 80 })),
    admin_code: Type.Optional(Type.String({ pattern: '^[0-9]{6}([0-9]{3}([0-9]{3})?)?$' })),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
  },
  { additionalProperties: false },
);

export const EventInputSchema = Type.Object(
  {
    event_id: Type.String({ minLength: 1, maxLength: 64, description: 'The carrier\'s own id for this scan; re-sending it is harmless' }),
    waybill_no: Type.String({ minLength: 1, maxLength: 40 }),
    occurred_at: Type.String({ format: 'date-time', description: 'When the scan happened (ISO 8601 with offset)' }),
    code: Type.String({ minLength: 1, maxLength: 40, description: 'The carrier\'s raw status code, kept as sent' }),
    code_set: Type.Optional(Type.Enum(codeSets, { description: 'Defaults to the carrier\'s registered code set' })),
    message: Type.Optional(Type.String({ maxLength: 500 })),
    facility: Type.Optional(FacilitySchema),
  },
  { additionalProperties: false, $id: 'TrackingEventInput' },
);
export type EventInput = Static<typeof EventInputSchema>;

export const BatchSchema = BatchBody('events', MAX_BATCH, 'TrackingEventInput');

export const BatchResultSchema = BatchResult({ event_id: Type.Union([Type.String(), Type.Null()]) });
export type ItemResult = BatchItemResult<typeof BatchResultSchema>;

const StatusSchema = Type.Enum(statuses);

export const TimelineSchema = Type.Object({
  parcel_id: Type.String(),
  waybill_id: Type.String({ description: 'For GET /v1/waybills/{id}, whose order_id is what POST /v1/privacy/decrypt takes' }),
  waybill_no: Type.String(),
  carrier: Type.String(),
  status: StatusSchema,
  sub_status: Type.Union([Type.String(), Type.Null()]),
  incident_reason: Type.Union([Type.String(), Type.Null()]),
  status_label: Type.Object({ zh: Type.String(), en: Type.String() }),
  attempts: Type.Integer(),
  last_event_at: Type.Union([Type.String(), Type.Null()]),
  delivered_at: Type.Union([Type.String(), Type.Null()]),
  destination_admin_code: Type.String(),
  anomalies: Type.Array(Type.Object({ event_id: Type.String(), from: Type.String(), to: Type.String(), reason: Type.String() })),
  events: Type.Array(
    Type.Object({
      event_id: Type.String(),
      occurred_at: Type.String(),
      recorded_at: Type.String(),
      status: StatusSchema,
      sub_status: Type.Union([Type.String(), Type.Null()]),
      incident_reason: Type.Union([Type.String(), Type.Null()]),
      raw: Type.Object({ code_set: Type.String(), code: Type.String(), message: Type.Union([Type.String(), Type.Null()]) }),
      facility: Type.Union([Type.Unknown(), Type.Null()]),
      anomaly: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});

export const TimelineQuery = Type.Object({
  carrier: Type.Optional(Type.String({ description: 'Carrier code, when the same number exists at several carriers' })),
});

export const ParcelSchema = Type.Object({
  id: Type.String(),
  waybill_no: Type.String(),
  carrier_id: Type.String(),
  platform_id: Type.String(),
  destination_admin_code: Type.String(),
  weight_g: Type.Integer(),
  status: StatusSchema,
  sub_status: Type.Union([Type.String(), Type.Null()]),
  incident_reason: Type.Union([Type.String(), Type.Null()]),
  attempts: Type.Integer(),
  anomaly_count: Type.Integer(),
  last_event_at: Type.Union([Type.String(), Type.Null()]),
  delivered_at: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String(),
});

export const ParcelFilterQuery = Type.Object({
  status: Type.Optional(StatusSchema),
  carrier: Type.Optional(Type.String({ description: 'Carrier code' })),
  district: Type.Optional(Type.String({ pattern: '^[0-9]{4,12}$', description: 'Destination admin code or prefix' })),
  created_from: Type.Optional(Type.String({ format: 'date-time' })),
  created_to: Type.Optional(Type.String({ format: 'date-time' })),
});
