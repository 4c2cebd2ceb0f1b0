/**
 * Retention: a set time after delivery (default 90 days) the order's sealed contacts and the
 * virtual number's sealed phone are replaced by an erasure marker. Masked copies and statistics
 * stay. Each batch is reported in the audit log as a system action listing the orders.
 */
import type { AuditStore } from './audit-store.ts';
import type { ContactVault } from './contact-vault.ts';
import { erasureMarker } from './model/erasure.ts';
import type { PrivacySettings } from './settings.ts';
import type { VirtualNumberStore } from './virtual-number-store.ts';

const DAY_MS = 86_400_000;
/** Orders erased per statement, so a long backlog never holds locks for long. */
const BATCH = 500;

/** What one run erased. */
export interface ErasureReport {
  /** Parcels delivered at or before this time had their personal data erased. */
  readonly cutoff: string;
  readonly orders_erased: number;
  readonly virtual_numbers_erased: number;
  /** Virtual numbers that passed their expiry and were freed for reuse. */
  readonly virtual_numbers_released: number;
}

export interface RetentionDeps {
  readonly vault: ContactVault;
  readonly store: VirtualNumberStore;
  readonly audit: AuditStore;
  readonly settings: PrivacySettings;
}

/** Creates the retention job. */
export function createRetentionService(deps: RetentionDeps) {
  return {
    /** Erases what is past retention at `now` (the settings' clock by default) and reports it. */
    async eraseExpired(now: Date = deps.settings.now()): Promise<ErasureReport> {
      const at = now.toISOString();
      const cutoff = new Date(now.getTime() - deps.settings.retentionDays * DAY_MS).toISOString();
      const marker = erasureMarker(at);
      const released = await deps.store.releaseExpired(at);
      let orders = 0;
      let numbers = 0;
      for (;;) {
        const due = await deps.store.dueForErasure(cutoff, BATCH);
        if (due.length === 0) break;
        const orderIds = due.map((row) => row.order_id);
        const erasedOrders = await deps.vault.erase(orderIds, marker);
        const erasedNumbers = await deps.store.erase(due.map((row) => row.id), marker, at);
        orders += erasedOrders;
        numbers += erasedNumbers;
        await deps.audit.append({
          action: 'erase_expired',
          actor: { actorId: 'system:retention' },
          occurredAt: at,
          purpose: `retention ${deps.settings.retentionDays} days after delivery`,
          items: orderIds.map((order_id) => ({ order_id })),
        });
      }
      return { cutoff, orders_erased: orders, virtual_numbers_erased: numbers, virtual_numbers_released: released };
    },
  };
}

export type RetentionService = ReturnType<typeof createRetentionService>;
