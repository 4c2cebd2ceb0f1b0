/**
 * The outbox table's row format. A row holds one event, or — packed — many events of one type,
 * source and audience written by one statement (a batch of 1,000 scans is one row, not 1,000).
 * Readers page by row but unpack every row into the same per-event envelopes: item n of row `id`
 * gets the id `<id>:<n>`, stable across re-deliveries, and the row's sequence.
 *
 * A packed row's data is column-wise (PackedColumns): the items' subjects and times as arrays, and
 * when every item's data is an object with the same keys, the keys once and each item's values
 * as a row. The keys were half of a packed scan batch's bytes, which the database parses when it
 * stores the row and again for every read. Rows written before as an array of items still unpack.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { prepared } from '../db/prepared-statements.ts';
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

/** A packed row's data: item n is subject[n], occurred_at[n] and data[n] (or keys zipped with values[n]). */
export type PackedColumns = {
  readonly subject: readonly string[];
  readonly occurred_at: readonly string[];
} & ({ readonly data: readonly unknown[] } | { readonly keys: readonly string[]; readonly values: readonly (readonly unknown[])[] });

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The keys every item's data has, in the same order and none undefined; undefined when they differ. */
function sharedKeys(items: readonly PackedItem[]): string[] | undefined {
  const first = items[0]?.data;
  if (!isPlainObject(first)) return undefined;
  const keys = Object.keys(first);
  const same = items.every(({ data }) => {
    if (!isPlainObject(data)) return false;
    const own = Object.keys(data);
    return own.length === keys.length && own.every((key, i) => key === keys[i] && data[key] !== undefined);
  });
  return same ? keys : undefined;
}

/** The data column of a packed row holding `items`. */
export function packItems(items: readonly PackedItem[]): PackedColumns {
  const columns = { subject: items.map((item) => item.subject), occurred_at: items.map((item) => item.occurred_at) };
  const keys = sharedKeys(items);
  if (!keys) return { ...columns, data: items.map((item) => item.data) };
  return { ...columns, keys, values: items.map(({ data }) => Object.values(data as Record<string, unknown>)) };
}

/** An object from keys and values (a plain loop: this runs for every item a subscriber reads). */
function zip(keys: readonly string[], values: readonly unknown[]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) object[keys[i] ?? ''] = values[i] ?? null;
  return object;
}

/** The items of a packed row's data, in either stored form. */
function unpackItems(data: unknown): PackedItem[] {
  if (Array.isArray(data)) return data as PackedItem[];
  const columns = data as PackedColumns;
  const dataOf = 'keys' in columns ? (n: number) => zip(columns.keys, columns.values[n] ?? []) : (n: number) => columns.data[n];
  return columns.subject.map((subject, n) => ({ subject, occurred_at: columns.occurred_at[n] ?? '', data: dataOf(n) }));
}

/**
 * Outbox rows matching `where` in `orderBy` order, whole rows only, stopping once `maxEvents`
 * events are reached (the last row may pass it, so a packed row is never split across pages).
 */
export async function readOutboxRows(db: Kysely<object>, where: RawBuilder<unknown>, orderBy: RawBuilder<unknown>, maxEvents: number): Promise<OutboxRow[]> {
  const result = await sql<OutboxRow>`${prepared}
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
  return unpackItems(row.data).map((item, n) => envelope(`${row.id}:${n}`, item.occurred_at, item.subject, item.data));
}
