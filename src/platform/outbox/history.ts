/**
 * Reads past outbox events for one party, so a consumer can re-deliver what a receiver missed
 * (webhook replay). The stream's cursors are not touched.
 */
import { sql, type Kysely } from 'kysely';
import type { RoutedEnvelope } from './envelope.ts';
import { readOutboxRows, toEnvelopes } from './rows.ts';

export interface HistoryQuery {
  /** Only events whose audience includes this party. */
  readonly partyId: string;
  /** Events recorded at or after this time (UTC ISO). */
  readonly recordedFrom: string;
  /** Continue after this outbox sequence (the last one of the previous page); 0 to start. */
  readonly afterSequence: number;
  /** Events per page; whole outbox rows only, so the last one may pass it. */
  readonly limit: number;
}

/** One page of a party's events in recording order. */
export async function readPartyHistory(db: Kysely<object>, query: HistoryQuery): Promise<RoutedEnvelope[]> {
  const rows = await readOutboxRows(db, sql`recorded_at >= ${query.recordedFrom} AND seq > ${query.afterSequence} AND ${query.partyId} = ANY(audience)`, sql`seq`, query.limit);
  return rows.flatMap(toEnvelopes);
}
