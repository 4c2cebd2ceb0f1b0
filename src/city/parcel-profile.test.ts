import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRandom } from '../platform/random.ts';
import { MAX_WEIGHT_G, MIN_WEIGHT_G, SIZE_CLASS_BOX_MM, sampleParcel, sizeClassFor } from './parcel-profile.ts';

test('sizeClassFor follows the weight bands and moves bulky parcels up one class', () => {
  assert.equal(sizeClassFor(1_000, false), 'small');
  assert.equal(sizeClassFor(1_001, false), 'medium');
  assert.equal(sizeClassFor(5_001, false), 'large');
  assert.equal(sizeClassFor(400, true), 'medium');
  assert.equal(sizeClassFor(20_000, true), 'large');
});

test('parcels have a median near 800 g, stay within limits and fit their class', () => {
  const random = createRandom('parcels');
  const weights: number[] = [];
  for (let i = 0; i < 10_000; i++) {
    const parcel = sampleParcel(random);
    weights.push(parcel.weightG);
    assert.ok(Number.isInteger(parcel.weightG) && parcel.weightG >= MIN_WEIGHT_G && parcel.weightG <= MAX_WEIGHT_G);
    assert.ok(Number.isInteger(parcel.declaredValueFen) && parcel.declaredValueFen >= 100);
    const [length, width, height] = SIZE_CLASS_BOX_MM[parcel.sizeClass];
    // Each side is the class box side × 0.75–1.25.
    assert.ok(parcel.lengthMm >= 0.75 * length - 1 && parcel.lengthMm <= 1.25 * length + 1);
    assert.ok(parcel.widthMm >= 0.75 * width - 1 && parcel.widthMm <= 1.25 * width + 1);
    assert.ok(parcel.heightMm >= 0.75 * height - 1 && parcel.heightMm <= 1.25 * height + 1);
  }
  weights.sort((a, b) => a - b);
  const median = weights[weights.length / 2] ?? 0;
  assert.ok(median > 650 && median < 1_000, `median weight ${median} g`);
});
