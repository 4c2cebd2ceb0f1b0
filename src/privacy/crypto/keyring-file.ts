/**
 * @module The keyring file `<dataDir>/keys/keyring.json`: master keys generated at first start,
 * readable by the owner only. Writes go to a temporary file that is synced and then moved into
 * place, so a crash never leaves a half-written keyring and losing keys never loses data.
 */
import {
  chmodSync,
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { PrivacyError } from '../errors.ts';
import type { MasterKeyRecord } from './keyring.ts';
import { decodeMasterKey, encodeMasterKey } from './master-key-text.ts';

const FORMAT = 'parcelgrid-keyring/1';
const FILE_MODE = 0o600;
const FOLDER_MODE = 0o700;
// Permission bits for group and others; any of them set means someone else may read the keys.
const GROUP_OR_OTHER = 0o077;

/** The keyring file's content. */
export interface KeyringFile {
  readonly activeKeyId: string;
  readonly indexKeyId: string;
  readonly keys: readonly MasterKeyRecord[];
}

/** Where the keyring file lives under a data folder. */
export function keyringPath(dataDir: string): string {
  return join(dataDir, 'keys', 'keyring.json');
}

/** Read the keyring file, or undefined if there is none; refuses one that others may read. */
export function readKeyringFile(path: string): KeyringFile | undefined {
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  // Windows has no POSIX permission bits to check.
  if (process.platform !== 'win32' && (mode & GROUP_OR_OTHER) !== 0) {
    throw new PrivacyError(
      'insecure_keyring',
      `keyring ${path} has mode ${(mode & 0o777).toString(8).padStart(4, '0')}, so other users may read the master keys; ` +
        `run "chmod 600 ${path}" (and consider rotating the keys) before starting again`,
    );
  }
  return parseKeyringFile(readFileSync(path, 'utf8'), path);
}

/**
 * Write the keyring file with mode 0600 in a 0700 folder. With `replace: false` an existing file
 * wins and false is returned, so two processes starting at once agree on one keyring.
 */
export function writeKeyringFile(path: string, file: KeyringFile, options: { replace: boolean }): boolean {
  const folder = dirname(path);
  mkdirSync(folder, { recursive: true, mode: FOLDER_MODE });
  chmodSync(folder, FOLDER_MODE);
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  writeDurably(temporary, serializeKeyringFile(file));
  try {
    if (options.replace) {
      renameSync(temporary, path);
      return true;
    }
    linkSync(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkIfPresent(temporary);
    syncFolder(folder);
  }
}

function serializeKeyringFile(file: KeyringFile): string {
  const keys = file.keys.map((key) => ({ id: key.id, secret: encodeMasterKey(key.secret), createdAt: key.createdAt }));
  const content = { format: FORMAT, activeKeyId: file.activeKeyId, indexKeyId: file.indexKeyId, keys };
  return `${JSON.stringify(content, null, 2)}\n`;
}

function parseKeyringFile(text: string, path: string): KeyringFile {
  const corrupt = (reason: string): PrivacyError =>
    new PrivacyError('corrupt_keyring', `keyring ${path} ${reason}; restore it from a backup`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new PrivacyError('corrupt_keyring', `keyring ${path} is not valid JSON; restore it from a backup`, { cause });
  }
  const root = asRecord(data);
  if (root?.['format'] !== FORMAT) throw corrupt(`is not a ${FORMAT} file`);
  const { activeKeyId, indexKeyId, keys } = root;
  if (typeof activeKeyId !== 'string' || typeof indexKeyId !== 'string' || !Array.isArray(keys)) {
    throw corrupt('lacks activeKeyId, indexKeyId or keys');
  }
  const records = keys.map((entry: unknown, index): MasterKeyRecord => {
    const key = asRecord(entry);
    const { id, secret, createdAt } = key ?? {};
    if (typeof id !== 'string' || typeof secret !== 'string' || typeof createdAt !== 'string') {
      throw corrupt(`has a key ${index + 1} without id, secret or createdAt`);
    }
    return { id, secret: decodeMasterKey(secret, `key "${id}" in keyring ${path}`), createdAt };
  });
  return { activeKeyId, indexKeyId, keys: records };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  const isRecord = typeof value === 'object' && value !== null && !Array.isArray(value);
  return isRecord ? (value as Record<string, unknown>) : undefined;
}

function writeDurably(path: string, content: string): void {
  const fd = openSync(path, 'wx', FILE_MODE);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

// Makes the rename or link itself durable; not every platform can open a folder for syncing.
function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function unlinkIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
