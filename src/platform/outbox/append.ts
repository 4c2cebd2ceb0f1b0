/**
 * Appends domain events to the outbox inside the caller's transaction, so a state change and the
 * event it causes commit together or not at all.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { newId } from '../ids.ts';
import type { NewEvent } from './envelope.ts';

/** Inserts the events in one statement; call it with the same transaction as the state change. */
export async function appendEvents(trx: Transaction<object> | Kysely<object>, events: readonly NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((event) => ({
    id: newId('evt'),
    type: event.type,
    occurred_at: event.occurredAt,
    source: event.source,
    subject: event.subject,
    audience: sql`${[...event.audience]}::text[]`,
    data: JSON.stringify(event.data),
  }));
  await trx.withTables<{ outbox: OutboxInsert }>().insertInto('outbox').values(rows).execute();
}

interface OutboxInsert {
  id: string;
  type: string;
  occurred_at: string;
  source: string;
  subject: string;
  audience: unknown;
  data: string;
}
