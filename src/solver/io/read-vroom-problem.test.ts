import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldPath, readVroomProblem } from './read-vroom-problem.ts';
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
  assert.throws(() => readVroomProblem(text({ ...valid, vehicles: [] })), /vehicles must not have fewer than 1 items/);
  const badJob = { ...valid, jobs: [{ id: 1.5, location_index: 1, breaks: [] }] };
  assert.throws(() => readVroomProblem(text(badJob)), /jobs\[0\]\.breaks is not a supported field.*jobs\[0\]\.id must be integer/);
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

test('JSON pointers become readable paths', () => {
  assert.equal(fieldPath('/jobs/3/time_windows/0'), 'jobs[3].time_windows[0]');
  assert.equal(fieldPath('/matrices/a~1b/costs'), 'matrices.a/b.costs');
  assert.equal(fieldPath(''), '');
});
