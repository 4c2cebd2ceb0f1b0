import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRandom } from '../platform/random.ts';
import { DEFAULT_FEED_FAULTS, DEFAULT_OUTCOME_RATES } from './config.ts';
import { duringWorkingHours, planParcelScans } from './parcel-plan.ts';

const UTC8 = 8 * 3_600_000;

test('a time inside working hours is kept; one outside moves to the next opening plus up to 2 h', () => {
  // 2026-11-20T02:00Z is 10:00 in UTC+8: inside 08:00–19:00.
  const tenAm = Date.parse('2026-11-20T02:00:00Z');
  assert.equal(duringWorkingHours(tenAm, UTC8, 8, 19, createRandom('x')), tenAm);
  // 2026-11-20T13:00Z is 21:00 local: past 19:00, so the next 08:00 local = 2026-11-21T00:00Z, + [0, 2 h).
  const ninePm = Date.parse('2026-11-20T13:00:00Z');
  const moved = duringWorkingHours(ninePm, UTC8, 8, 19, createRandom('x'));
  const nextOpening = Date.parse('2026-11-21T00:00:00Z');
  assert.ok(moved >= nextOpening && moved < nextOpening + 2 * 3_600_000, new Date(moved).toISOString());
});

test('with no failures and no feed faults a parcel goes collected → … → signed, once each', () => {
  const quiet = { ...DEFAULT_OUTCOME_RATES, firstAttemptFailure: 0, transitException: 0, damaged: 0, refusedAtDoor: 0, lockerDelivery: 0, stationDelivery: 0, proxySignature: 0 };
  const scans = planParcelScans(createRandom('quiet'), {
    placedAtMs: Date.parse('2026-11-20T02:00:00Z'),
    serviceLevel: 'standard',
    utcOffsetMs: UTC8,
    rates: quiet,
    faults: { duplicated: 0, delayed: 0 },
  });
  assert.deepEqual(
    scans.map((scan) => scan.kind),
    ['collected', 'departed_origin', 'arrived_hub', 'departed_hub', 'arrived_station', 'out_for_delivery', 'delivered_signed'],
  );
  assert.ok(scans.every((scan) => scan.sendAtMs === scan.occurredAtMs && scan.duplicateAtMs === null));
});

test('a certain first-attempt failure is redelivered, and a second failure sends the parcel back', () => {
  const scans = planParcelScans(createRandom('fail'), {
    placedAtMs: Date.parse('2026-11-20T02:00:00Z'),
    serviceLevel: 'express',
    utcOffsetMs: UTC8,
    rates: { ...DEFAULT_OUTCOME_RATES, damaged: 0, refusedAtDoor: 0, firstAttemptFailure: 1, secondAttemptFailure: 1 },
    faults: DEFAULT_FEED_FAULTS,
  });
  assert.deepEqual(scans.slice(-5).map((scan) => scan.kind), ['attempt_failed', 'redelivery', 'attempt_failed', 'returning', 'returned']);
});
