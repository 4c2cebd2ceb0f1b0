/** HTTP routes for webhook subscriptions: schema plus one service call each. */
import { Type } from 'typebox';
import { principalOf } from '../platform/http/access.ts';
import { decodeCursor, Page, PageQuery, toPage } from '../platform/http/pagination.ts';
import { ERROR_RESPONSES } from '../platform/http/schemas.ts';
import type { HttpServer } from '../platform/http/server.ts';
import type { PartyKind } from '../platform/tenancy/model.ts';
import {
  DeliveryAttemptSchema,
  NewSubscriptionSchema,
  ReplayResultSchema,
  ReplaySchema,
  RotateSecretSchema,
  SubscriptionParams,
  SubscriptionSchema,
  SubscriptionWithSecretSchema,
  TestFireResultSchema,
} from './schemas.ts';
import type { WebhookService } from './service.ts';
import { toDeliveryAttempt, toSubscription } from './store.ts';

const tags = ['webhooks'];
/** The parties events are addressed to today; the same rule for every webhook route. */
const access = { access: { kinds: ['platform', 'carrier'] as PartyKind[], scope: 'webhooks:manage' as const } };

/** Registers the webhook routes on the server. */
export function registerWebhookRoutes(app: HttpServer, service: WebhookService): void {
  app.post('/v1/webhooks', {
    schema: { tags, summary: 'Subscribe an endpoint to events (the signing secret is in this response only)', body: NewSubscriptionSchema, response: { 201: SubscriptionWithSecretSchema, ...ERROR_RESPONSES } },
    config: access,
  }, async (request, reply) => reply.code(201).send(await service.create(principalOf(request), request.body)));

  app.get('/v1/webhooks', {
    schema: { tags, summary: 'List your webhook subscriptions', querystring: PageQuery, response: { 200: Page(SubscriptionSchema), ...ERROR_RESPONSES } },
    config: access,
  }, async (request) => {
    const limit = request.query.limit ?? 50;
    return toPage(await service.list(principalOf(request), decodeCursor(request.query.cursor), limit), limit, toSubscription);
  });

  app.get('/v1/webhooks/:id', {
    schema: { tags, summary: 'Get a webhook subscription', params: SubscriptionParams, response: { 200: SubscriptionSchema, ...ERROR_RESPONSES } },
    config: access,
  }, async (request) => service.get(principalOf(request), request.params.id));

  app.delete('/v1/webhooks/:id', {
    schema: { tags, summary: 'Delete a webhook subscription with its queue and delivery log', params: SubscriptionParams, response: { 204: Type.Null(), ...ERROR_RESPONSES } },
    config: access,
  }, async (request, reply) => {
    await service.remove(principalOf(request), request.params.id);
    return reply.code(204).send(null);
  });

  app.post('/v1/webhooks/:id/disable', {
    schema: { tags, summary: 'Pause deliveries (events meanwhile are not queued; replay them after enabling)', params: SubscriptionParams, response: { 200: SubscriptionSchema, ...ERROR_RESPONSES } },
    config: access,
  }, async (request) => service.disable(principalOf(request), request.params.id));

  app.post('/v1/webhooks/:id/enable', {
    schema: { tags, summary: 'Re-enable a paused or auto-disabled subscription', params: SubscriptionParams, response: { 200: SubscriptionSchema, ...ERROR_RESPONSES } },
    config: access,
  }, async (request) => service.enable(principalOf(request), request.params.id));

  app.post('/v1/webhooks/:id/rotate-secret', {
    schema: { tags, summary: 'Issue a new signing secret; the old one keeps signing during the grace period', params: SubscriptionParams, body: RotateSecretSchema, response: { 200: SubscriptionWithSecretSchema, ...ERROR_RESPONSES } },
    config: access,
  }, async (request) => service.rotateSecret(principalOf(request), request.params.id, request.body.grace_seconds));

  app.post('/v1/webhooks/:id/replay', {
    schema: { tags, summary: 'Re-deliver your events recorded since a time', params: SubscriptionParams, body: ReplaySchema, response: { 202: ReplayResultSchema, ...ERROR_RESPONSES } },
    config: access,
  }, async (request, reply) => reply.code(202).send(await service.replay(principalOf(request), request.params.id, request.body.from, request.body.after_sequence)));

  app.post('/v1/webhooks/:id/test', {
    schema: { tags, summary: 'Send a signed webhook.test event now and report the answer', params: SubscriptionParams, response: { 200: TestFireResultSchema, ...ERROR_RESPONSES } },
    config: access,
  }, async (request) => service.testFire(principalOf(request), request.params.id));

  app.get('/v1/webhooks/:id/deliveries', {
    schema: { tags, summary: 'The delivery log, newest attempt first', params: SubscriptionParams, querystring: PageQuery, response: { 200: Page(DeliveryAttemptSchema), ...ERROR_RESPONSES } },
    config: access,
  }, async (request) => {
    const limit = request.query.limit ?? 50;
    const rows = await service.deliveries(principalOf(request), request.params.id, decodeCursor(request.query.cursor), limit);
    return toPage(rows, limit, toDeliveryAttempt);
  });
}
