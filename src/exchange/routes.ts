/** HTTP routes for orders, shipping requests and waybills (single and batch): schema plus one service call each. */
import { Type } from 'typebox';
import type { HttpServer } from '../platform/http/server.ts';
import { principalOf } from '../platform/http/access.ts';
import { BATCH_ERROR_RESPONSES } from '../platform/http/batch-results.ts';
import { decodeCursor, Page, PageQuery, toPage } from '../platform/http/pagination.ts';
import { ERROR_RESPONSES } from '../platform/http/schemas.ts';
import {
  IdParams,
  MAX_EXCHANGE_BATCH,
  NewOrderSchema,
  NewShippingRequestSchema,
  NewWaybillSchema,
  OrderBatchResultSchema,
  OrderBatchSchema,
  OrderSchema,
  RejectSchema,
  ShippingRequestFilter,
  ShippingRequestSchema,
  WaybillBatchResultSchema,
  WaybillBatchSchema,
  WaybillSchema,
} from './schemas.ts';
import type { ExchangeService } from './service.ts';
import { toOrder, toShippingRequest } from './store.ts';

const tags = ['exchange'];

/** Registers the exchange routes on the server. */
export function registerExchangeRoutes(app: HttpServer, service: ExchangeService): void {
  app.post('/v1/orders', {
    schema: { tags, summary: 'Push an order', body: NewOrderSchema, response: { 201: OrderSchema, ...ERROR_RESPONSES } },
    config: { access: { kinds: ['platform'], scope: 'orders:write' } },
  }, async (request, reply) => reply.code(201).send(await service.createOrder(principalOf(request), request.body)));

  app.post('/v1/orders/batch', {
    schema: { tags, summary: `Push up to ${MAX_EXCHANGE_BATCH} orders, each optionally with its shipping request; per-item results`, body: OrderBatchSchema, response: { 200: OrderBatchResultSchema, ...BATCH_ERROR_RESPONSES } },
    config: { access: { kinds: ['platform'], scope: 'orders:write' } },
  }, async (request) => service.createOrderBatch(principalOf(request), request.body.orders));

  app.get('/v1/orders', {
    schema: { tags, summary: 'List your orders', querystring: PageQuery, response: { 200: Page(OrderSchema), ...ERROR_RESPONSES } },
    config: { access: { kinds: ['platform'], scope: 'orders:read' } },
  }, async (request) => {
    const limit = request.query.limit ?? 50;
    return toPage(await service.listOrders(principalOf(request), decodeCursor(request.query.cursor), limit), limit, toOrder);
  });

  app.get('/v1/orders/:id', {
    schema: { tags, summary: 'Get an order (personal data masked)', params: IdParams, response: { 200: OrderSchema, ...ERROR_RESPONSES } },
    config: { access: { kinds: ['platform'], scope: 'orders:read' } },
  }, async (request) => service.getOrder(principalOf(request), request.params.id));

  app.post('/v1/shipping-requests', {
    schema: { tags, summary: 'Ask a carrier to ship an order', body: NewShippingRequestSchema, response: { 201: ShippingRequestSchema, ...ERROR_RESPONSES } },
    config: { access: { kinds: ['platform'], scope: 'shipping:write' } },
  }, async (request, reply) => reply.code(201).send(await service.requestShipping(principalOf(request), request.body)));

  app.get('/v1/shipping-requests', {
    schema: { tags, summary: 'List shipping requests you sent or received', querystring: Type.Intersect([PageQuery, ShippingRequestFilter]), response: { 200: Page(ShippingRequestSchema), ...ERROR_RESPONSES } },
    config: { access: { kinds: ['carrier'], scope: 'shipping:read' } },
  }, async (request) => {
    const limit = request.query.limit ?? 50;
    const rows = await service.listShippingRequests(principalOf(request), request.query.status, decodeCursor(request.query.cursor), limit);
    return toPage(rows, limit, toShippingRequest);
  });

  app.post('/v1/shipping-requests/:id/reject', {
    schema: { tags, summary: 'Decline a shipping request', params: IdParams, body: RejectSchema, response: { 200: ShippingRequestSchema, ...ERROR_RESPONSES } },
    config: { access: { kinds: ['carrier'], scope: 'waybills:write' } },
  }, async (request) => service.rejectShippingRequest(principalOf(request), request.params.id, request.body.reason));

  app.post('/v1/waybills', {
    schema: { tags, summary: 'Accept a shipping request by issuing a waybill', body: NewWaybillSchema, response: { 201: WaybillSchema, ...ERROR_RESPONSES } },
    config: { access: { kinds: ['carrier'], scope: 'waybills:write' } },
  }, async (request, reply) => reply.code(201).send(await service.issueWaybill(principalOf(request), request.body)));

  app.post('/v1/waybills/batch', {
    schema: { tags, summary: `Issue up to ${MAX_EXCHANGE_BATCH} waybills for pending shipping requests; per-item results`, body: WaybillBatchSchema, response: { 200: WaybillBatchResultSchema, ...BATCH_ERROR_RESPONSES } },
    config: { access: { kinds: ['carrier'], scope: 'waybills:write' } },
  }, async (request) => service.issueWaybillBatch(principalOf(request), request.body.waybills));

  app.get('/v1/waybills/:id', {
    schema: { tags, summary: 'Get a waybill with its masked e-waybill label', params: IdParams, response: { 200: WaybillSchema, ...ERROR_RESPONSES } },
    config: { access: { kinds: ['carrier', 'platform', 'regulator'], scope: 'tracking:read' } },
  }, async (request) => {
    const row = await service.getWaybill(principalOf(request), request.params.id);
    return { ...row, created_at: row.created_at.toISOString() };
  });
}
