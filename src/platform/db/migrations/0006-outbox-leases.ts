/**
 * Outbox subscribers leased to one process at a time. Several servers (or `serve --workers`) on
 * one PostgreSQL database each run the outbox stream; without a lease every process handed every
 * event to its own copy of each subscriber, doing the subscribers' work once per process and racing
 * on the shared cursor. A process delivers to a subscriber only while it holds that subscriber's
 * lease; a lease it stops renewing (a crash) lapses at `lease_until`, and a clean stop gives it up.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE outbox_consumers ADD COLUMN lease_owner text;
    ALTER TABLE outbox_consumers ADD COLUMN lease_until timestamptz;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE outbox_consumers DROP COLUMN lease_until;
    ALTER TABLE outbox_consumers DROP COLUMN lease_owner;
  `.execute(db);
}
