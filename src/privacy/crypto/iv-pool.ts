/**
 * @module Random GCM nonces drawn from a pre-filled buffer. One `randomFillSync` call per 512 IVs
 * costs far less than a `randomBytes(12)` call per field; the nonces are just as random, and a
 * nonce need not be secret, only unique.
 */
import { randomFillSync } from 'node:crypto';
import { IV_BYTES } from './field-token.ts';

const IVS_PER_FILL = 512;
const pool = Buffer.alloc(IV_BYTES * IVS_PER_FILL);
// Offset of the next unused nonce in `pool`; starting past the end forces a fill on first use.
let nextOffset = pool.length;

/** A fresh random 96-bit nonce, copied out so later refills cannot change it. */
export function nextIv(): Buffer {
  if (nextOffset >= pool.length) {
    randomFillSync(pool);
    nextOffset = 0;
  }
  const iv = Buffer.from(pool.subarray(nextOffset, nextOffset + IV_BYTES));
  nextOffset += IV_BYTES;
  return iv;
}
