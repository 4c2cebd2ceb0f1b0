/**
 * The caller's own party and API keys: who am I, list keys, create one (the secret is shown
 * once), revoke one. Keys of other parties answer 404.
 */
import { Type } from 'typebox';
import { notFound } from '../errors.ts';
import { principalOf } from '../http/access.ts';
import { ERROR_RESPONSES } from '../http/schemas.ts';
import type { HttpServer } from '../http/server.ts';
import { PARTY_KINDS, SCOPES } from './model.ts';
import type { TenancyService } from './service.ts';
import type { KeyRecord } from './store.ts';

const tags = ['keys'];
const allKinds = PARTY_KINDS;
const keysManage = { kinds: allKinds, scope: 'keys:manage' } as const;

const KeySchema = Type.Object({
  id: Type.String(),
  label: Type.String(),
  display_prefix: Type.String({ description: 'Mode and first characters, for recognising a key' }),
  mode: Type.Enum(['test', 'live']),
  scopes: Type.Array(Type.Enum(SCOPES)),
  created_at: Type.String(),
  last_used_at: Type.Union([Type.String(), Type.Null()], { description: 'Updated at most once a minute' }),
  revoked_at: Type.Union([Type.String(), Type.Null()]),
});

const toKey = (record: KeyRecord) => ({
  id: record.id,
  label: record.label,
  display_prefix: record.displayPrefix,
  mode: record.mode,
  scopes: [...record.scopes],
  created_at: record.createdAt,
  last_used_at: record.lastUsedAt,
  revoked_at: record.revokedAt,
});

/** Registers the party and key routes on the server. */
export function registerTenancyRoutes(app: HttpServer, tenancy: TenancyService): void {
  async function callerParty(partyId: string) {
    const party = await tenancy.findPartyById(partyId);
    if (!party) throw notFound(`party ${partyId}`);
    return party;
  }

  app.get('/v1/me', {
    schema: {
      tags,
      summary: 'The calling party and the scopes of the key used',
      response: {
        200: Type.Object({ party: Type.Object({ id: Type.String(), kind: Type.Enum(PARTY_KINDS), code: Type.String(), name: Type.String() }), key_id: Type.String(), scopes: Type.Array(Type.String()) }),
        ...ERROR_RESPONSES,
      },
    },
    config: { access: { kinds: allKinds, scope: 'tracking:read' } },
  }, async (request) => {
    const principal = principalOf(request);
    const party = await callerParty(principal.partyId);
    return { party: { id: party.id, kind: party.kind, code: party.code, name: party.name }, key_id: principal.keyId, scopes: [...principal.scopes] };
  });

  app.get('/v1/keys', {
    schema: { tags, summary: 'Your party\'s API keys, revoked ones included', response: { 200: Type.Object({ data: Type.Array(KeySchema) }), ...ERROR_RESPONSES } },
    config: { access: keysManage },
  }, async (request) => ({ data: (await tenancy.listKeys(principalOf(request).partyId)).map(toKey) }));

  app.post('/v1/keys', {
    schema: {
      tags,
      summary: 'Create an API key for your party; the secret is in this response only',
      body: Type.Object(
        { label: Type.String({ minLength: 1, maxLength: 80 }), scopes: Type.Optional(Type.Array(Type.Enum(SCOPES), { minItems: 1, uniqueItems: true })) },
        { additionalProperties: false },
      ),
      response: { 201: Type.Intersect([KeySchema, Type.Object({ key: Type.String({ description: 'The secret; store it now' }) })]), ...ERROR_RESPONSES },
    },
    config: { access: keysManage },
  }, async (request, reply) => {
    const party = await callerParty(principalOf(request).partyId);
    const issued = await tenancy.issueKey(party, { label: request.body.label, ...(request.body.scopes ? { scopes: request.body.scopes } : {}) });
    return reply.code(201).send({ ...toKey(issued.record), key: issued.key });
  });

  app.post('/v1/keys/:id/revoke', {
    schema: { tags, summary: 'Revoke one of your party\'s keys (takes effect within seconds)', params: Type.Object({ id: Type.String({ maxLength: 64 }) }), response: { 200: KeySchema, ...ERROR_RESPONSES } },
    config: { access: keysManage },
  }, async (request) => toKey(await tenancy.revokeKey(principalOf(request).partyId, request.params.id)));
}
