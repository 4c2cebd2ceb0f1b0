import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateKeyring, rotateKeyring } from './load-keyring.ts';
import { keyringPath } from './keyring-file.ts';
import { decryptField, encryptField, needsReencryption, reencryptField } from './field-cipher.ts';
import { blindIndex } from './blind-index.ts';
import { PrivacyError, type PrivacyErrorCode } from '../errors.ts';

const AAD = 'orders/o_1/recipient.phone';
const POSIX = process.platform !== 'win32';

function withDataDir(run: (dataDir: string) => void): void {
  const dataDir = mkdtempSync(join(tmpdir(), 'parcelgrid-keys-'));
  try {
    run(dataDir);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function failsWith(code: PrivacyErrorCode, pattern: RegExp) {
  return (error: unknown): boolean => error instanceof PrivacyError && error.code === code && pattern.test(error.message);
}

test('the first start creates an owner-only keyring file that later starts load', { skip: !POSIX }, () => {
  withDataDir((dataDir) => {
    const first = loadOrCreateKeyring({ dataDir });
    const path = keyringPath(dataDir);
    assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.equal(statSync(join(dataDir, 'keys')).mode & 0o777, 0o700);
    const token = encryptField(first, '13812341234', AAD);
    const second = loadOrCreateKeyring({ dataDir });
    assert.equal(second.activeKeyId, first.activeKeyId);
    assert.equal(decryptField(second, token, AAD), '13812341234');
  });
});

test('a keyring file that group or others may read is refused', { skip: !POSIX }, () => {
  withDataDir((dataDir) => {
    loadOrCreateKeyring({ dataDir });
    chmodSync(keyringPath(dataDir), 0o644);
    assert.throws(() => loadOrCreateKeyring({ dataDir }), failsWith('insecure_keyring', /mode 0644.*chmod 600/));
  });
});

test('a damaged keyring file is reported, not replaced', () => {
  withDataDir((dataDir) => {
    loadOrCreateKeyring({ dataDir });
    writeFileSync(keyringPath(dataDir), '{"format":"parcelgrid-keyring/1"}', { mode: 0o600 });
    assert.throws(() => loadOrCreateKeyring({ dataDir }), failsWith('corrupt_keyring', /lacks activeKeyId/));
  });
});

test('rotation adds an active key, keeps old tokens readable and blind indexes stable', () => {
  withDataDir((dataDir) => {
    const before = loadOrCreateKeyring({ dataDir });
    const oldToken = encryptField(before, '13812341234', AAD);
    const rotated = rotateKeyring(dataDir);
    assert.notEqual(rotated.activeKeyId, before.activeKeyId);
    assert.equal(rotated.indexKeyId, before.indexKeyId);
    assert.equal(rotated.keys.size, 2);
    const reloaded = loadOrCreateKeyring({ dataDir });
    assert.equal(reloaded.activeKeyId, rotated.activeKeyId);
    assert.equal(decryptField(reloaded, oldToken, AAD), '13812341234');
    assert.equal(needsReencryption(reloaded, oldToken), true);
    const newToken = reencryptField(reloaded, oldToken, AAD);
    assert.ok(newToken.startsWith(`v1.${rotated.activeKeyId}.`));
    assert.equal(decryptField(reloaded, newToken, AAD), '13812341234');
    assert.equal(blindIndex(reloaded, '13812341234', 'phone'), blindIndex(before, '13812341234', 'phone'));
  });
});

test('rotating without a keyring file says how to get one', () => {
  withDataDir((dataDir) => {
    assert.throws(() => rotateKeyring(dataDir), failsWith('invalid_argument', /start parcelgrid once/));
  });
});

test('a configured key is used instead of the file and keeps data readable across rotation', () => {
  withDataDir((dataDir) => {
    const oldKey = Buffer.alloc(32, 1).toString('base64');
    const newKey = Buffer.alloc(32, 2).toString('base64');
    const before = loadOrCreateKeyring({ dataDir, configuredKey: { keyBase64: oldKey } });
    assert.match(before.activeKeyId, /^k[0-9a-f]{12}$/); // derived from the key's hash
    assert.equal(existsSync(keyringPath(dataDir)), false);
    const token = encryptField(before, '王小明', AAD);
    const after = loadOrCreateKeyring({
      dataDir,
      configuredKey: { keyBase64: newKey, keyId: 'k2026', previousKeys: [{ keyBase64: oldKey }] },
    });
    assert.equal(after.activeKeyId, 'k2026');
    assert.equal(after.indexKeyId, before.activeKeyId); // the oldest key keeps rooting indexes
    assert.equal(decryptField(after, token, AAD), '王小明');
    assert.equal(blindIndex(after, '王小明', 'name'), blindIndex(before, '王小明', 'name'));
    assert.throws(
      () => loadOrCreateKeyring({ dataDir, configuredKey: { keyBase64: 'too-short' } }),
      failsWith('invalid_key', /openssl rand -base64 32/),
    );
  });
});
