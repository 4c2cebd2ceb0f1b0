/**
 * SQL for the decrypt rate limits' token buckets, one row per key and bucket, shared by every
 * process on the database. A charge is one transaction that holds the key's rows locked from
 * reading them to writing them back, so concurrent calls for a key, from any process, queue on it
 * and never both spend the same tokens.
 */
import { sql, type Kysely } from 'kysely';
import { jsonRows } from '../platform/db/json-rows.ts';
import type { BucketState } from './model/token-bucket.ts';

/** A key's buckets by name. */
export type Buckets<Name extends string> = Readonly<Record<Name, BucketState>>;

/** What a charge decided: the buckets' next states and the answer for the caller. */
export interface ChargeDecision<Name extends string, Result> {
  readonly next: Buckets<Name>;
  readonly result: Result;
}

interface BucketRow {
  bucket: string;
  tokens: number;
  at: Date;
}

/** Creates the rate-limit store over a database. */
export function createRateLimitStore(db: Kysely<object>) {
  return {
    /**
     * Locks the key's buckets (creating a missing one as `fresh` has it), asks `decide` for their
     * next states, writes those and commits; returns what `decide` answered.
     */
    charge<Name extends string, Result>(
      keyId: string,
      fresh: Buckets<Name>,
      decide: (held: Buckets<Name>) => ChargeDecision<Name, Result>,
    ): Promise<Result> {
      return db.transaction().execute(async (trx) => {
        // Only an existing row can be locked. Of two first calls for a key, the second waits on
        // the first's insert, then finds the row and queues on its lock.
        await sql`
          INSERT INTO rate_limit_buckets (key_id, bucket, tokens, at)
          SELECT ${keyId}, b.bucket, b.tokens::double precision, b.at::timestamptz FROM ${bucketRows(fresh)}
          ON CONFLICT (key_id, bucket) DO NOTHING`.execute(trx);
        // Locked in one order (by name), so two charges of the same key cannot deadlock.
        const locked = await sql<BucketRow>`
          SELECT bucket, tokens, at FROM rate_limit_buckets
          WHERE key_id = ${keyId} AND bucket = ANY(${Object.keys(fresh)}::text[])
          ORDER BY bucket FOR UPDATE`.execute(trx);
        // Every name has its row: inserted above if it was missing, and rows are never deleted.
        const held = Object.fromEntries(locked.rows.map((row) => [row.bucket, { tokens: row.tokens, atMs: row.at.getTime() }])) as Buckets<Name>;
        const { next, result } = decide(held);
        await sql`
          UPDATE rate_limit_buckets r SET tokens = b.tokens::double precision, at = b.at::timestamptz
          FROM ${bucketRows(next)} WHERE r.key_id = ${keyId} AND r.bucket = b.bucket`.execute(trx);
        return result;
      });
    },
  };
}

export type RateLimitStore = ReturnType<typeof createRateLimitStore>;

function bucketRows(buckets: Buckets<string>) {
  const entries = Object.entries(buckets);
  return jsonRows('b', {
    bucket: entries.map(([name]) => name),
    tokens: entries.map(([, state]) => state.tokens),
    at: entries.map(([, state]) => new Date(state.atMs).toISOString()),
  });
}
