import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeDuration, nodeSegment } from './duration-segment.ts';

test('merging two visits that fit their windows adds service, travel and waiting', () => {
  // A: service 5, window [0, 10]. B: service 3, window [20, 30]. Arc A→B takes 4.
  // Starting A at time t, we reach B at t + 9; B opens at 20, so the best start is t ∈ [11, 10+...]:
  // atSecond = 5 - 0 + 4 = 9; wait = max(20 - 9 - 10, 0) = 1; warp = max(0 + 9 - 30, 0) = 0.
  // twEarly = max(20 - 9, 0) - 1 = 10; twLate = min(30 - 9, 10) + 0 = 10; duration = 5+3+4+1 = 13.
  const out = nodeSegment(5, 0, 10);
  mergeDuration(out, out, 4, 3, 0, 20, 30);
  assert.deepEqual(out, { duration: 13, timeWarp: 0, twEarly: 10, twLate: 10 });
});

test('a window that closes before we can arrive shows up as time warp', () => {
  // A: service 10, window [50, 60]. B: service 0, window [0, 40]. Arc 5.
  // atSecond = 15; wait = max(0 - 15 - 60, 0) = 0; warp = max(50 + 15 - 40, 0) = 25.
  // twEarly = max(0 - 15, 50) - 0 = 50; twLate = min(40 - 15, 60) + 25 = 50; duration = 15.
  const out = nodeSegment(10, 50, 60);
  mergeDuration(out, out, 5, 0, 0, 0, 40);
  assert.deepEqual(out, { duration: 15, timeWarp: 25, twEarly: 50, twLate: 50 });
});

test('merging is associative: (A+B)+C equals A+(B+C)', () => {
  const a = nodeSegment(2, 0, 100);
  const b = nodeSegment(4, 30, 35);
  const c = nodeSegment(1, 10, 20);
  const left = { ...a };
  mergeDuration(left, left, 7, b.duration, b.timeWarp, b.twEarly, b.twLate);
  mergeDuration(left, left, 3, c.duration, c.timeWarp, c.twEarly, c.twLate);
  const bc = { ...b };
  mergeDuration(bc, bc, 3, c.duration, c.timeWarp, c.twEarly, c.twLate);
  const right = { ...a };
  mergeDuration(right, right, 7, bc.duration, bc.timeWarp, bc.twEarly, bc.twLate);
  assert.deepEqual(left, right);
});
