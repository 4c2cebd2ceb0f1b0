/**
 * Shared decrypt rate limits. `parcelgrid serve` may run several worker processes, and several
 * servers may share one PostgreSQL database; token buckets kept in each process's memory would
 * multiply every key's limit by the number of processes. The buckets live here instead: one row per
 * key and bucket, locked by the call that charges it, so every process on the database spends from
 * the same tokens.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE rate_limit_buckets (
      -- the API key the limit applies to.
      key_id text NOT NULL,
      -- which of the key's limits: calls or items.
      bucket text NOT NULL,
      -- tokens left as of at; the bucket refills continuously from then on.
      tokens double precision NOT NULL,
      at timestamptz NOT NULL,
      PRIMARY KEY (key_id, bucket)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE rate_limit_buckets`.execute(db);
}
