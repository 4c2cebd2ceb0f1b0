import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRandom, weightedIndexAt } from './random.ts';

test('weightedIndexAt picks the first index whose running sum exceeds u × total', () => {
  // weights [1, 3, 0, 1]: total 5, running sums 1, 4, 4, 5.
  // u = 0.1 → target 0.5 < 1 → 0;  u = 0.5 → 2.5 < 4 → 1;  u = 0.8 → 4.0, not < 4, so the zero
  // weight at index 2 is skipped and 4.0 < 5 → 3.
  assert.equal(weightedIndexAt([1, 3, 0, 1], 0.1), 0);
  assert.equal(weightedIndexAt([1, 3, 0, 1], 0.5), 1);
  assert.equal(weightedIndexAt([1, 3, 0, 1], 0.8), 3);
});

test('weightedIndexAt refuses weights it cannot sample from', () => {
  assert.throws(() => weightedIndexAt([0, 0], 0.5), /at least one positive/);
  assert.throws(() => weightedIndexAt([1, -1], 0.5), /non-negative/);
  assert.throws(() => weightedIndexAt([1, Number.NaN], 0.5), /finite/);
});

test('the same seed gives the same sequence, a different seed a different one', () => {
  const first = createRandom(42);
  const again = createRandom('42');
  const other = createRandom(43);
  const a = Array.from({ length: 100 }, () => first.next());
  const b = Array.from({ length: 100 }, () => again.next());
  const c = Array.from({ length: 100 }, () => other.next());
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});

test('derived streams depend on the seed and label, not on how far the parent has run', () => {
  const fresh = createRandom(7);
  const used = createRandom(7);
  for (let i = 0; i < 50; i++) used.next();
  assert.equal(fresh.derive('parcels').next(), used.derive('parcels').next());
  assert.notEqual(fresh.derive('parcels').next(), fresh.derive('times').next());
});

test('draws have the expected ranges and means', () => {
  const random = createRandom('moments');
  const n = 20_000;
  let uniformSum = 0;
  let normalSum = 0;
  let normalSquares = 0;
  let exponentialSum = 0;
  let belowMedian = 0;
  for (let i = 0; i < n; i++) {
    const u = random.next();
    assert.ok(u >= 0 && u < 1);
    uniformSum += u;
    const z = random.normal(10, 2);
    normalSum += z;
    normalSquares += (z - 10) ** 2;
    exponentialSum += random.exponential(5);
    if (random.logNormal(800, 0.9) < 800) belowMedian++;
    const k = random.int(6);
    assert.ok(Number.isInteger(k) && k >= 0 && k < 6);
  }
  // Standard errors at n = 20,000: uniform 0.002, normal mean 0.014, exponential 0.035.
  assert.ok(Math.abs(uniformSum / n - 0.5) < 0.01);
  assert.ok(Math.abs(normalSum / n - 10) < 0.07);
  assert.ok(Math.abs(Math.sqrt(normalSquares / n) - 2) < 0.05);
  assert.ok(Math.abs(exponentialSum / n - 5) < 0.2);
  assert.ok(Math.abs(belowMedian / n - 0.5) < 0.02);
});

test('shuffle permutes in place and pick refuses an empty list', () => {
  const random = createRandom(1);
  const items = [1, 2, 3, 4, 5, 6, 7, 8];
  const shuffled = random.shuffle(items);
  assert.equal(shuffled, items);
  assert.deepEqual([...items].sort(), [1, 2, 3, 4, 5, 6, 7, 8]);
  assert.throws(() => random.pick([]), /empty list/);
  assert.throws(() => random.int(0), /positive integer/);
});
