/** Request and response schemas for the webhook routes (they make the OpenAPI document). */
import { Type } from 'typebox';
import { MAX_ROTATION_GRACE_SECONDS } from './model.ts';

const EventTypes = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
  minItems: 1,
  maxItems: 20,
  description: 'Event types to receive, exact (`waybill.created`) or a prefix ending in `.*` (`parcel.*`); `*` for all',
});

export const NewSubscriptionSchema = Type.Object({
  url: Type.String({ minLength: 1, maxLength: 2048, description: 'https URL that receives POSTs; private, loopback and link-local addresses are refused' }),
  event_types: EventTypes,
  description: Type.Optional(Type.String({ maxLength: 200 })),
}, { additionalProperties: false });

const nullableString = (options: Record<string, unknown> = {}) => Type.Union([Type.String(options), Type.Null()]);

const subscriptionFields = {
  id: Type.String(),
  url: Type.String(),
  event_types: Type.Array(Type.String()),
  description: nullableString(),
  status: Type.Enum(['active', 'disabled']),
  disabled_reason: nullableString({ description: 'Why it was disabled: by the API, or after repeated failed deliveries' }),
  disabled_at: nullableString({ format: 'date-time' }),
  consecutive_failures: Type.Integer({ description: 'Failed attempts since the last success' }),
  previous_secret_expires_at: nullableString({ format: 'date-time', description: 'During a rotation, when the previous secret stops signing' }),
  created_at: Type.String({ format: 'date-time' }),
};

export const SubscriptionSchema = Type.Object(subscriptionFields);

export const SubscriptionWithSecretSchema = Type.Object({
  ...subscriptionFields,
  secret: Type.String({ description: 'The signing secret; shown only in this response, so store it now' }),
});

export const RotateSecretSchema = Type.Object({
  grace_seconds: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_ROTATION_GRACE_SECONDS, description: 'How long the previous secret keeps signing (default 86400)' })),
}, { additionalProperties: false });

export const ReplaySchema = Type.Object({
  from: Type.String({ format: 'date-time', description: 'Re-deliver events recorded at or after this time' }),
  after_sequence: Type.Optional(Type.Integer({ minimum: 0, description: 'Continue a replay: next_after_sequence from the previous answer' })),
}, { additionalProperties: false });

export const ReplayResultSchema = Type.Object({
  replayed: Type.Integer({ description: 'Events queued for delivery' }),
  has_more: Type.Boolean(),
  next_after_sequence: Type.Union([Type.Integer(), Type.Null()]),
});

const attemptFields = {
  status_code: Type.Union([Type.Integer(), Type.Null()], { description: "The receiver's HTTP status; null when none came" }),
  duration_seconds: Type.Number(),
  error: nullableString(),
};

export const TestFireResultSchema = Type.Object({ event_id: Type.String(), delivered: Type.Boolean(), ...attemptFields });

export const DeliveryAttemptSchema = Type.Object({
  id: Type.String(),
  event_id: Type.String(),
  event_type: Type.String(),
  attempt: Type.Integer({ minimum: 1 }),
  outcome: Type.Enum(['delivered', 'failed']),
  ...attemptFields,
  attempted_at: Type.String({ format: 'date-time' }),
});

export const SubscriptionParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
