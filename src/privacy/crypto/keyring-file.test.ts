import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyringPath, readKeyringFile, writeKeyringFile, type KeyringFile } from './keyring-file.ts';
import { generateMasterKey } from './keyring.ts';

function oneKeyFile(): KeyringFile {
  const key = generateMasterKey(new Date('2026-11-29T00:00:00Z'));
  return { activeKeyId: key.id, indexKeyId: key.id, keys: [key] };
}

test('creating a keyring file never overwrites one that another process wrote first', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parcelgrid-keys-'));
  try {
    const path = keyringPath(dataDir);
    const winner = oneKeyFile();
    assert.equal(writeKeyringFile(path, winner, { replace: false }), true);
    assert.equal(writeKeyringFile(path, oneKeyFile(), { replace: false }), false);
    assert.deepEqual(readKeyringFile(path), winner);
    assert.deepEqual(readdirSync(join(dataDir, 'keys')), ['keyring.json']); // no temporary files left
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('readKeyringFile reports a missing file as undefined', () => {
  assert.equal(readKeyringFile(join(tmpdir(), 'parcelgrid-no-such-folder', 'keyring.json')), undefined);
});
