import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { VroomProblem } from './io/vroom-types.ts';
import { InvalidProblemError } from './model/invalid-problem-error.ts';
import { solveSync } from './solve-sync.ts';
import { randomProblem } from './testing/random-problem.ts';

/** Depot and three customers on a line at x = 0, 10, 20, 30; distance = travel time = |Δx|. */
function lineProblem(): VroomProblem {
  const xs = [0, 10, 20, 30];
  const matrix = xs.map((a) => xs.map((b) => Math.abs(a - b)));
  return {
    jobs: [1, 2, 3].map((i) => ({ id: i, location_index: i, delivery: [1] })),
    vehicles: [1, 2].map((id) => ({ id, start_index: 0, end_index: 0, capacity: [2] })),
    matrices: { car: { durations: matrix, distances: matrix } },
  };
}

test('tiny instance: the optimum splits the line into {1} and {2, 3}', () => {
  // Capacity 2 forces two routes. The splits cost:
  //   {1,2} + {3}: (10 + 10 + 20) + (30 + 30) = 100
  //   {1,3} + {2}: (10 + 20 + 30) + (20 + 20) = 100
  //   {2,3} + {1}: (20 + 10 + 30) + (10 + 10) = 80   ← optimal
  const solution = solveSync(lineProblem(), { iterations: 50, seed: 1 });
  assert.equal(solution.summary.cost, 80);
  assert.equal(solution.summary.distance, 80);
  assert.equal(solution.unassigned.length, 0);
  const visits = solution.routes.map((r) => r.steps.filter((s) => s.type === 'job').map((s) => s.id)).sort((a, b) => a.length - b.length);
  assert.deepEqual(visits[0], [1]);
  assert.deepEqual([...visits[1]!].sort(), [2, 3]);
  // The {2,3} route reaches its first customer at 20 and its second at 30, back at 60.
  const long = solution.routes.find((r) => r.steps.length === 4)!;
  assert.deepEqual(long.steps.map((s) => s.arrival), [0, 20, 30, 60]);
  assert.deepEqual(long.steps.map((s) => s.load), [[2], [1], [0], [0]]);
});

test('unservable jobs come back unassigned with the reason, the rest is solved', () => {
  const problem = lineProblem();
  problem.jobs!.push(
    { id: 4, location_index: 1, delivery: [1], time_windows: [[0, 5]] }, // 10 away: unreachable by t = 5
    { id: 5, location_index: 2, delivery: [3] }, // more than any capacity
    { id: 6, location_index: 3, delivery: [1], skills: [7] }, // nobody has skill 7
  );
  const solution = solveSync(problem, { iterations: 50 });
  const reasons = new Map(solution.unassigned.map((u) => [u.id, u.reason]));
  assert.match(reasons.get(4)!, /time windows/);
  assert.match(reasons.get(5)!, /capacity/);
  assert.match(reasons.get(6)!, /skill/);
  assert.equal(solution.summary.cost, 80);
});

test('when the fleet is too small, the jobs left over are reported, not squeezed in', () => {
  // One vehicle of capacity 2 and three jobs of 1: one job cannot fit. Leaving out job 3 (the
  // farthest) saves the most: route 0 → 1 → 2 → 0 costs 10 + 10 + 20 = 40.
  const problem = lineProblem();
  problem.vehicles = [problem.vehicles[0]!];
  const solution = solveSync(problem, { iterations: 50 });
  assert.deepEqual(solution.unassigned.map((u) => u.id), [3]);
  assert.match(solution.unassigned[0]!.reason!, /no route had room/);
  assert.equal(solution.summary.cost, 40);
  assert.deepEqual(solution.summary.violations, []);
});

test('a window that ends before it starts is rejected with an actionable message', () => {
  const problem = lineProblem();
  problem.jobs![0]!.time_windows = [[50, 10]];
  assert.throws(() => solveSync(problem), new InvalidProblemError('job 1: time window [50, 10] has start after end'));
});

test('a shipment is served by one vehicle, pickup before delivery', () => {
  const problem = randomProblem({ customers: 12, vehicles: 3, capacity: 20, seed: 3, windowWidth: 300, shipments: 2 });
  const solution = solveSync(problem, { iterations: 100 });
  assert.equal(solution.unassigned.length, 0);
  for (const route of solution.routes) {
    const ids = route.steps.map((s) => `${s.type}:${s.id}`);
    for (const step of route.steps.filter((s) => s.type === 'pickup')) {
      assert.ok(ids.indexOf(`delivery:${step.id! + 1}`) > ids.indexOf(`pickup:${step.id}`));
    }
  }
  assert.deepEqual(solution.summary.violations, []);
});

test('golden: a fixed seed and iteration count pin the exact cost', () => {
  // 40 customers, 8 vehicles of capacity 50, windows 120 wide: a small Solomon-like instance.
  const problem = randomProblem({ customers: 40, vehicles: 8, capacity: 50, seed: 11, windowWidth: 120 });
  const solution = solveSync(problem, { iterations: 200, seed: 7 });
  assert.equal(solution.unassigned.length, 0);
  assert.equal(solution.summary.cost.toFixed(6), '1022.725058');
});
