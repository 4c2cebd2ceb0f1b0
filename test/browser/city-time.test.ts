import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isoToWallClockInput, wallClockInputToIso } from '../../web/src/city-time.ts';

test('a datetime-local value is read on the city clock, whatever the browser zone', () => {
  // 08:30 in Dalian (UTC+8, no daylight saving) is 00:30 UTC.
  assert.equal(wallClockInputToIso('2026-11-29T08:30', 'Asia/Shanghai'), '2026-11-29T00:30:00.000Z');
  assert.equal(isoToWallClockInput('2026-11-29T00:30:00.000Z', 'Asia/Shanghai'), '2026-11-29T08:30');
  // Across midnight, the local date moves too.
  assert.equal(isoToWallClockInput('2026-11-29T20:00:00.000Z', 'Asia/Shanghai'), '2026-11-30T04:00');
});

test('an empty or malformed value is refused, not turned into a wrong instant', () => {
  assert.throws(() => wallClockInputToIso('', 'Asia/Shanghai'), RangeError);
  assert.throws(() => wallClockInputToIso('yesterday', 'Asia/Shanghai'), RangeError);
});
