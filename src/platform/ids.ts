/**
 * Time-ordered identifiers: `<prefix>_<26 chars>` where the first 10 characters encode the
 * creation millisecond (Crockford base32) and the rest are random. Sorting ids sorts by creation
 * time, which is what cursor pagination relies on.
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
let lastTime = 0;
/** The random part of the last id, as 16 base-32 digits. */
let lastRandom: number[] = [];

function encodeTime(ms: number): string {
  let out = '';
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[ms % 32] + out;
    ms = Math.floor(ms / 32);
  }
  return out;
}

/** Increments the random part so ids made in the same millisecond still sort in creation order. */
function nextRandom(now: number): number[] {
  if (now !== lastTime) {
    lastTime = now;
    lastRandom = [...randomBytes(16)].map((byte) => byte % 32);
    return lastRandom;
  }
  for (let i = lastRandom.length - 1; i >= 0; i--) {
    lastRandom[i] = ((lastRandom[i] ?? 0) + 1) % 32;
    if (lastRandom[i] !== 0) break;
  }
  return lastRandom;
}

/** A new id such as `ord_01JD3...`; `prefix` names the entity kind. */
export function newId(prefix: string, now: number = Date.now()): string {
  const random = nextRandom(now);
  let body = encodeTime(now);
  for (const digit of random) body += ALPHABET[digit];
  return `${prefix}_${body}`;
}
