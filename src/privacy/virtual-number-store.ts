/**
 * SQL for virtual numbers. One row per waybill: host + extension, the recipient's phone sealed,
 * and the parcel's delivery time, which sets the number's expiry and the order's retention.
 */
import { sql, type Kysely } from 'kysely';
import { jsonRows } from '../platform/db/json-rows.ts';

export interface VirtualNumberRow {
  id: string;
  waybill_id: string;
  order_id: string;
  parcel_id: string;
  carrier_id: string;
  platform_id: string;
  host: string;
  extension: string;
  phone_sealed: string;
  active: boolean;
  delivered_at: Date | null;
  expires_at: Date | null;
  erased_at: Date | null;
  created_at: Date;
}

export type VirtualNumberInsert = Omit<VirtualNumberRow, 'active' | 'delivered_at' | 'expires_at' | 'erased_at' | 'created_at'> & { created_at: string };

/** Creates the virtual-number store over a database or an open transaction. */
export function createVirtualNumberStore(db: Kysely<object>) {
  return {
    async findByWaybill(waybillId: string): Promise<VirtualNumberRow | undefined> {
      const rows = await sql<VirtualNumberRow>`SELECT * FROM virtual_numbers WHERE waybill_id = ${waybillId}`.execute(db);
      return rows.rows[0];
    },

    /** The active row for a host and extension, else the latest one that used them. */
    async findByNumber(host: string, extension: string): Promise<VirtualNumberRow | undefined> {
      const rows = await sql<VirtualNumberRow>`
        SELECT * FROM virtual_numbers WHERE host = ${host} AND extension = ${extension}
        ORDER BY active DESC, created_at DESC LIMIT 1`.execute(db);
      return rows.rows[0];
    },

    /** Frees the extensions whose expiry has passed; returns how many. */
    async releaseExpired(now: string): Promise<number> {
      const result = await sql`UPDATE virtual_numbers SET active = false WHERE active AND expires_at <= ${now}`.execute(db);
      return Number(result.numAffectedRows ?? 0n);
    },

    async activeExtensions(host: string): Promise<Set<string>> {
      const rows = await sql<{ extension: string }>`SELECT extension FROM virtual_numbers WHERE host = ${host} AND active`.execute(db);
      return new Set(rows.rows.map((row) => row.extension));
    },

    /** Inserts unless the waybill already has a number; false when it had. */
    async insert(row: VirtualNumberInsert): Promise<boolean> {
      const result = await sql`
        INSERT INTO virtual_numbers (id, waybill_id, order_id, parcel_id, carrier_id, platform_id, host, extension, phone_sealed, created_at)
        VALUES (${row.id}, ${row.waybill_id}, ${row.order_id}, ${row.parcel_id}, ${row.carrier_id}, ${row.platform_id},
          ${row.host}, ${row.extension}, ${row.phone_sealed}, ${row.created_at})
        ON CONFLICT (waybill_id) DO NOTHING`.execute(db);
      return Number(result.numAffectedRows ?? 0n) > 0;
    },

    /** Records the delivery once; the first delivered scan sets the expiry. */
    /**
     * Starts the expiry clock of the numbers of these parcels, in one statement: a batch of scans
     * holds a delivery for hundreds of parcels, and one round trip each kept the outbox subscriber
     * behind the ingest it follows. A parcel already delivered keeps its first delivery time.
     */
    async markDelivered(deliveries: readonly { parcelId: string; deliveredAt: string; expiresAt: string }[]): Promise<void> {
      if (deliveries.length === 0) return;
      const rows = jsonRows('d', {
        parcel_id: deliveries.map((d) => d.parcelId),
        delivered_at: deliveries.map((d) => d.deliveredAt),
        expires_at: deliveries.map((d) => d.expiresAt),
      });
      await sql`UPDATE virtual_numbers v SET delivered_at = d.delivered_at::timestamptz, expires_at = d.expires_at::timestamptz
        FROM ${rows} WHERE v.parcel_id = d.parcel_id AND v.delivered_at IS NULL`.execute(db);
    },

    /** Up to `limit` delivered, not yet erased rows delivered at or before `cutoff`. */
    async dueForErasure(cutoff: string, limit: number): Promise<{ id: string; order_id: string }[]> {
      const rows = await sql<{ id: string; order_id: string }>`
        SELECT id, order_id FROM virtual_numbers WHERE erased_at IS NULL AND delivered_at <= ${cutoff}
        ORDER BY delivered_at, id LIMIT ${limit}`.execute(db);
      return rows.rows;
    },

    /** Replaces the sealed phones by `marker` and retires the numbers. */
    async erase(ids: readonly string[], marker: string, now: string): Promise<number> {
      const result = await sql`
        UPDATE virtual_numbers SET phone_sealed = ${marker}, active = false, erased_at = ${now}
        WHERE id = ANY(${[...ids]}::text[]) AND erased_at IS NULL`.execute(db);
      return Number(result.numAffectedRows ?? 0n);
    },

    /** Sealed phones not under `activeKeyId` and not erased, after id `after`, in id order. */
    async staleSealed(activeKeyId: string, after: string, limit: number): Promise<{ id: string; phone_sealed: string }[]> {
      const rows = await sql<{ id: string; phone_sealed: string }>`
        SELECT id, phone_sealed FROM virtual_numbers
        WHERE id > ${after} AND erased_at IS NULL AND phone_sealed NOT LIKE ${`v1.${activeKeyId}.%`}
        ORDER BY id LIMIT ${limit}`.execute(db);
      return rows.rows;
    },

    /** Swaps a sealed phone unless it changed meanwhile; true when swapped. */
    async replaceSealed(id: string, previous: string, next: string): Promise<boolean> {
      const result = await sql`UPDATE virtual_numbers SET phone_sealed = ${next} WHERE id = ${id} AND phone_sealed = ${previous}`.execute(db);
      return Number(result.numAffectedRows ?? 0n) > 0;
    },
  };
}

export type VirtualNumberStore = ReturnType<typeof createVirtualNumberStore>;
