/** HTTP schemas for the privacy API (TypeBox, published in the OpenAPI document). */
import { Type } from 'typebox';
import { ContactSchema } from '../exchange/index.ts';
import { SCENE_CODES } from './model/scenes.ts';

const Text = (maxLength: number, description: string) => Type.String({ minLength: 1, maxLength, description });
const Actor = Type.Object(
  { id: Text(64, 'Staff or badge id of the person acting'), name: Type.Optional(Text(64, 'Their name, as the caller records it')) },
  { additionalProperties: false, description: 'The person on whose behalf the key is used' },
);

export const DecryptBodySchema = Type.Object(
  {
    purpose: Type.String({ maxLength: 40, description: `Scene code: ${SCENE_CODES.join(', ')}` }),
    case_ref: Type.Optional(Text(100, 'Case file number; required for law_enforcement and regulatory_inspection')),
    actor: Actor,
    items: Type.Array(
      Type.Object(
        {
          order_id: Text(40, 'An order the caller may see'),
          fields: Type.Optional(Type.Array(Type.Enum(['sender', 'recipient']), { minItems: 1, maxItems: 2, description: 'Default: both' })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, description: 'At most 100 orders; more is a 413 batch_too_large' },
    ),
  },
  { additionalProperties: false },
);

export const DecryptResultSchema = Type.Object({
  audit_id: Type.String({ description: 'The audit log entry this call wrote' }),
  purpose: Type.String(),
  items: Type.Array(
    Type.Object({
      order_id: Type.String(),
      status: Type.Integer({ description: '200, 404 (not found or not yours) or 410 (erased after retention)' }),
      sender: Type.Optional(ContactSchema),
      recipient: Type.Optional(ContactSchema),
      error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
    }),
  ),
});

export const VirtualNumberSchema = Type.Object({
  waybill_id: Type.String(),
  host: Type.String(),
  extension: Type.String({ description: 'Four digits dialled after the host number' }),
  dial: Type.String({ description: 'host-extension, as printed for the courier' }),
  active: Type.Boolean(),
  expires_at: Type.Union([Type.String(), Type.Null()], { description: 'Set at delivery: delivered_at + the configured days (default 15)' }),
});

export const ResolveBodySchema = Type.Object(
  {
    host: Type.String({ pattern: '^[0-9]{5,15}$', description: 'The host number that was dialled' }),
    extension: Type.String({ pattern: '^[0-9]{4}$', description: 'The 4-digit extension keyed in' }),
    actor: Type.Optional(Actor),
  },
  { additionalProperties: false },
);

export const ResolvedSchema = Type.Intersect([VirtualNumberSchema, Type.Object({ phone: Type.String({ description: "The recipient's real phone, to connect the call to" }) })]);

export const AuditQuery = Type.Object({
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Entries at or after this time' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Entries before this time' })),
  party: Type.Optional(Type.String({ maxLength: 40, description: 'Code of the party whose key acted' })),
});

export const AuditEntrySchema = Type.Object({
  id: Type.String(),
  occurred_at: Type.String(),
  action: Type.String({ description: 'decrypt, resolve_virtual_number, erase_expired or reencrypt' }),
  party_code: Type.Union([Type.String(), Type.Null()], { description: 'Null for system actions' }),
  party_kind: Type.Union([Type.String(), Type.Null()]),
  key_id: Type.Union([Type.String(), Type.Null()]),
  actor_id: Type.String(),
  actor_name: Type.Union([Type.String(), Type.Null()]),
  purpose: Type.Union([Type.String(), Type.Null()]),
  case_ref: Type.Union([Type.String(), Type.Null()]),
  subject_party_ids: Type.Array(Type.String(), { description: 'Parties whose customers\' data was revealed' }),
  items: Type.Unknown({ description: 'Order ids, fields and outcomes; never the personal values' }),
  item_count: Type.Integer(),
  ip: Type.Union([Type.String(), Type.Null()]),
});

export const ErasureReportSchema = Type.Object({
  cutoff: Type.String(),
  orders_erased: Type.Integer(),
  virtual_numbers_erased: Type.Integer(),
  virtual_numbers_released: Type.Integer(),
});
