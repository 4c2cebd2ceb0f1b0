/**
 * The reference: how fast the same database takes equivalent event rows by COPY, the fastest
 * way rows get into PostgreSQL. The rows go into a scratch copy of tracking_events (same columns,
 * indexes and unique key), so the comparison is like for like.
 */
import { sql } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../../src/platform/db/connect.ts';
import { eventAt } from './events.ts';

const csv = (value: string) => `"${value.replaceAll('"', '""')}"`;

/** Rows per second that COPY achieves for `total` event rows. */
export async function measureCopyRate(database: Database, total: number, waybillNos: readonly string[], dayStartMs: number): Promise<number> {
  await sql`DROP TABLE IF EXISTS bench_copy_events`.execute(database.db);
  await sql`CREATE TABLE bench_copy_events (LIKE tracking_events INCLUDING ALL)`.execute(database.db);
  const client = await database.pool.connect();
  const started = performance.now();
  try {
    const stream = client.query(copyFrom('COPY bench_copy_events (parcel_id, carrier_id, source_event_id, occurred_at, code_set, raw_code, raw_message, status, sub_status, facility) FROM STDIN WITH (FORMAT csv)'));
    const done = new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
    });
    for (let i = 0; i < total; i++) {
      const event = eventAt(i, waybillNos, dayStartMs);
      const line = [`prc_${event.waybill_no}`, 'carrier', event.event_id, event.occurred_at, 'generic', event.code, event.message, 'in_transit', 'arrived_hub', csv(JSON.stringify(event.facility))].join(',');
      if (!stream.write(`${line}\n`)) await new Promise((resolve) => stream.once('drain', resolve));
    }
    stream.end();
    await done;
  } finally {
    client.release();
  }
  const seconds = (performance.now() - started) / 1000;
  await sql`DROP TABLE bench_copy_events`.execute(database.db);
  return total / seconds;
}
