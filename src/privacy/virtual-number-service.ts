/**
 * Virtual numbers: each waybill gets a host number and a 4-digit extension that a telephony
 * gateway resolves to the recipient's real phone, until a configurable time after delivery.
 * Allocation and expiry follow the outbox (`waybill.created`, `parcel.tracking_updated`).
 */
import { DomainError, notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import type { EventEnvelope } from '../platform/outbox/envelope.ts';
import type { Principal } from '../platform/tenancy/model.ts';
import type { AuditStore } from './audit-store.ts';
import type { ContactVault } from './contact-vault.ts';
import { decryptField, encryptField } from './crypto/field-cipher.ts';
import type { Keyring } from './crypto/keyring.ts';
import { PrivacyError } from './errors.ts';
import { isErased } from './model/erasure.ts';
import { allocateExtension, formatVirtualNumber, virtualNumberExpiry } from './model/virtual-number.ts';
import type { PrivacySettings } from './settings.ts';
import type { VirtualNumberRow, VirtualNumberStore } from './virtual-number-store.ts';

export interface VirtualNumberDeps {
  readonly keyring: Keyring;
  readonly vault: ContactVault;
  readonly store: VirtualNumberStore;
  readonly audit: AuditStore;
  readonly settings: PrivacySettings;
}

/** The AAD that binds a sealed phone to its row. */
export const phoneAad = (id: string): string => `virtual_numbers/${id}/phone`;

/** A virtual number as parties see it: dialable, never the real phone. */
export function toVirtualNumber(row: VirtualNumberRow) {
  return {
    waybill_id: row.waybill_id,
    host: row.host,
    extension: row.extension,
    dial: formatVirtualNumber(row),
    active: row.active,
    expires_at: row.expires_at?.toISOString() ?? null,
  };
}

/** Creates the virtual-number use cases. */
export function createVirtualNumberService(deps: VirtualNumberDeps) {
  const { store, settings } = deps;

  /**
   * Active extensions per host for one batch of events: expired ones are released and each host's
   * set read once per batch, then kept up to date as this batch allocates.
   */
  function activeExtensionCache(now: string) {
    let released = false;
    const byHost = new Map<string, Set<string>>();
    return async (host: string): Promise<Set<string>> => {
      if (!released) {
        await store.releaseExpired(now);
        released = true;
      }
      const cached = byHost.get(host) ?? (await store.activeExtensions(host));
      byHost.set(host, cached);
      return cached;
    };
  }

  async function allocate(data: { waybill_id: string; parcel_id: string }, activeOf: (host: string) => Promise<Set<string>>, now: string): Promise<void> {
    if (await store.findByWaybill(data.waybill_id)) return;
    const recipient = await deps.vault.recipientOfWaybill(data.waybill_id);
    if (!recipient || isErased(recipient.recipient_sealed)) return;
    const contact = JSON.parse(decryptField(deps.keyring, recipient.recipient_sealed, `orders/${recipient.order_id}/recipient`)) as { phone: string };
    const id = newId('vn');
    for (const host of settings.virtualNumberHosts) {
      const active = await activeOf(host);
      let extension: string;
      try {
        extension = allocateExtension(active, Math.random);
      } catch (error) {
        if (error instanceof PrivacyError && error.code === 'extensions_exhausted') continue;
        throw error;
      }
      await store.insert({
        id,
        waybill_id: data.waybill_id,
        order_id: recipient.order_id,
        parcel_id: data.parcel_id,
        carrier_id: recipient.carrier_id,
        platform_id: recipient.platform_id,
        host,
        extension,
        phone_sealed: encryptField(deps.keyring, contact.phone, phoneAad(id)),
        created_at: now,
      });
      active.add(extension);
      return;
    }
    throw new PrivacyError('extensions_exhausted', `every host number (${settings.virtualNumberHosts.join(', ')}) has all 10,000 extensions active; configure another in PARCELGRID_VIRTUAL_NUMBER_HOSTS`);
  }

  return {
    /** The outbox subscriber: allocate on `waybill.created`, start the expiry clock on delivery. */
    async handleEvents(events: readonly EventEnvelope[]): Promise<void> {
      const now = settings.now().toISOString();
      const activeOf = activeExtensionCache(now);
      // Deliveries are written together; the first one of a parcel counts, as it would one by one.
      // They are flushed before an allocation so that events still apply in their order.
      const deliveries = new Map<string, { parcelId: string; deliveredAt: string; expiresAt: string }>();
      const flushDeliveries = async () => {
        await store.markDelivered([...deliveries.values()]);
        deliveries.clear();
      };
      for (const event of events) {
        if (event.type === 'waybill.created') {
          await flushDeliveries();
          await allocate(event.data as { waybill_id: string; parcel_id: string }, activeOf, now);
        } else if (event.type === 'parcel.tracking_updated') {
          const data = event.data as { parcel_id: string; status: string; last_event_at: string | null };
          if (data.status !== 'delivered' || deliveries.has(data.parcel_id)) continue;
          const deliveredAt = data.last_event_at ?? event.occurred_at;
          deliveries.set(data.parcel_id, { parcelId: data.parcel_id, deliveredAt, expiresAt: virtualNumberExpiry(deliveredAt, settings.virtualNumberDays) });
        }
      }
      await flushDeliveries();
    },

    /** The number of a waybill, for its carrier and platform; others get 404. */
    async forWaybill(principal: Principal, waybillId: string) {
      const row = await store.findByWaybill(waybillId);
      if (!row || (row.carrier_id !== principal.partyId && row.platform_id !== principal.partyId)) throw notFound(`virtual number of waybill ${waybillId}`);
      return toVirtualNumber(row);
    },

    /** The telephony gateway's lookup: the real phone behind a live number of this carrier, audited. */
    async resolve(principal: Principal, input: { host: string; extension: string; actor?: { id: string; name?: string } }, ip: string) {
      const row = await store.findByNumber(input.host, input.extension);
      if (!row || row.carrier_id !== principal.partyId) throw notFound(`virtual number ${input.host}-${input.extension}`);
      const now = settings.now();
      if (!row.active || isErased(row.phone_sealed) || (row.expires_at !== null && row.expires_at <= now)) {
        throw new DomainError('virtual_number_expired', `virtual number ${input.host}-${input.extension} expired${row.expires_at ? ` at ${row.expires_at.toISOString()}` : ''} (${settings.virtualNumberDays} days after delivery); contact the recipient through the platform instead`);
      }
      const phone = decryptField(deps.keyring, row.phone_sealed, phoneAad(row.id));
      await deps.audit.append({
        action: 'resolve_virtual_number',
        actor: {
          party: { id: principal.partyId, code: principal.partyCode, kind: principal.partyKind, keyId: principal.keyId },
          actorId: input.actor?.id ?? 'telephony-gateway',
          actorName: input.actor?.name,
          ip,
        },
        occurredAt: now.toISOString(),
        purpose: 'delivery',
        subjectPartyIds: [row.platform_id],
        items: [{ waybill_id: row.waybill_id, order_id: row.order_id, host: row.host, extension: row.extension }],
      });
      return { ...toVirtualNumber(row), phone };
    },
  };
}

export type VirtualNumberService = ReturnType<typeof createVirtualNumberService>;
