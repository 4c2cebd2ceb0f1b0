/**
 * The reference: how fast the same database takes equivalent event rows by COPY, the fastest
 * way rows get into PostgreSQL. The rows go into a scratch copy of tracking_events (same columns,
 * indexes and unique key), so the comparison is like for like. PostgreSQL gets COPY FROM STDIN;
 * PGlite gets COPY FROM '/dev/blob' through its own interface, because its node-postgres bridge
 * does not carry COPY's sub-protocol. Both time building the CSV text as well as loading it.
 * The reference is a limit, so it is the best of COPY_RUNS loads into a fresh table: one COPY of
 * the same rows varied by ±15 % between runs on the same machine.
 */
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../../src/platform/db/connect.ts';
import type { BenchTarget } from '../support/targets.ts';
import { eventAt } from './events.ts';

const TABLE = 'bench_copy_events';
const COPY_RUNS = 3;
/**
 * Lines go to the server in chunks of about this many characters, as psql's \copy sends them:
 * one write per line costs a system call and a CopyData message per row, which on a machine with
 * slow system calls made the reference a measure of the bench's writes (58,000 rows/s against
 * 150,000 for psql with the same rows).
 */
const COPY_CHUNK_CHARS = 64 * 1024;
const COPY_COLUMNS = '(parcel_id, carrier_id, source_event_id, occurred_at, code_set, raw_code, raw_message, status, sub_status, facility)';

const csv = (value: string) => `"${value.replaceAll('"', '""')}"`;

/** Event `i` of the bench stream as one CSV line of COPY_COLUMNS. */
function csvLine(i: number, waybillNos: readonly string[], dayStartMs: number): string {
  const event = eventAt(i, waybillNos, dayStartMs);
  return [`prc_${event.waybill_no}`, 'carrier', event.event_id, event.occurred_at, 'generic', event.code, event.message, 'in_transit', 'arrived_hub', csv(JSON.stringify(event.facility))].join(',');
}

/** Rows per second that COPY achieves for `total` event rows in `target`'s database, best of COPY_RUNS. */
export async function measureCopyRate(target: BenchTarget, total: number, waybillNos: readonly string[], dayStartMs: number): Promise<number> {
  let best = 0;
  for (let run = 0; run < COPY_RUNS; run++) best = Math.max(best, await copyOnce(target, total, waybillNos, dayStartMs));
  return best;
}

async function copyOnce(target: BenchTarget, total: number, waybillNos: readonly string[], dayStartMs: number): Promise<number> {
  const database = await target.open();
  await sql`DROP TABLE IF EXISTS ${sql.raw(TABLE)}`.execute(database.db);
  await sql`CREATE TABLE ${sql.raw(TABLE)} (LIKE tracking_events INCLUDING ALL)`.execute(database.db);
  let seconds: number;
  if (database.driver === 'postgres') {
    seconds = await copyFromStdin(database, total, waybillNos, dayStartMs);
    await database.close();
  } else {
    await database.close();
    seconds = await copyFromBlob(target, total, waybillNos, dayStartMs);
  }
  return total / seconds;
}

async function copyFromStdin(database: Database, total: number, waybillNos: readonly string[], dayStartMs: number): Promise<number> {
  const client = await database.pool.connect();
  const started = performance.now();
  try {
    const stream = client.query(copyFrom(`COPY ${TABLE} ${COPY_COLUMNS} FROM STDIN WITH (FORMAT csv)`));
    const done = new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
    });
    let chunk = '';
    for (let i = 0; i < total; i++) {
      chunk += `${csvLine(i, waybillNos, dayStartMs)}\n`;
      if (chunk.length < COPY_CHUNK_CHARS && i < total - 1) continue;
      const more = stream.write(chunk);
      chunk = '';
      if (!more) await new Promise((resolve) => stream.once('drain', resolve));
    }
    stream.end();
    await done;
  } finally {
    client.release();
  }
  return (performance.now() - started) / 1000;
}

async function copyFromBlob(target: BenchTarget, total: number, waybillNos: readonly string[], dayStartMs: number): Promise<number> {
  const dataDir = target.env['PARCELGRID_DATA_DIR'];
  if (dataDir === undefined) throw new Error('a PGlite bench target names its data folder in PARCELGRID_DATA_DIR');
  const pglite = await PGlite.create(join(dataDir, 'pglite'));
  try {
    const started = performance.now();
    const lines: string[] = [];
    for (let i = 0; i < total; i++) lines.push(csvLine(i, waybillNos, dayStartMs));
    await pglite.query(`COPY ${TABLE} ${COPY_COLUMNS} FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([lines.join('\n'), '\n']) });
    return (performance.now() - started) / 1000;
  } finally {
    await pglite.close();
  }
}
