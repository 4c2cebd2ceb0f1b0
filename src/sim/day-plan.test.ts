import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCity } from '../city/index.ts';
import { planDay } from './day-plan.ts';
import { buildSimWorld } from './world.ts';

const world = buildSimWorld(loadCity());
const plan = (seed: string, total = 200) =>
  [...planDay(world, '2026-11-20', total, { seed })].map((order) => ({
    key: order.key,
    placedAtMs: order.placedAtMs,
    platform: order.platformCode,
    carrier: order.carrierCode,
    station: order.station.id,
    adcode: order.recipient.address.adcode,
    weightG: order.parcel.weightG,
    scans: order.scans,
  }));

test('the same seed gives the same orders and scans; another seed does not', () => {
  assert.deepEqual(plan('alpha'), plan('alpha'));
  assert.notDeepEqual(plan('alpha'), plan('beta'));
});

test('a day holds exactly its volume, in time order, within the local date', () => {
  const orders = plan('alpha', 500);
  assert.equal(orders.length, 500);
  // 2026-11-20 in Asia/Shanghai (UTC+8) runs from 2026-11-19T16:00Z to 2026-11-20T16:00Z.
  const dayStart = Date.parse('2026-11-19T16:00:00Z');
  for (const [i, order] of orders.entries()) {
    assert.ok(order.placedAtMs >= dayStart && order.placedAtMs < dayStart + 86_400_000);
    if (i > 0) assert.ok(order.placedAtMs >= (orders[i - 1]?.placedAtMs ?? 0));
  }
});

test('each parcel goes to a carrier serving its district and its scans move forward in time', () => {
  for (const order of plan('gamma', 300)) {
    assert.ok(order.station.startsWith(`${order.carrier}-ST-${order.adcode}-`), order.station);
    assert.equal(order.scans[0]?.kind, 'collected');
    for (const [i, scan] of order.scans.entries()) {
      assert.ok(i === 0 || scan.occurredAtMs > (order.scans[i - 1]?.occurredAtMs ?? 0));
      assert.ok(scan.sendAtMs >= scan.occurredAtMs);
      assert.ok(scan.duplicateAtMs === null || scan.duplicateAtMs > scan.sendAtMs);
    }
    assert.ok(['delivered_signed', 'delivered_proxy', 'picked_up_locker', 'picked_up_station', 'returned'].includes(order.scans.at(-1)?.kind ?? ''));
  }
});
