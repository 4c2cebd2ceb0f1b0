import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextIv } from './iv-pool.ts';

test('nextIv hands out distinct 12-byte nonces across pool refills', () => {
  // 2 000 draws span four refills of 512; a repeat among 2 000 random 96-bit values has p < 10⁻²⁰.
  const seen = new Set<string>();
  for (let i = 0; i < 2000; i++) {
    const iv = nextIv();
    assert.equal(iv.length, 12);
    seen.add(iv.toString('hex'));
  }
  assert.equal(seen.size, 2000);
});
