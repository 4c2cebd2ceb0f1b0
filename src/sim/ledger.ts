// The simulator's own account of what it sent and what the platform should therefore say:
// counts of orders, requests, waybills and scan uploads, and for each parcel the status its
// latest acknowledged scan implies. The platform folds scans by when they happened, not when
// they arrived, so a late or duplicated upload changes nothing here either; a test compares
// these expectations with the platform's parcel list exactly.
import type { ExpectedStatus } from './carrier-codes.ts';

/** A parcel as the ledger tracks it; `status` is `created` until its first scan is acknowledged. */
export interface LedgerParcel {
  readonly waybillNo: string;
  readonly carrierCode: string;
  readonly destinationAdcode: number;
  status: ExpectedStatus | 'created';
  /** Sim time of the latest acknowledged scan, -Infinity before the first. */
  lastOccurredMs: number;
}

export interface LedgerCounts {
  orders: number;
  shippingRequests: number;
  waybills: number;
  /** Scan uploads the platform stored as new events. */
  eventsCreated: number;
  /** Uploads it recognised as re-sent copies (our duplicated uploads). */
  eventsDuplicate: number;
  /** Uploads it refused; always a bug in the simulator or the platform. */
  eventsRejected: number;
  /** Scans uploaded after a later scan of the same parcel had already gone. */
  eventsOutOfOrder: number;
}

export interface Ledger {
  readonly counts: Readonly<LedgerCounts>;
  readonly parcels: ReadonlyMap<string, LedgerParcel>;
  /** The first rejection the platform gave, to report. */
  readonly firstRejection: string | null;
  orderPlaced(): void;
  shippingRequested(): void;
  waybillIssued(parcel: Omit<LedgerParcel, 'status' | 'lastOccurredMs'>): LedgerParcel;
  /** Records the platform's answer to one uploaded scan. */
  scanAnswered(parcel: LedgerParcel, occurredAtMs: number, status: ExpectedStatus, result: 'created' | 'duplicate' | 'rejected', error?: string): void;
  /** Parcels per expected status. */
  statusCounts(): Record<string, number>;
}

/** An empty ledger. */
export function createLedger(): Ledger {
  const counts: LedgerCounts = { orders: 0, shippingRequests: 0, waybills: 0, eventsCreated: 0, eventsDuplicate: 0, eventsRejected: 0, eventsOutOfOrder: 0 };
  const parcels = new Map<string, LedgerParcel>();
  let firstRejection: string | null = null;
  return {
    counts,
    parcels,
    get firstRejection() {
      return firstRejection;
    },
    orderPlaced: () => void (counts.orders += 1),
    shippingRequested: () => void (counts.shippingRequests += 1),
    waybillIssued(input) {
      const parcel: LedgerParcel = { ...input, status: 'created', lastOccurredMs: -Infinity };
      parcels.set(parcel.waybillNo, parcel);
      counts.waybills += 1;
      return parcel;
    },
    scanAnswered(parcel, occurredAtMs, status, result, error) {
      if (result === 'rejected') {
        counts.eventsRejected += 1;
        firstRejection ??= `${parcel.waybillNo}: ${error ?? 'rejected'}`;
        return;
      }
      if (result === 'duplicate') {
        counts.eventsDuplicate += 1;
        return;
      }
      counts.eventsCreated += 1;
      if (occurredAtMs > parcel.lastOccurredMs) {
        parcel.status = status;
        parcel.lastOccurredMs = occurredAtMs;
      } else {
        counts.eventsOutOfOrder += 1;
      }
    },
    statusCounts() {
      const byStatus: Record<string, number> = {};
      for (const parcel of parcels.values()) byStatus[parcel.status] = (byStatus[parcel.status] ?? 0) + 1;
      return byStatus;
    },
  };
}
