/**
 * Cheaper scan ingest. Parcels get room for a new version of every row on a page, so a batch that
 * moves all parcels of a page at once (parcels made together are scanned together) updates them
 * in place (HOT) instead of writing every index again; at fillfactor 80 three updates in four of
 * such a batch were non-HOT. The outbox can hold many events of one type, source and audience in
 * one packed row, which the stream unpacks; its data is json, not jsonb, because nothing queries
 * inside it and converting a packed row to jsonb was most of the cost of writing it. Scans lose
 * their foreign key to parcels: its per-row check was a third of inserting a batch, and it guards
 * nothing the write path does not already ensure (ingest takes parcel ids from the parcel rows it
 * has locked in the same transaction; parcels are never deleted).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- below half, so a whole page's rows fit again (their state columns grow on the first scan).
    ALTER TABLE parcels SET (fillfactor = 45);
    -- null: data is one event; n: data is an array of n items {subject, occurred_at, data}.
    ALTER TABLE outbox ADD COLUMN packed_items integer;
    ALTER TABLE outbox ALTER COLUMN data TYPE json USING data::json;
    ALTER TABLE tracking_events DROP CONSTRAINT tracking_events_parcel_id_fkey;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE tracking_events ADD CONSTRAINT tracking_events_parcel_id_fkey FOREIGN KEY (parcel_id) REFERENCES parcels(id);
    ALTER TABLE outbox ALTER COLUMN data TYPE jsonb USING data::jsonb;
    ALTER TABLE outbox DROP COLUMN packed_items;
    ALTER TABLE parcels SET (fillfactor = 80);
  `.execute(db);
}
