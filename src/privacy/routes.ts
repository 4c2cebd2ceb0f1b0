/** HTTP routes for audited decryption, virtual numbers and the audit log: schema plus one service call each. */
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { DomainError } from '../platform/errors.ts';
import { principalOf } from '../platform/http/access.ts';
import { decodeCursor, Page, PageQuery, toPage } from '../platform/http/pagination.ts';
import { ERROR_RESPONSES, ProblemSchema } from '../platform/http/schemas.ts';
import type { HttpServer } from '../platform/http/server.ts';
import type { RateLimitVerdict } from './rate-limiter.ts';
import { AuditEntrySchema, AuditQuery, DecryptBodySchema, DecryptResultSchema, ResolveBodySchema, ResolvedSchema, VirtualNumberSchema } from './schemas.ts';
import type { PrivacyService } from './service.ts';

const tags = ['privacy'];

// IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers) plus Retry-After on a 429.
function setRateHeaders(reply: FastifyReply, verdict: RateLimitVerdict): void {
  reply.header('ratelimit-limit', verdict.limit).header('ratelimit-remaining', verdict.remaining).header('ratelimit-reset', verdict.resetSeconds);
  if (!verdict.allowed) reply.header('retry-after', verdict.retryAfterSeconds);
}

/**
 * Responses holding plaintext must never be stored, and the idempotency layer stores responses;
 * these calls read without side effects worth replaying, so a key is refused rather than ignored.
 */
async function refuseIdempotencyKey(request: { headers: Record<string, unknown> }): Promise<void> {
  if (request.headers['idempotency-key'] !== undefined) {
    throw new DomainError('validation_failed', 'this call returns personal data, which is never stored for replay; send it without Idempotency-Key');
  }
}

/** Registers the privacy routes on the server. */
export function registerPrivacyRoutes(app: HttpServer, service: PrivacyService): void {
  app.post('/v1/privacy/decrypt', {
    schema: {
      tags,
      summary: 'Decrypt full contacts of up to 100 orders for a named purpose (audited, rate-limited)',
      body: DecryptBodySchema,
      response: { 200: DecryptResultSchema, 413: ProblemSchema, 429: ProblemSchema, ...ERROR_RESPONSES },
    },
    config: { access: { kinds: ['platform', 'carrier', 'regulator'], scope: 'pii:decrypt' } },
    onRequest: refuseIdempotencyKey,
  }, async (request, reply) => service.decrypt(principalOf(request), request.body, { ip: request.ip, onRateLimit: (verdict) => setRateHeaders(reply, verdict) }));

  app.get('/v1/privacy/virtual-numbers/:waybill_id', {
    schema: { tags, summary: 'The virtual number (host + extension) of a waybill', params: Type.Object({ waybill_id: Type.String({ maxLength: 40 }) }), response: { 200: VirtualNumberSchema, ...ERROR_RESPONSES } },
    config: { access: { kinds: ['carrier', 'platform'], scope: 'tracking:read' } },
  }, async (request) => service.virtualNumberOf(principalOf(request), request.params.waybill_id));

  app.post('/v1/privacy/virtual-numbers/resolve', {
    schema: { tags, summary: 'Telephony gateway: the real phone behind a live virtual number (audited)', body: ResolveBodySchema, response: { 200: ResolvedSchema, 410: ProblemSchema, ...ERROR_RESPONSES } },
    config: { access: { kinds: ['carrier'], scope: 'virtual_numbers:resolve' } },
    onRequest: refuseIdempotencyKey,
  }, async (request) => service.resolveVirtualNumber(principalOf(request), request.body, request.ip));

  app.get('/v1/privacy/audit', {
    schema: { tags, summary: 'The decryption and erasure audit log, oldest first', querystring: Type.Intersect([PageQuery, AuditQuery]), response: { 200: Page(AuditEntrySchema), ...ERROR_RESPONSES } },
    config: { access: { kinds: ['regulator'], scope: 'audit:read' } },
  }, async (request) => {
    const { cursor, limit = 50, from, to, party } = request.query;
    return toPage(await service.listAudit({ from, to, partyCode: party }, decodeCursor(cursor), limit), limit, (entry) => entry);
  });

  app.get('/v1/privacy/audit/export', {
    schema: { tags, summary: 'The audit log as CSV', querystring: AuditQuery, produces: ['text/csv'], response: { 200: Type.String({ description: 'RFC 4180 CSV with a header line' }), ...ERROR_RESPONSES } },
    config: { access: { kinds: ['regulator'], scope: 'audit:read' } },
  }, async (request, reply) => {
    const { from, to, party } = request.query;
    const csv = await service.exportAudit({ from, to, partyCode: party });
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="privacy-audit.csv"').send(csv);
  });
}
