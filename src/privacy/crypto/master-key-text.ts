import { PrivacyError } from '../errors.ts';
import { MASTER_KEY_BYTES } from './keyring.ts';

// 32 bytes are 43 base64 characters plus one "=" of padding; base64url spellings are accepted too.
const BASE64_32_BYTES = /^[A-Za-z0-9+/_-]{43}=?$/;

/** Decode a master key written as base64; `source` names where it came from for the error message. */
export function decodeMasterKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  if (!BASE64_32_BYTES.test(trimmed)) {
    throw new PrivacyError(
      'invalid_key',
      `${source} must be ${MASTER_KEY_BYTES} random bytes in base64 (44 characters), e.g. from "openssl rand -base64 32"`,
    );
  }
  return Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

/** Encode a master key the way `decodeMasterKey` reads it. */
export function encodeMasterKey(secret: Buffer): string {
  return secret.toString('base64');
}
