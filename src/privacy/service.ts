/**
 * The privacy capability's service side: audited decryption, virtual numbers, the audit log for
 * regulators, retention on a schedule and re-encryption after a key rotation.
 */
import type { Kysely } from 'kysely';
import type { Subscriber } from '../platform/outbox/stream.ts';
import { createAuditStore, type AuditFilter } from './audit-store.ts';
import type { ContactVault } from './contact-vault.ts';
import type { Keyring } from './crypto/keyring.ts';
import { createDecryptService } from './decrypt-service.ts';
import { AUDIT_CSV_HEADER, auditCsvLine } from './model/audit-csv.ts';
import { createRateLimitStore } from './rate-limit-store.ts';
import { createRateLimiter } from './rate-limiter.ts';
import { reencryptVirtualNumbers } from './reencrypt-virtual-numbers.ts';
import { createRetentionService } from './retention-service.ts';
import { DEFAULT_PRIVACY_SETTINGS, type PrivacySettings } from './settings.ts';
import { createVirtualNumberService } from './virtual-number-service.ts';
import { createVirtualNumberStore } from './virtual-number-store.ts';

export interface PrivacyDeps {
  readonly db: Kysely<object>;
  readonly keyring: Keyring;
  readonly vault: ContactVault;
  readonly settings?: Partial<PrivacySettings>;
  /** Where the scheduled retention job reports failures. */
  readonly onError?: (error: unknown) => void;
}

/** Rows per page of the CSV export's internal paging. */
const EXPORT_PAGE = 1000;

/** Creates the privacy service. */
export function createPrivacyService(deps: PrivacyDeps) {
  const settings: PrivacySettings = { ...DEFAULT_PRIVACY_SETTINGS, ...deps.settings };
  const audit = createAuditStore(deps.db);
  const store = createVirtualNumberStore(deps.db);
  const limiter = createRateLimiter(
    createRateLimitStore(deps.db),
    {
      calls: { capacity: settings.decryptCallsPerMinute, periodSeconds: 60 },
      items: { capacity: settings.decryptItemsPerHour, periodSeconds: 3600 },
    },
    settings.now,
  );
  const decrypt = createDecryptService({ keyring: deps.keyring, vault: deps.vault, audit, limiter, now: settings.now });
  const virtualNumbers = createVirtualNumberService({ keyring: deps.keyring, vault: deps.vault, store, audit, settings });
  const retention = createRetentionService({ vault: deps.vault, store, audit, settings });
  let timer: NodeJS.Timeout | undefined;

  return {
    settings,
    decrypt: decrypt.decrypt,
    virtualNumberOf: virtualNumbers.forWaybill,
    resolveVirtualNumber: virtualNumbers.resolve,
    eraseExpired: retention.eraseExpired,
    appendAudit: audit.append,

    /** The outbox subscriber that allocates virtual numbers and starts their expiry at delivery. */
    subscriber: {
      name: 'privacy.virtual-numbers',
      types: ['waybill.created', 'parcel.tracking_updated'],
      handle: virtualNumbers.handleEvents,
    } satisfies Subscriber,

    /** One page of the audit log, oldest first. */
    listAudit(filter: AuditFilter, after: string | undefined, limit: number) {
      return audit.list(filter, after, limit);
    },

    /** The whole filtered log as CSV. */
    async exportAudit(filter: AuditFilter): Promise<string> {
      let csv = AUDIT_CSV_HEADER;
      let after: string | undefined;
      for (;;) {
        const page = await audit.list(filter, after, EXPORT_PAGE);
        for (const entry of page.slice(0, EXPORT_PAGE)) csv += auditCsvLine(entry);
        if (page.length <= EXPORT_PAGE) return csv;
        after = page[EXPORT_PAGE - 1]?.id;
      }
    },

    /** Re-encrypts this capability's sealed phones under the keyring's active key. */
    reencrypt: () => reencryptVirtualNumbers(store, deps.keyring),

    /** Runs retention every `retentionIntervalSeconds` until `stopSchedule`. */
    startSchedule(): void {
      timer ??= setInterval(() => {
        retention.eraseExpired().catch((error: unknown) => deps.onError?.(error));
      }, settings.retentionIntervalSeconds * 1000);
      timer.unref();
    },
    stopSchedule(): void {
      clearInterval(timer);
      timer = undefined;
    },
  };
}

export type PrivacyService = ReturnType<typeof createPrivacyService>;
