import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readVroomProblem } from './read-vroom-problem.ts';
import type { VroomProblem } from './vroom-types.ts';

const valid: VroomProblem = {
  jobs: [
    { id: 1, location_index: 1, service: 300, delivery: [2], time_windows: [[0, 3600]] },
    { id: 2, location_index: 2, pickup: [1], skills: [7], priority: 10 },
  ],
  shipments: [{ pickup: { id: 1, location_index: 1 }, delivery: { id: 1, location_index: 2 }, amount: [1] }],
  vehicles: [{ id: 9, start_index: 0, end_index: 0, capacity: [4], skills: [7], costs: { fixed: 500, per_km: 120 } }],
  matrices: {
    car: {
      durations: [
        [0, 10.5, 20],
        [10.5, 0, 15],
        [20, 15, 0],
      ],
    },
  },
};
const text = (problem: unknown): string => JSON.stringify(problem);

test('accepts a valid problem with non-integer matrix values', () => {
  assert.deepEqual(readVroomProblem(text(valid)), valid);
});

test('syntax and shape errors name the field', () => {
  assert.throws(() => readVroomProblem('{"vehicles": [', 'p.json'), /p\.json: not valid JSON/);
  assert.throws(() => readVroomProblem(text({ ...valid, vehicles: [] })), /problem JSON: vehicles must not be empty/);
  const badJob = { ...valid, jobs: [{ id: 1.5, location_index: 1, breaks: [] }] };
  assert.throws(() => readVroomProblem(text(badJob)), /jobs\[0\]\.breaks is not a supported field.*jobs\[0\]\.id must be an integer/);
  assert.throws(() => readVroomProblem(text({ jobs: [] })), /problem is missing vehicles/);
});

test('consistency errors name the field', () => {
  const duplicate = { ...valid, jobs: [valid.jobs![0], { ...valid.jobs![1], id: 1 }] };
  assert.throws(() => readVroomProblem(text(duplicate)), /jobs\[1\] repeats job id 1 already used by jobs\[0\]/);
  const outside = { ...valid, jobs: [{ id: 1, location_index: 3 }] };
  assert.throws(() => readVroomProblem(text(outside)), /matrices\.car\.durations is 3x3 but location_index 3 is used/);
  const noIndex = { ...valid, jobs: [{ id: 1, location: [121.6, 38.9] }] };
  assert.throws(() => readVroomProblem(text(noIndex)), /jobs\[0\] has no location_index/);
  const wrongProfile = { ...valid, vehicles: [{ ...valid.vehicles[0], profile: 'truck' }] };
  assert.throws(() => readVroomProblem(text(wrongProfile)), /matrices\.truck needs durations or costs/);
  const window = { ...valid, jobs: [{ id: 1, location_index: 1, time_windows: [[50, 10]] }] };
  assert.throws(() => readVroomProblem(text(window)), /jobs\[0\]\.time_windows\[0\] starts at 50 after its end 10/);
  const dimensions = { ...valid, jobs: [{ id: 1, location_index: 1, delivery: [1, 2] }] };
  assert.throws(() => readVroomProblem(text(dimensions)), /jobs\[0\]\.delivery has 2 dimensions but vehicles\[0\]\.capacity has 1/);
  assert.throws(() => readVroomProblem(text({ ...valid, jobs: [], shipments: [] })), /no jobs and no shipments/);
});

test('shape errors name the path of each field, listing at most five', () => {
  const fails = (problem: unknown, ...errors: string[]) =>
    assert.throws(() => readVroomProblem(text(problem), 'p.json'), {
      message: `p.json: ${errors.join('; ')} (supported fields and types: docs/solver.md)`,
    });
  const second = { id: 3, start_index: 0, capacity: [2, -1], speed_factor: 0 };
  fails(
    { ...valid, vehicles: [valid.vehicles[0], second] },
    'vehicles[1].capacity[1] must be a non-negative integer',
    'vehicles[1].speed_factor must be a number above 0',
  );
  fails({ ...valid, vehicles: [{ id: 1, capacity: 4 }] }, 'vehicles[0].capacity must be an array of non-negative integers');
  fails(
    { ...valid, matrices: { car: { durations: [[0, '7']], speeds: [] } } },
    'matrices.car.speeds is not a supported field',
    'matrices.car.durations[0][1] must be a non-negative number',
  );
  fails(
    { ...valid, shipments: [{ pickup: { location_index: 1, time_windows: [[0, 1, 2]] } }] },
    'shipments[0] is missing delivery',
    'shipments[0].pickup is missing id',
    'shipments[0].pickup.time_windows[0] must be a [start, end] pair of non-negative numbers, got 3 items',
  );
  // Seven unknown top-level fields: five are listed, the other two counted.
  const noisy = { ...valid, a: 1, b: 1, c: 1, d: 1, e: 1, f: 1, g: 1 };
  fails(noisy, ...['a', 'b', 'c', 'd', 'e'].map((name) => `${name} is not a supported field`), 'and 2 more');
  fails([], 'problem must be an object');
});
