import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  allocateExtension,
  formatVirtualNumber,
  maskVirtualNumber,
  virtualNumberExpiry,
} from './virtual-number.ts';
import { PrivacyError } from '../errors.ts';

// Replays the given floats in order, then repeats the last one.
function replay(...values: number[]): () => number {
  let index = 0;
  return () => values[Math.min(index++, values.length - 1)] ?? 0;
}

test('allocateExtension turns the random float into four digits', () => {
  // floor(0.1234 × 10 000) = 1234; floor(0.0007 × 10 000) = 7 → "0007"
  assert.equal(allocateExtension(new Set(), replay(0.1234)), '1234');
  assert.equal(allocateExtension(new Set(), replay(0.0007)), '0007');
});

test('allocateExtension skips active extensions', () => {
  // The first draw 1234 is taken, the second 5678 is free.
  assert.equal(allocateExtension(new Set(['1234']), replay(0.1234, 0.5678)), '5678');
  // Every random draw hits 1234, so the scan walks on from 1234 to the next free one, 1236.
  assert.equal(allocateExtension(new Set(['1234', '1235']), replay(0.1234)), '1236');
  // The scan wraps from 9999 to 0000.
  assert.equal(allocateExtension(new Set(['9999']), replay(0.99999)), '0000');
});

test('allocateExtension gives unique extensions until the host is full, then says so', () => {
  const active = new Set<string>();
  for (let i = 0; i < 10_000; i++) active.add(allocateExtension(active, Math.random));
  assert.equal(active.size, 10_000);
  assert.throws(() => allocateExtension(active, Math.random), (error: unknown) =>
    error instanceof PrivacyError && error.code === 'extensions_exhausted');
});

test('virtualNumberExpiry adds the lifetime in days to the delivery time', () => {
  assert.equal(virtualNumberExpiry('2026-11-29T08:00:00Z'), '2026-12-14T08:00:00.000Z'); // 29 + 15 = 44 = Dec 14
  assert.equal(virtualNumberExpiry('2026-11-29T08:00:00Z', 1), '2026-11-30T08:00:00.000Z');
  assert.throws(() => virtualNumberExpiry('yesterday'), /not an ISO 8601 time/);
  assert.throws(() => virtualNumberExpiry('2026-11-29T08:00:00Z', 0), /positive number of days/);
});

test('virtual numbers print in full for the courier and masked for public reads', () => {
  const number = { host: '17012345678', extension: '4321' };
  assert.equal(formatVirtualNumber(number), '17012345678-4321');
  assert.equal(maskVirtualNumber(number), '170****5678-****');
});
