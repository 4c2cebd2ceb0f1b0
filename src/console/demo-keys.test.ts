import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readOfferedDemoKeys } from './demo-keys.ts';

test('demo keys are offered only in demo mode and only when the seeder wrote them', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parcelgrid-demo-keys-'));
  try {
    const env = { PARCELGRID_DATA_DIR: dataDir };
    assert.deepEqual(readOfferedDemoKeys({ ...env, PARCELGRID_DEMO: '1' }), []);
    writeFileSync(join(dataDir, 'demo-keys.json'), JSON.stringify({ DLPOST: 'pgk_test_a', SGX: 'pgk_test_b' }));
    assert.deepEqual(readOfferedDemoKeys(env), []);
    assert.deepEqual(readOfferedDemoKeys({ ...env, PARCELGRID_DEMO: '1' }), [
      { party_code: 'DLPOST', key: 'pgk_test_a' },
      { party_code: 'SGX', key: 'pgk_test_b' },
    ]);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
