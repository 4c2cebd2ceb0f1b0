/**
 * @module The in-memory keyring: which master keys exist, which one encrypts new data and which
 * one roots the blind indexes. Only keys derived by HKDF are kept here; the master secrets stay in
 * the keyring file or the environment, so a keyring object that ends up in a log reveals nothing.
 */
import { createHash, createSecretKey, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import { PrivacyError } from '../errors.ts';

/** Master secrets are 32 random bytes (AES-256). */
export const MASTER_KEY_BYTES = 32;
// Key ids appear inside ciphertext tokens, which use "." as separator.
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
// HKDF "info" strings separate the subkeys; changing one makes existing data unreadable.
const FIELD_ENCRYPTION_INFO = 'parcelgrid field encryption v1';
const BLIND_INDEX_INFO = 'parcelgrid blind index v1';

/** A master key as stored or configured. */
export interface MasterKeyRecord {
  readonly id: string;
  readonly secret: Buffer;
  /** When the key was generated (UTC ISO); for configured keys, when it was loaded. */
  readonly createdAt: string;
}

/** One master key's derived subkeys. */
export interface DataKey {
  readonly id: string;
  readonly createdAt: string;
  /** AES-256-GCM key for personal data fields. */
  readonly encryptionKey: KeyObject;
  /** HMAC-SHA256 key for blind indexes; only the keyring's index key's one is used. */
  readonly blindIndexKey: KeyObject;
}

export interface Keyring {
  /** The key that encrypts new data. */
  readonly activeKeyId: string;
  /**
   * The key whose blind-index subkey computes every index. It stays fixed across rotations
   * (indexes would otherwise need rebuilding from plaintext), so it is never dropped.
   */
  readonly indexKeyId: string;
  /** Every key that may still have data encrypted under it, by id. */
  readonly keys: ReadonlyMap<string, DataKey>;
}

/** Build a keyring from master keys, checking ids, sizes and that both named keys are present. */
export function createKeyring(records: readonly MasterKeyRecord[], activeKeyId: string, indexKeyId: string): Keyring {
  const keys = new Map<string, DataKey>();
  for (const record of records) {
    assertKeyId(record.id);
    if (record.secret.length !== MASTER_KEY_BYTES) {
      throw new PrivacyError(
        'invalid_key',
        `master key "${record.id}" is ${record.secret.length} bytes; it must be ${MASTER_KEY_BYTES} random bytes`,
      );
    }
    if (keys.has(record.id)) throw new PrivacyError('invalid_key', `master key id "${record.id}" appears twice`);
    keys.set(record.id, deriveDataKey(record));
  }
  for (const [role, id] of [['active', activeKeyId], ['blind index', indexKeyId]] as const) {
    if (!keys.has(id)) throw new PrivacyError('invalid_key', `the ${role} key "${id}" is not among the keyring's keys`);
  }
  return { activeKeyId, indexKeyId, keys };
}

/** The key with this id, or `unknown_key` naming what the keyring holds. */
export function keyById(keyring: Keyring, id: string): DataKey {
  const key = keyring.keys.get(id);
  if (key === undefined) {
    throw new PrivacyError(
      'unknown_key',
      `data was encrypted under key "${id}", which this keyring does not hold ` +
        `(it has ${[...keyring.keys.keys()].join(', ')}); ` +
        'reload the keyring after a rotation, or restore the missing key',
      { details: { keyId: id } },
    );
  }
  return key;
}

/** A fresh random master key. */
export function generateMasterKey(now: Date): MasterKeyRecord {
  const secret = randomBytes(MASTER_KEY_BYTES);
  return { id: deriveKeyId(secret), secret, createdAt: now.toISOString() };
}

/** A stable short id for a secret, so configured keys need no explicit id: `k` + 12 hex digits. */
export function deriveKeyId(secret: Buffer): string {
  return `k${createHash('sha256').update('parcelgrid key id\0').update(secret).digest('hex').slice(0, 12)}`;
}

// Throws `invalid_key` unless `id` can be used as a key id.
function assertKeyId(id: string): void {
  if (!KEY_ID.test(id)) {
    throw new PrivacyError('invalid_key', `key id "${id}" must be 1 to 32 letters, digits, "_" or "-"`);
  }
}

function deriveDataKey(record: MasterKeyRecord): DataKey {
  const derive = (info: string): KeyObject =>
    createSecretKey(Buffer.from(hkdfSync('sha256', record.secret, Buffer.alloc(0), info, MASTER_KEY_BYTES)));
  return {
    id: record.id,
    createdAt: record.createdAt,
    encryptionKey: derive(FIELD_ENCRYPTION_INFO),
    blindIndexKey: derive(BLIND_INDEX_INFO),
  };
}

/** A one-key keyring that lives only in memory and dies with the process: for tests and benchmarks. */
export function createEphemeralKeyring(now: Date = new Date()): Keyring {
  const key = generateMasterKey(now);
  return createKeyring([key], key.id, key.id);
}
