/** HTTP routes for scan ingest, timelines and parcel lists: schema plus one service call each. */
import { Type } from 'typebox';
import { principalOf } from '../platform/http/access.ts';
import { BATCH_ERROR_RESPONSES } from '../platform/http/batch-results.ts';
import { sendJsonText } from '../platform/http/json-text.ts';
import { decodeCursor, Page, PageQuery, toPage } from '../platform/http/pagination.ts';
import { ERROR_RESPONSES } from '../platform/http/schemas.ts';
import type { HttpServer } from '../platform/http/server.ts';
import { DomainError, type ErrorCode } from '../platform/errors.ts';
import { BatchResultSchema, BatchSchema, EventInputSchema, ParcelFilterQuery, ParcelSchema, TimelineQuery, TimelineSchema } from './schemas.ts';
import { toParcel, type TrackingService } from './service.ts';
import { timelineJson } from './timeline-json.ts';

const tags = ['tracking'];
const carrierWrite = { kinds: ['carrier'], scope: 'events:write' } as const;
const trackingRead = { kinds: ['carrier', 'platform', 'regulator'], scope: 'tracking:read' } as const;

/** Registers the tracking routes on the server. */
export function registerTrackingRoutes(app: HttpServer, service: TrackingService): void {
  app.addSchema(EventInputSchema);

  app.post('/v1/events', {
    schema: { tags, summary: 'Push one scan event', body: EventInputSchema, response: { 200: BatchResultSchema, 201: BatchResultSchema, ...ERROR_RESPONSES } },
    config: { access: carrierWrite },
  }, async (request, reply) => {
    const outcome = await service.ingest(principalOf(request), [request.body]);
    const item = outcome.results[0];
    if (item?.error) throw new DomainError(item.error.code as ErrorCode, item.error.message, { party: 'carrier' });
    return reply.code(outcome.created === 1 ? 201 : 200).send(outcome);
  });

  app.post('/v1/events/batch', {
    schema: { tags, summary: 'Push up to 1,000 scan events; per-item results', body: BatchSchema, response: { 200: BatchResultSchema, ...BATCH_ERROR_RESPONSES } },
    config: { access: carrierWrite },
  }, async (request) => service.ingest(principalOf(request), request.body.events));

  app.get('/v1/tracking/:waybill_no', {
    schema: { tags, summary: 'The canonical timeline of a waybill', params: Type.Object({ waybill_no: Type.String({ minLength: 1, maxLength: 40 }) }), querystring: TimelineQuery, response: { 200: TimelineSchema, ...ERROR_RESPONSES } },
    config: { access: trackingRead },
  }, async (request, reply) => sendJsonText(reply, timelineJson(await service.timeline(principalOf(request), request.params.waybill_no, request.query.carrier))));

  app.get('/v1/parcels', {
    schema: { tags, summary: 'List parcels you may see, filtered', querystring: Type.Intersect([PageQuery, ParcelFilterQuery]), response: { 200: Page(ParcelSchema), ...ERROR_RESPONSES } },
    config: { access: { kinds: ['carrier', 'platform', 'regulator'], scope: 'parcels:read' } },
  }, async (request) => {
    const { cursor, limit = 50, ...filter } = request.query;
    return toPage(await service.listParcels(principalOf(request), filter, decodeCursor(cursor), limit), limit, toParcel);
  });
}
