/**
 * The outbox table's row format. A row holds one event, or — packed — many events of one type,
 * source and audience written by one statement (a batch of 1,000 scans is one row, not 1,000).
 * Readers page by row but unpack every row into the same per-event envelopes: item n of row `id`
 * gets the id `<id>:<n>`, stable across re-deliveries, and the row's sequence.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { RoutedEnvelope } from './envelope.ts';

export interface OutboxRow {
  seq: number;
  txid: number;
  id: string;
  type: string;
  occurred_at: Date;
  recorded_at: Date;
  source: string;
  subject: string;
  audience: string[];
  data: unknown;
  /** Null for a row holding one event; otherwise `data` is this many packed items. */
  packed_items: number | null;
}

/** One event of a packed row. */
export interface PackedItem {
  readonly subject: string;
  readonly occurred_at: string;
  readonly data: unknown;
}

/**
 * Outbox rows matching `where` in `orderBy` order, whole rows only, stopping once `maxEvents`
 * events are reached (the last row may pass it, so a packed row is never split across pages).
 */
export async function readOutboxRows(db: Kysely<object>, where: RawBuilder<unknown>, orderBy: RawBuilder<unknown>, maxEvents: number): Promise<OutboxRow[]> {
  const result = await sql<OutboxRow>`
    SELECT seq, txid, id, type, occurred_at, recorded_at, source, subject, audience, data, packed_items FROM (
      SELECT *, sum(coalesce(packed_items, 1)) OVER (ORDER BY ${orderBy}) - coalesce(packed_items, 1) AS events_before FROM (
        SELECT seq, txid, id, type, occurred_at, recorded_at, source, subject, audience, data, packed_items
        FROM outbox WHERE ${where} ORDER BY ${orderBy} LIMIT ${maxEvents}) page) counted
    WHERE events_before < ${maxEvents} ORDER BY ${orderBy}`.execute(db);
  return result.rows;
}

/** The number of events in rows. */
export const eventCount = (rows: readonly OutboxRow[]): number => rows.reduce((sum, row) => sum + (row.packed_items ?? 1), 0);

/** The subscribers' view of an outbox row: its event, or its packed events in order. */
export function toEnvelopes(row: OutboxRow): RoutedEnvelope[] {
  const recordedAt = row.recorded_at.toISOString();
  const envelope = (id: string, occurredAt: string, subject: string, data: unknown): RoutedEnvelope => ({
    id,
    type: row.type,
    occurred_at: occurredAt,
    recorded_at: recordedAt,
    source: row.source,
    subject,
    sequence: row.seq,
    schema_version: 1,
    data,
    audience: row.audience,
  });
  if (row.packed_items === null) return [envelope(row.id, row.occurred_at.toISOString(), row.subject, row.data)];
  return (row.data as PackedItem[]).map((item, n) => envelope(`${row.id}:${n}`, item.occurred_at, item.subject, item.data));
}
