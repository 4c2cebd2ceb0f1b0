import assert from 'node:assert/strict';
import { test } from 'node:test';
import { excessLoad, mergeLoad, type LoadSegment } from './load-segment.ts';

/** A visit delivering `drop` (loaded at the depot) and picking up `pick`. */
function visit(drop: number, pick: number): LoadSegment {
  return { depotLoad: drop, change: pick - drop, peak: Math.max(pick - drop, 0) };
}

test('deliveries then pickups: the peak is at the start or the end', () => {
  // Deliver 5 then pick 7: leave with 5, after visit 1 carry 0, after visit 2 carry 7.
  const route = visit(5, 0);
  const second = visit(0, 7);
  mergeLoad(route, route, second.depotLoad, second.change, second.peak);
  assert.deepEqual(route, { depotLoad: 5, change: 2, peak: 2 });
  assert.equal(excessLoad(route, 6), 1); // 5 + 2 = 7 on board at the end, one over 6
});

test('a shipment occupies capacity only between its pickup and delivery', () => {
  // Pick 4 (shipment), deliver 3 (job), drop 4 (shipment): loads 3 → 7 → 4 → 0.
  const route: LoadSegment = { depotLoad: 0, change: 4, peak: 4 };
  const job = visit(3, 0);
  mergeLoad(route, route, job.depotLoad, job.change, job.peak);
  mergeLoad(route, route, 0, -4, 0);
  assert.deepEqual(route, { depotLoad: 3, change: -3, peak: 4 });
  assert.equal(excessLoad(route, 7), 0);
  assert.equal(excessLoad(route, 6), 1);
});
