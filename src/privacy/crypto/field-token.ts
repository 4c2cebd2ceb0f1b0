/**
 * @module The text form of an encrypted field: `v1.<keyId>.<iv>.<ciphertext>.<tag>`, the last
 * three in base64url. It names its own key, so rotation needs no side table.
 */
import { PrivacyError } from '../errors.ts';

export const TOKEN_VERSION = 'v1';
/** GCM's recommended 96-bit nonce. */
export const IV_BYTES = 12;
/** Full 128-bit GCM tag; shorter tags weaken authentication. */
export const TAG_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** The parts of an encrypted field. */
export interface FieldToken {
  readonly keyId: string;
  readonly iv: Buffer;
  readonly ciphertext: Buffer;
  readonly tag: Buffer;
}

/** Write the parts as one token string. */
export function formatFieldToken(token: FieldToken): string {
  const parts = [token.iv, token.ciphertext, token.tag].map((part) => part.toString('base64url'));
  return [TOKEN_VERSION, token.keyId, ...parts].join('.');
}

/** Split a token string into its parts, or throw `malformed_token` saying what is wrong. */
export function parseFieldToken(text: string): FieldToken {
  const parts = text.split('.');
  if (parts.length !== 5) {
    throw malformed(
      `has ${parts.length} dot-separated parts, expected 5 (${TOKEN_VERSION}.<keyId>.<iv>.<ciphertext>.<tag>)`,
    );
  }
  const [version = '', keyId = '', iv = '', ciphertext = '', tag = ''] = parts;
  if (version !== TOKEN_VERSION) throw malformed(`has version "${version}"; this build reads ${TOKEN_VERSION}`);
  const token = {
    keyId,
    iv: decodePart('iv', iv),
    ciphertext: decodePart('ciphertext', ciphertext),
    tag: decodePart('tag', tag),
  };
  if (token.iv.length !== IV_BYTES) throw malformed(`has a ${token.iv.length}-byte iv, expected ${IV_BYTES}`);
  if (token.tag.length !== TAG_BYTES) throw malformed(`has a ${token.tag.length}-byte tag, expected ${TAG_BYTES}`);
  return token;
}

function decodePart(name: string, text: string): Buffer {
  if (!BASE64URL.test(text)) throw malformed(`has a ${name} that is not base64url`);
  return Buffer.from(text, 'base64url');
}

function malformed(reason: string): PrivacyError {
  return new PrivacyError(
    'malformed_token',
    `encrypted field ${reason}; it was truncated or is not a parcelgrid ciphertext`,
  );
}
