import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configuredKeysFromEnv } from './configured-keys.ts';

const KEY = Buffer.alloc(32, 7).toString('base64');
const OLD = Buffer.alloc(32, 8).toString('base64');

test('configuredKeysFromEnv reads the master key, its id and older keys', () => {
  assert.equal(configuredKeysFromEnv({}), undefined);
  assert.equal(configuredKeysFromEnv({ PARCELGRID_MASTER_KEY: ' ' }), undefined);
  assert.deepEqual(configuredKeysFromEnv({ PARCELGRID_MASTER_KEY: KEY }), { keyBase64: KEY });
  assert.deepEqual(
    configuredKeysFromEnv({
      PARCELGRID_MASTER_KEY: KEY,
      PARCELGRID_MASTER_KEY_ID: 'k2026',
      PARCELGRID_PREVIOUS_MASTER_KEYS: `k2025:${OLD}, ${KEY}`,
    }),
    { keyBase64: KEY, keyId: 'k2026', previousKeys: [{ keyId: 'k2025', keyBase64: OLD }, { keyBase64: KEY }] },
  );
});

test('configuredKeysFromEnv rejects a previous-keys entry with more than one colon', () => {
  assert.throws(
    () => configuredKeysFromEnv({ PARCELGRID_MASTER_KEY: KEY, PARCELGRID_PREVIOUS_MASTER_KEYS: `a:b:${OLD}` }),
    /entry 1 must be "id:base64" or "base64"/,
  );
});
