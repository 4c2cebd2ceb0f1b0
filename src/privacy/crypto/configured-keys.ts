/**
 * @module Master keys supplied by configuration instead of the keyring file, for deployments that
 * keep secrets in an environment or a secret manager.
 */
import { PrivacyError } from '../errors.ts';
import { createKeyring, deriveKeyId, type Keyring, type MasterKeyRecord } from './keyring.ts';
import { decodeMasterKey } from './master-key-text.ts';

/** A master key in base64, with an id or none (then it is derived from the key). */
export interface ConfiguredKey {
  readonly keyBase64: string;
  readonly keyId?: string;
}

/** The active key and, during a rotation, the older keys data may still be under (newest first). */
export interface ConfiguredKeys extends ConfiguredKey {
  readonly previousKeys?: readonly ConfiguredKey[];
}

/**
 * Read configured keys from the environment, or undefined when none is set:
 * `PARCELGRID_MASTER_KEY` (base64, 32 bytes), `PARCELGRID_MASTER_KEY_ID` (optional) and
 * `PARCELGRID_PREVIOUS_MASTER_KEYS` (optional, comma-separated `id:base64` or `base64`, newest first).
 */
export function configuredKeysFromEnv(env: NodeJS.ProcessEnv): ConfiguredKeys | undefined {
  const keyBase64 = env['PARCELGRID_MASTER_KEY'];
  if (keyBase64 === undefined || keyBase64.trim() === '') return undefined;
  const keyId = env['PARCELGRID_MASTER_KEY_ID'];
  const previous = (env['PARCELGRID_PREVIOUS_MASTER_KEYS'] ?? '').split(',').filter((entry) => entry.trim() !== '');
  return {
    keyBase64,
    ...(keyId === undefined || keyId === '' ? {} : { keyId }),
    ...(previous.length === 0 ? {} : { previousKeys: previous.map(parsePreviousKey) }),
  };
}

/**
 * A keyring from configured keys. Blind indexes derive from the oldest key (the last previous
 * key, or the active one when there is none), so they survive rotating the active key; that
 * oldest key must therefore stay configured.
 */
export function keyringFromConfiguredKeys(configured: ConfiguredKeys, now: Date): Keyring {
  const toRecord = (key: ConfiguredKey, source: string): MasterKeyRecord => {
    const secret = decodeMasterKey(key.keyBase64, source);
    return { id: key.keyId ?? deriveKeyId(secret), secret, createdAt: now.toISOString() };
  };
  const active = toRecord(configured, 'PARCELGRID_MASTER_KEY');
  const previous = (configured.previousKeys ?? []).map((key, index) =>
    toRecord(key, `PARCELGRID_PREVIOUS_MASTER_KEYS entry ${index + 1}`),
  );
  const oldest = previous.at(-1) ?? active;
  return createKeyring([active, ...previous], active.id, oldest.id);
}

function parsePreviousKey(entry: string, index: number): ConfiguredKey {
  const parts = entry.trim().split(':');
  const [first = '', second] = parts;
  if (parts.length > 2) {
    throw new PrivacyError(
      'invalid_key',
      `PARCELGRID_PREVIOUS_MASTER_KEYS entry ${index + 1} must be "id:base64" or "base64", separated by commas`,
    );
  }
  return second === undefined ? { keyBase64: first } : { keyId: first, keyBase64: second };
}
