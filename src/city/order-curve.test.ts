import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRandom } from '../platform/random.ts';
import { createLocalClock, ORDER_HOUR_WEIGHTS, ordersByHour } from './order-curve.ts';

test('ordersByHour rounds by largest remainder and keeps the total', () => {
  // 10 over weights [1, 1, 1]: 3.33 each, floors 3 + 3 + 3 = 9; the one left over goes to the
  // first of the equal remainders, hour 0.
  assert.deepEqual(ordersByHour(10, [1, 1, 1]), [4, 3, 3]);
  // 7 over [1, 2, 4]: exactly 1, 2, 4.
  assert.deepEqual(ordersByHour(7, [1, 2, 4]), [1, 2, 4]);
  const day = ordersByHour(820_000);
  assert.equal(day.reduce((sum, count) => sum + count, 0), 820_000);
  assert.equal(day.length, 24);
  assert.throws(() => ordersByHour(-1), /non-negative integer/);
});

test('the curve is quiet at night and peaks in the evening', () => {
  const peak = ORDER_HOUR_WEIGHTS.indexOf(Math.max(...ORDER_HOUR_WEIGHTS));
  const trough = ORDER_HOUR_WEIGHTS.indexOf(Math.min(...ORDER_HOUR_WEIGHTS));
  assert.ok(peak >= 20 && peak <= 22, `peak at ${peak}:00`);
  assert.ok(trough >= 2 && trough <= 6, `trough at ${trough}:00`);
});

test('local hours convert to UTC, daylight saving included', () => {
  // Asia/Shanghai is UTC+8 all year: 21:00 local on 29 Nov is 13:00Z.
  const shanghai = createLocalClock('Asia/Shanghai');
  assert.equal(new Date(shanghai.hourStartUtc('2026-11-29', 21)).toISOString(), '2026-11-29T13:00:00.000Z');
  // New York springs forward at 02:00 on 8 Mar 2026: 01:00 is EST (UTC−5), 04:00 is EDT (UTC−4).
  const newYork = createLocalClock('America/New_York');
  assert.equal(new Date(newYork.hourStartUtc('2026-03-08', 1)).toISOString(), '2026-03-08T06:00:00.000Z');
  assert.equal(new Date(newYork.hourStartUtc('2026-03-08', 4)).toISOString(), '2026-03-08T08:00:00.000Z');
});

test('bad dates and time zones are refused with a hint', () => {
  assert.throws(() => createLocalClock('Mars/Olympus'), /unknown time zone "Mars\/Olympus"/);
  const clock = createLocalClock('Asia/Shanghai');
  assert.throws(() => clock.sampleOrderTime(createRandom(1), '29/11/2026'), /must look like 2026-11-29/);
});
