/**
 * Packed outbox rows (a batch of 1,000 scans is one row of ≈ 130 KB of JSON) are compressed with
 * lz4 where the server has it, as PostgreSQL builds usually do: with the default pglz, compressing
 * the row was a third of inserting it (one row in isolation: 2.6–3.9 ms with pglz, 1.7–2.6 with
 * lz4), and subscribers decompress it again to read it. PGlite is built without lz4 and keeps pglz.
 */
import { sql, type Kysely } from 'kysely';

const setCompression = (method: 'lz4' | 'pglz') => sql`
  DO $$ BEGIN
    IF EXISTS (SELECT FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)) THEN
      ALTER TABLE outbox ALTER COLUMN data SET COMPRESSION ${sql.raw(method)};
    END IF;
  END $$`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await setCompression('lz4').execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await setCompression('pglz').execute(db);
}
