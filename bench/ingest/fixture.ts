/**
 * Benchmark fixture: a carrier, a platform and N issued waybills with their parcels, written in
 * bulk with SQL (creating 150,000 waybills through the API would take longer than the run it
 * prepares). Only the event ingest that follows is measured, and it goes through the real API.
 */
import { sql, type Kysely } from 'kysely';
import { createPlatform } from '../../src/app.ts';
import type { Database } from '../../src/platform/db/connect.ts';
import { createEphemeralKeyring } from '../../src/privacy/index.ts';

export interface Fixture {
  readonly carrierKey: string;
  readonly readerKey: string;
  readonly waybillNos: readonly string[];
}

/** Registers the parties through the tenancy service and bulk-inserts `parcels` waybills. */
export async function seedFixture(database: Database, parcels: number): Promise<Fixture> {
  const platform = await createPlatform({ database: { ...database, close: async () => {} }, keyring: createEphemeralKeyring(), logger: false });
  const carrier = await platform.tenancy.createParty({ kind: 'carrier', code: 'BENCH', name: 'Bench Carrier', codeSet: 'generic' });
  const shop = await platform.tenancy.createParty({ kind: 'platform', code: 'BENCHSHOP', name: 'Bench Shop' });
  const carrierKey = (await platform.tenancy.issueKey(carrier)).key;
  const readerKey = (await platform.tenancy.issueKey(shop)).key;
  await platform.http.close();
  await bulkInsert(database.db, carrier.id, shop.id, parcels);
  // A live database has planner statistics (autovacuum); a freshly bulk-loaded one must be told.
  await sql`ANALYZE`.execute(database.db);
  const waybillNos = Array.from({ length: parcels }, (_, i) => waybillNo(i));
  return { carrierKey, readerKey, waybillNos };
}

const waybillNo = (i: number) => `BENCH${String(i).padStart(10, '0')}`;

async function bulkInsert(db: Kysely<object>, carrierId: string, platformId: string, parcels: number): Promise<void> {
  const contact = JSON.stringify({ name: '张*', phone: '138****0000', address: { province: '辽宁省', city: '大连市', district: '中山区', street: '人民路街道', detail: '*号', admin_code: '210202', lng: 121.64, lat: 38.92 } });
  for (let start = 0; start < parcels; start += 50_000) {
    const end = Math.min(parcels, start + 50_000) - 1;
    await sql`
      WITH n AS (SELECT g, lpad(g::text, 10, '0') AS s FROM generate_series(${start}::int, ${end}::int) g),
      o AS (
        INSERT INTO orders (id, platform_id, external_id, items, declared_value_fen, weight_g, sender_masked, recipient_masked,
          sender_sealed, recipient_sealed, origin_admin_code, destination_admin_code)
        SELECT 'ord_bench' || s, ${platformId}, 'bench-' || s, '[{"name":"bench","quantity":1}]'::jsonb, 1000, 800,
          ${contact}::jsonb, ${contact}::jsonb, 'fixture', 'fixture', '210213', '210202' FROM n RETURNING 1),
      r AS (
        INSERT INTO shipping_requests (id, order_id, platform_id, carrier_id, service_level, status)
        SELECT 'shr_bench' || s, 'ord_bench' || s, ${platformId}, ${carrierId}, 'standard', 'accepted' FROM n RETURNING 1),
      w AS (
        INSERT INTO waybills (id, carrier_id, waybill_no, order_id, shipping_request_id, platform_id, service_level, label)
        SELECT 'wbl_bench' || s, ${carrierId}, 'BENCH' || s, 'ord_bench' || s, 'shr_bench' || s, ${platformId}, 'standard', '{}'::jsonb FROM n RETURNING 1)
      INSERT INTO parcels (id, waybill_id, waybill_no, carrier_id, platform_id, destination_admin_code, weight_g, status)
      SELECT 'prc_bench' || s, 'wbl_bench' || s, 'BENCH' || s, ${carrierId}, ${platformId}, '210202', 800, 'created' FROM n`.execute(db);
  }
}
