/**
 * @module Where the running platform gets its keyring: configured keys when there are any,
 * otherwise the keyring file, generated at first start.
 */
import { PrivacyError } from '../errors.ts';
import { keyringFromConfiguredKeys, type ConfiguredKeys } from './configured-keys.ts';
import { createKeyring, generateMasterKey, type Keyring } from './keyring.ts';
import { keyringPath, readKeyringFile, writeKeyringFile, type KeyringFile } from './keyring-file.ts';

export interface LoadKeyringOptions {
  /** The platform's data folder; the keyring file is `<dataDir>/keys/keyring.json`. */
  readonly dataDir: string;
  /** Keys from configuration (see `configuredKeysFromEnv`); when set, the keyring file is not used. */
  readonly configuredKey?: ConfiguredKeys;
  /** The clock, for the new key's `createdAt`. */
  readonly now?: Date;
}

/**
 * The keyring to run with. Call it again to pick up a rotation made by another process (for
 * example after `decryptField` reports `unknown_key`).
 */
export function loadOrCreateKeyring(options: LoadKeyringOptions): Keyring {
  const now = options.now ?? new Date();
  if (options.configuredKey !== undefined) return keyringFromConfiguredKeys(options.configuredKey, now);
  const path = keyringPath(options.dataDir);
  const existing = readKeyringFile(path);
  if (existing !== undefined) return keyringFromFile(existing);
  const first = generateMasterKey(now);
  const created: KeyringFile = { activeKeyId: first.id, indexKeyId: first.id, keys: [first] };
  // Another process may have created the file meanwhile; then its keyring is the one to use.
  if (writeKeyringFile(path, created, { replace: false })) return keyringFromFile(created);
  return loadOrCreateKeyring(options);
}

/**
 * Add a new master key to the keyring file and make it the active one; older keys stay for
 * decryption and the blind-index key does not change. Run `reencryptField` over stored data
 * afterwards, and reload the keyring in running processes.
 */
export function rotateKeyring(dataDir: string, now: Date = new Date()): Keyring {
  const path = keyringPath(dataDir);
  const current = readKeyringFile(path);
  if (current === undefined) {
    throw new PrivacyError(
      'invalid_argument',
      `no keyring at ${path} to rotate; start parcelgrid once to create it, or rotate configured keys in the configuration`,
    );
  }
  const added = generateMasterKey(now);
  const rotated: KeyringFile = { ...current, activeKeyId: added.id, keys: [...current.keys, added] };
  writeKeyringFile(path, rotated, { replace: true });
  return keyringFromFile(rotated);
}

function keyringFromFile(file: KeyringFile): Keyring {
  return createKeyring(file.keys, file.activeKeyId, file.indexKeyId);
}
