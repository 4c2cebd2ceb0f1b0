/**
 * Reads past outbox events for one party, so a consumer can re-deliver what a receiver missed
 * (webhook replay). The stream's cursors are not touched.
 */
import { sql, type Kysely } from 'kysely';
import type { RoutedEnvelope } from './envelope.ts';
import { toEnvelope, type OutboxRow } from './stream.ts';

export interface HistoryQuery {
  /** Only events whose audience includes this party. */
  readonly partyId: string;
  /** Events recorded at or after this time (UTC ISO). */
  readonly recordedFrom: string;
  /** Continue after this outbox sequence (the last one of the previous page); 0 to start. */
  readonly afterSequence: number;
  readonly limit: number;
}

/** One page of a party's events in recording order. */
export async function readPartyHistory(db: Kysely<object>, query: HistoryQuery): Promise<RoutedEnvelope[]> {
  const rows = await sql<OutboxRow>`
    SELECT seq, txid, id, type, occurred_at, recorded_at, source, subject, audience, data FROM outbox
    WHERE recorded_at >= ${query.recordedFrom} AND seq > ${query.afterSequence} AND ${query.partyId} = ANY(audience)
    ORDER BY seq LIMIT ${query.limit}`.execute(db);
  return rows.rows.map(toEnvelope);
}
