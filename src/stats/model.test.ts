import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dayWindow, localDate, perThousandResidents } from './model.ts';

test('a Shanghai day starts at 16:00 UTC the evening before', () => {
  // UTC+8 all year: local 00:00 on 29 Nov is 28 Nov 16:00 UTC; the day lasts 24 h.
  assert.deepEqual(dayWindow('2026-11-29', 'Asia/Shanghai'), { from: '2026-11-28T16:00:00.000Z', to: '2026-11-29T16:00:00.000Z' });
});

test('a day with a DST change is 23 hours long', () => {
  // Berlin springs forward on 29 Mar 2026: midnight is UTC+1 (23:00 UTC the day before), the next midnight UTC+2.
  assert.deepEqual(dayWindow('2026-03-29', 'Europe/Berlin'), { from: '2026-03-28T23:00:00.000Z', to: '2026-03-29T22:00:00.000Z' });
});

test('the local date follows the time zone', () => {
  // 17:00 UTC is already 01:00 the next day in Shanghai.
  assert.equal(localDate(new Date('2026-11-29T17:00:00Z'), 'Asia/Shanghai'), '2026-11-30');
});

test('a malformed date is refused', () => {
  assert.throws(() => dayWindow('29/11/2026', 'Asia/Shanghai'), /YYYY-MM-DD/);
});

test('rate per 1,000 residents', () => {
  // 450 parcels over 150,000 residents = 3 per 1,000; 7 over 3,000 = 2.3333… → 2.333; 14 over 1,798,458 = 0.00778… → 0.008.
  assert.equal(perThousandResidents(450, 150_000), 3);
  assert.equal(perThousandResidents(7, 3_000), 2.333);
  assert.equal(perThousandResidents(14, 1_798_458), 0.008);
  assert.equal(perThousandResidents(5, 0), 0);
});
