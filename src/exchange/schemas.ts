/** HTTP schemas for the exchange API (TypeBox, published in the OpenAPI document). */
import { Type, type Static } from 'typebox';
import { BatchBody, BatchResult, type BatchItemResult } from '../platform/http/batch-results.ts';
import { DATUMS, SERVICE_LEVELS, SHIPPING_REQUEST_STATUSES } from './model.ts';

const Text = (maxLength: number, description?: string) =>
  Type.String({ minLength: 1, maxLength, ...(description ? { description } : {}) });

export const AddressSchema = Type.Object(
  {
    province: Text(20),
    city: Text(20),
    district: Text(20),
    street: Type.String({ maxLength: 60, description: 'Street, township or residential community; stays visible when masked' }),
    detail: Text(120, 'House, building and room; masked on labels and ordinary reads'),
    admin_code: Type.String({ pattern: '^[0-9]{6}([0-9]{3}([0-9]{3})?)?$', description: 'GB/T 2260 county code (6 digits) or township/village code (9/12)' }),
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
  },
  { additionalProperties: false },
);

export const ContactSchema = Type.Object(
  {
    name: Text(40),
    phone: Type.String({ pattern: '^\\+?[0-9][0-9 -]{4,19}$', description: 'Mobile or landline; stored encrypted, shown masked' }),
    address: AddressSchema,
  },
  { additionalProperties: false },
);

const MaskedAddressSchema = Type.Object({
  province: Type.String(),
  city: Type.String(),
  district: Type.String(),
  street: Type.String(),
  detail: Type.String(),
  admin_code: Type.String(),
  lng: Type.Union([Type.Number(), Type.Null()], { description: 'Rounded to about 100 m' }),
  lat: Type.Union([Type.Number(), Type.Null()]),
});
export const MaskedContactSchema = Type.Object({ name: Type.String(), phone: Type.String(), address: MaskedAddressSchema });

const ItemSchema = Type.Object(
  {
    name: Text(100),
    quantity: Type.Integer({ minimum: 1, maximum: 100000 }),
    unit_value_fen: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);

const ServiceLevelSchema = Type.Enum(SERVICE_LEVELS);

const newOrderFields = {
  external_id: Type.String({ minLength: 1, maxLength: 64, description: 'The platform\'s own order id; unique per platform' }),
  items: Type.Array(ItemSchema, { minItems: 1, maxItems: 200 }),
  declared_value_fen: Type.Integer({ minimum: 0, description: 'Declared value in fen (1/100 CNY)' }),
  weight_g: Type.Integer({ minimum: 1, maximum: 1000000, description: 'Gross weight in grams' }),
  sender: ContactSchema,
  recipient: ContactSchema,
  service_hint: Type.Optional(ServiceLevelSchema),
  coordinate_datum: Type.Optional(Type.Enum(DATUMS, { description: 'Datum of lng/lat in this request; stored as WGS84. Default wgs84.' })),
};

export const NewOrderSchema = Type.Object(newOrderFields, { additionalProperties: false });

/** Which carrier should ship an order, at which service level. */
const shippingFields = {
  carrier: Type.String({ minLength: 2, maxLength: 32, description: 'The carrier\'s party code' }),
  service_level: ServiceLevelSchema,
};

/** The most orders (or waybills) one batch request may carry. */
export const MAX_EXCHANGE_BATCH = 500;

/** One item of POST /v1/orders/batch: an order, optionally with the shipping request to create for it. */
export const BatchOrderInputSchema = Type.Object(
  {
    ...newOrderFields,
    shipping: Type.Optional(Type.Object(shippingFields, { additionalProperties: false, description: 'Also ask this carrier to ship the order (needs the shipping:write scope)' })),
  },
  { additionalProperties: false },
);
export type BatchOrderInput = Static<typeof BatchOrderInputSchema>;

export const OrderBatchSchema = BatchBody('orders', MAX_EXCHANGE_BATCH, 'NewOrder with an optional `shipping: {carrier, service_level}`');

export const OrderBatchResultSchema = BatchResult({
  external_id: Type.Union([Type.String(), Type.Null()]),
  order_id: Type.Optional(Type.String()),
  shipping_request_id: Type.Optional(Type.String({ description: 'Present when the item asked for shipping' })),
});
export type OrderBatchItemResult = BatchItemResult<typeof OrderBatchResultSchema>;

export const OrderSchema = Type.Object({
  id: Type.String(),
  platform_id: Type.String(),
  external_id: Type.String(),
  items: Type.Array(Type.Object({ name: Type.String(), quantity: Type.Integer(), unit_value_fen: Type.Optional(Type.Integer()) })),
  declared_value_fen: Type.Integer(),
  weight_g: Type.Integer(),
  sender: MaskedContactSchema,
  recipient: MaskedContactSchema,
  service_hint: Type.Union([ServiceLevelSchema, Type.Null()]),
  created_at: Type.String({ format: 'date-time' }),
});

export const NewShippingRequestSchema = Type.Object(
  { order_id: Type.String({ minLength: 1, maxLength: 64 }), ...shippingFields },
  { additionalProperties: false },
);

const ShippingRequestStatusSchema = Type.Enum(SHIPPING_REQUEST_STATUSES);

export const ShippingRequestSchema = Type.Object({
  id: Type.String(),
  order_id: Type.String(),
  platform_id: Type.String(),
  carrier_id: Type.String(),
  service_level: ServiceLevelSchema,
  status: ShippingRequestStatusSchema,
  created_at: Type.String({ format: 'date-time' }),
});

export const ShippingRequestFilter = Type.Object({ status: Type.Optional(ShippingRequestStatusSchema) });

export const RejectSchema = Type.Object({ reason: Text(200) }, { additionalProperties: false });

export const NewWaybillSchema = Type.Object(
  {
    shipping_request_id: Type.String({ minLength: 1, maxLength: 64 }),
    waybill_no: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9]{6,40}$', description: 'The carrier\'s own number; generated when absent' })),
  },
  { additionalProperties: false },
);

export type NewWaybill = Static<typeof NewWaybillSchema>;

export const WaybillBatchSchema = BatchBody('waybills', MAX_EXCHANGE_BATCH, 'NewWaybill ({shipping_request_id, waybill_no?})');

export const WaybillBatchResultSchema = BatchResult({
  shipping_request_id: Type.Union([Type.String(), Type.Null()]),
  waybill_id: Type.Optional(Type.String()),
  waybill_no: Type.Optional(Type.String()),
  parcel_id: Type.Optional(Type.String()),
});
export type WaybillBatchItemResult = BatchItemResult<typeof WaybillBatchResultSchema>;

export const WaybillSchema = Type.Object({
  id: Type.String(),
  waybill_no: Type.String(),
  carrier_id: Type.String(),
  order_id: Type.String(),
  platform_id: Type.String(),
  shipping_request_id: Type.String(),
  parcel_id: Type.Optional(Type.String({ description: 'Present when the waybill is issued' })),
  service_level: ServiceLevelSchema,
  label: Type.Object({
    code_zone: Type.Object({ waybill_no: Type.String(), carrier_code: Type.String(), barcode: Type.String() }),
    destination_zone: Type.Object({ sorting_code: Type.String(), admin_code: Type.String(), district: Type.String() }),
    recipient_zone: MaskedContactSchema,
    sender_zone: MaskedContactSchema,
    contents_zone: Type.Object({ items: Type.Array(Type.Unknown()), weight_g: Type.Integer(), declared_value_fen: Type.Integer() }),
    signature_zone: Type.Object({ service_level: Type.String(), printed_at: Type.String() }),
  }),
  created_at: Type.String({ format: 'date-time' }),
});

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
