/**
 * Appends domain events to the outbox inside the caller's transaction, so a state change and the
 * event it causes commit together or not at all.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { newId } from '../ids.ts';
import type { NewEvent } from './envelope.ts';

/**
 * Inserts the events in one statement (arrays unnested server-side, so 1,000 events cost one
 * round trip and no per-row parameters); call it with the transaction of the state change.
 * Audiences travel as comma-joined party ids because PostgreSQL arrays cannot be ragged.
 */
export async function appendEvents(trx: Transaction<object> | Kysely<object>, events: readonly NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  const column = <T>(pick: (event: NewEvent) => T) => events.map(pick);
  await sql`
    INSERT INTO outbox (id, type, occurred_at, source, subject, audience, data)
    SELECT id, type, occurred_at, source, subject, string_to_array(audience, ','), data::jsonb
    FROM unnest(${column(() => newId('evt'))}::text[], ${column((e) => e.type)}::text[],
      ${column((e) => e.occurredAt)}::timestamptz[], ${column((e) => e.source)}::text[],
      ${column((e) => e.subject)}::text[], ${column((e) => e.audience.join(','))}::text[],
      ${column((e) => JSON.stringify(e.data))}::text[])
      AS u(id, type, occurred_at, source, subject, audience, data)`.execute(trx);
}
