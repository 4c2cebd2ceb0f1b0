/**
 * Audited decryption: a party names a purpose (scene), the person acting and at most 100 orders,
 * and gets the full contacts of those it may see. Every call that reaches data is written to the
 * audit log before anything is returned; another party's order answers 404 for that item.
 */
import { DomainError } from '../platform/errors.ts';
import type { Principal } from '../platform/tenancy/model.ts';
import type { AuditStore } from './audit-store.ts';
import type { ContactVault, SealedContactPair } from './contact-vault.ts';
import { decryptField } from './crypto/field-cipher.ts';
import type { Keyring } from './crypto/keyring.ts';
import { PrivacyError } from './errors.ts';
import { isErased } from './model/erasure.ts';
import { parseScene, REGULATOR_SCENES, SCENE_CODES, type Scene } from './model/scenes.ts';
import type { RateLimiter, RateLimitVerdict } from './rate-limiter.ts';

/** The most orders one call may decrypt (issue #3). */
export const MAX_DECRYPT_ITEMS = 100;
const SIDES = ['sender', 'recipient'] as const;
type Side = (typeof SIDES)[number];

export interface DecryptInput {
  readonly purpose: string;
  readonly case_ref?: string;
  readonly actor: { readonly id: string; readonly name?: string };
  readonly items: readonly { readonly order_id: string; readonly fields?: readonly Side[] }[];
}

/** A contact as the order carried it, decrypted. */
export interface FullContact {
  readonly name: string;
  readonly phone: string;
  readonly address: { province: string; city: string; district: string; street: string; detail: string; admin_code: string; lng: number; lat: number };
}

/** One item's answer: the contacts with status 200, or the per-item problem. */
export interface DecryptedItem {
  readonly order_id: string;
  readonly status: 200 | 404 | 410;
  readonly sender?: FullContact;
  readonly recipient?: FullContact;
  readonly error?: { readonly code: string; readonly message: string };
}

export interface DecryptDeps {
  readonly keyring: Keyring;
  readonly vault: ContactVault;
  readonly audit: AuditStore;
  readonly limiter: RateLimiter;
  readonly now: () => Date;
}

/** The call's context: where it came from, and where the rate-limit figures go (response headers). */
export interface CallContext {
  readonly ip: string;
  readonly onRateLimit: (verdict: RateLimitVerdict) => void;
}

/** Creates the decrypt use case. */
export function createDecryptService(deps: DecryptDeps) {
  return {
    async decrypt(principal: Principal, input: DecryptInput, context: CallContext) {
      const purpose = checkedPurpose(principal, input);
      if (input.items.length > MAX_DECRYPT_ITEMS) {
        throw new DomainError('batch_too_large', `a decrypt call takes at most ${MAX_DECRYPT_ITEMS} items; this one has ${input.items.length}. Split it into several calls`);
      }
      const verdict = await deps.limiter.take(principal.keyId, input.items.length);
      context.onRateLimit(verdict);
      if (!verdict.allowed) {
        throw new DomainError('rate_limited', `decryption is limited to ${verdict.exceeded} per key; retry in ${verdict.retryAfterSeconds} s`, { details: { retry_after_seconds: verdict.retryAfterSeconds } });
      }
      const found = await deps.vault.visibleTo(principal, [...new Set(input.items.map((item) => item.order_id))]);
      const byId = new Map(found.map((row) => [row.order_id, row]));
      const items = input.items.map((item) => openItem(deps.keyring, byId.get(item.order_id), item.order_id, item.fields ?? SIDES));
      const auditId = await deps.audit.append({
        action: 'decrypt',
        actor: {
          party: { id: principal.partyId, code: principal.partyCode, kind: principal.partyKind, keyId: principal.keyId },
          actorId: input.actor.id,
          actorName: input.actor.name,
          ip: context.ip,
        },
        occurredAt: deps.now().toISOString(),
        purpose,
        caseRef: input.case_ref,
        subjectPartyIds: [...new Set(found.map((row) => row.platform_id))],
        items: input.items.map((item, index) => ({ order_id: item.order_id, fields: item.fields ?? SIDES, status: items[index]?.status })),
      });
      return { audit_id: auditId, purpose, items };
    },
  };
}

// The scene, checked against who is asking: regulators only for a named case, others never for regulators' scenes.
function checkedPurpose(principal: Principal, input: DecryptInput): Scene {
  let purpose: Scene;
  try {
    purpose = parseScene(input.purpose);
  } catch (error) {
    if (!(error instanceof PrivacyError)) throw error;
    throw new DomainError('unknown_purpose', error.message, { details: { valid_purposes: SCENE_CODES } });
  }
  const regulatorScene = REGULATOR_SCENES.includes(purpose);
  if (principal.partyKind === 'regulator') {
    if (!regulatorScene) throw new DomainError('forbidden', `a regulator decrypts only for ${REGULATOR_SCENES.join(' or ')}`);
    if (!input.case_ref?.trim()) throw new DomainError('validation_failed', `purpose ${purpose} needs a case_ref naming the case file`);
  } else if (regulatorScene) {
    throw new DomainError('forbidden', `purpose ${purpose} is for regulators; use one of ${SCENE_CODES.filter((code) => !REGULATOR_SCENES.includes(code)).join(', ')}`);
  }
  return purpose;
}

function openItem(keyring: Keyring, row: SealedContactPair | undefined, orderId: string, fields: readonly Side[]): DecryptedItem {
  if (!row) return { order_id: orderId, status: 404, error: { code: 'not_found', message: `order ${orderId} was not found` } };
  if (isErased(row.recipient_sealed)) {
    return { order_id: orderId, status: 410, error: { code: 'personal_data_erased', message: `order ${orderId}'s personal data was erased after its retention period` } };
  }
  const contacts: Partial<Record<Side, FullContact>> = {};
  for (const side of new Set(fields)) {
    contacts[side] = JSON.parse(decryptField(keyring, row[`${side}_sealed`], `orders/${orderId}/${side}`)) as FullContact;
  }
  return { order_id: orderId, status: 200, ...contacts };
}
