/**
 * @module AES-256-GCM encryption of single personal-data fields. The caller's AAD names the row
 * and field (`orders/<id>/recipient`), so a ciphertext copied to another row or field fails to
 * decrypt instead of silently showing someone else's data.
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { PrivacyError } from '../errors.ts';
import { keyById, type Keyring } from './keyring.ts';
import { formatFieldToken, parseFieldToken, TAG_BYTES, TOKEN_VERSION } from './field-token.ts';
import { nextIv } from './iv-pool.ts';

const ALGORITHM = 'aes-256-gcm';

/**
 * Encrypt `plaintext` under the active key, bound to `aad`:
 * `encryptField(keyring, '王小明', 'orders/o_1/recipient.name')` → `v1.k3f….<iv>.<ct>.<tag>`.
 * A random 96-bit IV per call; rotate well before 2³² encryptions under one key.
 */
export function encryptField(keyring: Keyring, plaintext: string, aad: string): string {
  const key = keyById(keyring, keyring.activeKeyId);
  const iv = nextIv();
  const cipher = createCipheriv(ALGORITHM, key.encryptionKey, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(boundAad(key.id, aad));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return formatFieldToken({ keyId: key.id, iv, ciphertext, tag: cipher.getAuthTag() });
}

/** Decrypt a token made by `encryptField` with the same `aad`; throws `decrypt_failed` if it does not authenticate. */
export function decryptField(keyring: Keyring, token: string, aad: string): string {
  const parts = parseFieldToken(token);
  const key = keyById(keyring, parts.keyId);
  const decipher = createDecipheriv(ALGORITHM, key.encryptionKey, parts.iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(boundAad(key.id, aad));
  decipher.setAuthTag(parts.tag);
  try {
    return Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]).toString('utf8');
  } catch (cause) {
    throw new PrivacyError(
      'decrypt_failed',
      `encrypted field under key "${key.id}" did not authenticate for "${aad}": ` +
        'it was altered, copied from another row or field, or the key material is wrong',
      { cause },
    );
  }
}

/** Whether a token was encrypted under a key other than the active one. */
export function needsReencryption(keyring: Keyring, token: string): boolean {
  return parseFieldToken(token).keyId !== keyring.activeKeyId;
}

/** The same plaintext under the active key; a token already under it is returned unchanged. */
export function reencryptField(keyring: Keyring, token: string, aad: string): string {
  if (!needsReencryption(keyring, token)) return token;
  return encryptField(keyring, decryptField(keyring, token, aad), aad);
}

// The token's version and key id are authenticated too, so they cannot be rewritten.
function boundAad(keyId: string, aad: string): Buffer {
  if (aad === '') {
    throw new PrivacyError(
      'invalid_argument',
      'an encrypted field needs a non-empty AAD naming its row and field, e.g. "orders/<id>/recipient"',
    );
  }
  return Buffer.from(`${TOKEN_VERSION}.${keyId}.${aad}`, 'utf8');
}
