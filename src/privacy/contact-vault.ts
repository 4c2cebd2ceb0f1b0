/**
 * What privacy needs from the capability that keeps sealed contacts (the exchange), as a port:
 * the composition root passes the exchange's implementation, so privacy never reads its tables.
 */

/** The sealed sides of one order; the AAD of each is `orders/<order_id>/<side>`. */
export interface SealedContactPair {
  readonly order_id: string;
  readonly platform_id: string;
  readonly sender_sealed: string;
  readonly recipient_sealed: string;
}

export interface ContactVault {
  /** The orders among `orderIds` this party may see (platform: own; carrier: behind its waybills; regulator: all). */
  visibleTo(viewer: { partyId: string; partyKind: string }, orderIds: readonly string[]): Promise<SealedContactPair[]>;
  /** The sealed recipient of a waybill, with its carrier and platform. */
  recipientOfWaybill(waybillId: string): Promise<{ order_id: string; carrier_id: string; platform_id: string; recipient_sealed: string } | undefined>;
  /** Replaces both sealed sides of the orders by the marker; returns how many changed. */
  erase(orderIds: readonly string[], marker: string): Promise<number>;
}
