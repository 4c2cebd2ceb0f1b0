/**
 * @module Blind indexes: keyed hashes that let the database match personal data (find duplicate
 * recipients, check the last 4 phone digits on public tracking) without holding it in plaintext.
 */
import { createHmac } from 'node:crypto';
import { PrivacyError } from '../errors.ts';
import { normalizePhone, phoneLast4 } from '../model/phone.ts';
import { keyById, type Keyring } from './keyring.ts';

// 128 bits: collisions stay negligible at any realistic table size, and the column stays short.
const INDEX_HEX_LENGTH = 32;
const PURPOSE = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * HMAC-SHA256 of `value` under the keyring's blind-index key, as 32 hex characters. `purpose`
 * (`recipient_name`, …) is hashed in, so equal values under different purposes do not match.
 * Values are compared after Unicode NFKC, trimming, collapsing spaces and lower-casing.
 * Low-entropy values (4 digits) are only as secret as the key: never expose indexes publicly.
 */
export function blindIndex(keyring: Keyring, value: string, purpose: string): string {
  if (!PURPOSE.test(purpose)) {
    throw new PrivacyError(
      'invalid_argument',
      `blind index purpose "${purpose}" must be lower-case letters, digits and "_"`,
    );
  }
  const normalized = value.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
  return createHmac('sha256', keyById(keyring, keyring.indexKeyId).blindIndexKey)
    .update(`${purpose}\0${normalized}`, 'utf8')
    .digest('hex')
    .slice(0, INDEX_HEX_LENGTH);
}

/** Blind index of a whole phone number in canonical form, so `+86 138-1234-1234` matches `13812341234`. */
export function phoneBlindIndex(keyring: Keyring, phone: string): string {
  return blindIndex(keyring, normalizePhone(phone).canonical, 'phone');
}

/**
 * Blind index of a phone's last 4 digits, for tracking look-ups that ask for them. Takes a full
 * phone number (when storing) or just the 4 digits a visitor typed (when looking up).
 */
export function phoneLast4BlindIndex(keyring: Keyring, phoneOrLast4: string): string {
  const trimmed = phoneOrLast4.trim();
  const last4 = /^\d{4}$/.test(trimmed) ? trimmed : phoneLast4(trimmed);
  return blindIndex(keyring, last4, 'phone_last4');
}
