import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mapCarrierCode } from '../tracking/model/index.ts';
import { STEP_CODES, STEP_KINDS } from './carrier-codes.ts';

test('every step code exists in its code set and maps to the status the ledger expects', () => {
  for (const kind of STEP_KINDS) {
    for (const [codeSet, { code, status }] of Object.entries(STEP_CODES[kind])) {
      const mapping = mapCarrierCode(codeSet as 'generic', code);
      assert.ok(mapping.known, `${kind}: ${codeSet} code ${code} is unknown`);
      assert.equal(mapping.status, status, `${kind}: ${codeSet} code ${code}`);
    }
  }
});

test('a failed attempt is an attempt for Kdniao but a problem parcel for Kuaidi100', () => {
  // Kdniao 405 派件异常 counts as an attempt; Kuaidi100 has only 2 疑难, which the platform maps to exception.
  assert.equal(STEP_CODES.attempt_failed.kdniao.status, 'attempt_failed');
  assert.equal(STEP_CODES.attempt_failed.kuaidi100.status, 'exception');
});
