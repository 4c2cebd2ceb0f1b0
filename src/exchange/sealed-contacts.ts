/**
 * The exchange's sealed contact columns as the privacy capability needs them: read for audited
 * decryption, replaced by an erasure marker at the end of retention, and re-encrypted after a key
 * rotation. Only the exchange touches its tables; privacy reaches these through the index.
 */
import { sql, type Kysely } from 'kysely';

/** The sealed sides of one order; AAD of each is `orders/<order_id>/<side>`. */
export interface SealedOrderContacts {
  readonly order_id: string;
  readonly platform_id: string;
  readonly sender_sealed: string;
  readonly recipient_sealed: string;
}

/** The sealed recipient behind one waybill, with who carries it. */
export interface SealedWaybillRecipient {
  readonly order_id: string;
  readonly carrier_id: string;
  readonly platform_id: string;
  readonly recipient_sealed: string;
}

/** Who asks: platforms see their orders, carriers the orders behind their waybills, regulators all. */
export interface ContactViewer {
  readonly partyId: string;
  readonly partyKind: string;
}

/** Re-encrypts one token bound to `aad`, returning it unchanged when no rotation is needed. */
export type Reencrypt = (token: string, aad: string) => string;

/** Creates the sealed-contact access over a database. */
export function createSealedContacts(db: Kysely<object>) {
  return {
    /** The sealed contacts of those of `orderIds` the viewer may see; others are simply absent. */
    async visibleTo(viewer: ContactViewer, orderIds: readonly string[]): Promise<SealedOrderContacts[]> {
      if (orderIds.length === 0) return [];
      const visible =
        viewer.partyKind === 'regulator' ? sql`true`
        : viewer.partyKind === 'carrier' ? sql`EXISTS (SELECT 1 FROM waybills w WHERE w.order_id = o.id AND w.carrier_id = ${viewer.partyId})`
        : viewer.partyKind === 'platform' ? sql`o.platform_id = ${viewer.partyId}`
        : sql`false`;
      const rows = await sql<SealedOrderContacts>`
        SELECT o.id AS order_id, o.platform_id, o.sender_sealed, o.recipient_sealed FROM orders o
        WHERE o.id = ANY(${[...orderIds]}::text[]) AND ${visible}`.execute(db);
      return rows.rows;
    },

    /** The sealed recipient of a waybill, for allocating its virtual number. */
    async recipientOfWaybill(waybillId: string): Promise<SealedWaybillRecipient | undefined> {
      const rows = await sql<SealedWaybillRecipient>`
        SELECT o.id AS order_id, w.carrier_id, o.platform_id, o.recipient_sealed
        FROM waybills w JOIN orders o ON o.id = w.order_id WHERE w.id = ${waybillId}`.execute(db);
      return rows.rows[0];
    },

    /** Replaces both sealed sides of the orders by `marker`; returns how many orders changed. */
    async erase(orderIds: readonly string[], marker: string): Promise<number> {
      if (orderIds.length === 0) return 0;
      const result = await sql`
        UPDATE orders SET sender_sealed = ${marker}, recipient_sealed = ${marker}
        WHERE id = ANY(${[...orderIds]}::text[]) AND recipient_sealed <> ${marker}`.execute(db);
      return Number(result.numAffectedRows ?? 0n);
    },

    /**
     * Re-encrypts every order whose sealed sides are not under `activeKeyId`, `batchSize` rows
     * per statement so a live server keeps working; a row changed meanwhile is left for the next
     * run. Returns how many orders were re-encrypted.
     */
    async reencrypt(activeKeyId: string, reencrypt: Reencrypt, batchSize: number, isErased: (token: string) => boolean): Promise<number> {
      const current = `v1.${activeKeyId}.%`;
      let after = '';
      let count = 0;
      for (;;) {
        const batch = await sql<SealedOrderContacts>`
          SELECT id AS order_id, platform_id, sender_sealed, recipient_sealed FROM orders
          WHERE id > ${after} AND (sender_sealed NOT LIKE ${current} OR recipient_sealed NOT LIKE ${current})
          ORDER BY id LIMIT ${batchSize}`.execute(db);
        const last = batch.rows.at(-1);
        if (!last) return count;
        after = last.order_id;
        for (const row of batch.rows) {
          if (isErased(row.recipient_sealed)) continue;
          const sender = reencrypt(row.sender_sealed, `orders/${row.order_id}/sender`);
          const recipient = reencrypt(row.recipient_sealed, `orders/${row.order_id}/recipient`);
          const updated = await sql`
            UPDATE orders SET sender_sealed = ${sender}, recipient_sealed = ${recipient}
            WHERE id = ${row.order_id} AND sender_sealed = ${row.sender_sealed} AND recipient_sealed = ${row.recipient_sealed}`.execute(db);
          count += Number(updated.numAffectedRows ?? 0n);
        }
      }
    },
  };
}

export type SealedContacts = ReturnType<typeof createSealedContacts>;
