/**
 * Idempotency-Key on every POST (IETF httpapi draft): the first response is stored for 24 hours
 * and replayed for the same key; the same key with a different body is refused with 422.
 */
import { hash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { DomainError } from '../errors.ts';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

declare module 'fastify' {
  interface FastifyRequest {
    /** Set when this request owns a fresh idempotency record that onSend must complete. */
    idempotencyKey?: string;
  }
}

interface StoredResponse {
  request_hash: string;
  status_code: number | null;
  response_body: string | null;
}

/** Installs the preHandler that replays or reserves keys and the onSend hook that stores responses. */
export function installIdempotency(app: FastifyInstance, db: Kysely<object>): void {
  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || key === undefined || !request.principal) return;
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw new DomainError('validation_failed', 'Idempotency-Key must be 1-255 visible ASCII characters');
    }
    const partyId = request.principal.partyId;
    const hash = requestHash(request);
    const reserved = await sql`
      INSERT INTO idempotency_keys (party_id, key, method, path, request_hash)
      VALUES (${partyId}, ${key}, ${request.method}, ${request.url}, ${hash})
      ON CONFLICT (party_id, key) DO UPDATE
        SET request_hash = excluded.request_hash, method = excluded.method, path = excluded.path,
            status_code = NULL, response_body = NULL, created_at = now()
        WHERE idempotency_keys.created_at < now() - interval '24 hours'
      RETURNING key`.execute(db);
    if (reserved.rows.length > 0) {
      request.idempotencyKey = key;
      return;
    }
    const existing = await sql<StoredResponse>`
      SELECT request_hash, status_code, response_body FROM idempotency_keys
      WHERE party_id = ${partyId} AND key = ${key}`.execute(db);
    const stored = existing.rows[0];
    if (!stored) throw new DomainError('idempotency_in_progress', 'retry the request');
    if (stored.request_hash !== hash) {
      throw new DomainError('idempotency_key_reused', `Idempotency-Key "${key}" was first used with a different request; use a new key for a new request`);
    }
    if (stored.status_code === null || stored.response_body === null) {
      throw new DomainError('idempotency_in_progress', `the first request with Idempotency-Key "${key}" is still running; retry shortly`);
    }
    return reply
      .code(stored.status_code)
      .header('idempotent-replayed', 'true')
      .type(stored.status_code >= 400 ? 'application/problem+json' : 'application/json')
      .send(stored.response_body);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const key = request.idempotencyKey;
    if (!key || !request.principal) return payload;
    const partyId = request.principal.partyId;
    if (reply.statusCode >= 500 || typeof payload !== 'string') {
      // A failure of ours is not a result to replay: let the client retry with the same key.
      await sql`DELETE FROM idempotency_keys WHERE party_id = ${partyId} AND key = ${key}`.execute(db);
    } else {
      await sql`UPDATE idempotency_keys SET status_code = ${reply.statusCode}, response_body = ${payload}
        WHERE party_id = ${partyId} AND key = ${key}`.execute(db);
    }
    return payload;
  });
}

function requestHash(request: FastifyRequest): string {
  return hash('sha256', `${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`, 'hex');
}
