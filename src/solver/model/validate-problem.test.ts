import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { VroomProblem } from '../io/vroom-types.ts';
import { InvalidProblemError } from './invalid-problem-error.ts';
import { validateProblem } from './validate-problem.ts';

const matrix = [[0, 5], [5, 0]];
const base = (): VroomProblem => ({
  jobs: [{ id: 17, location_index: 1 }],
  vehicles: [{ id: 1, start_index: 0 }],
  matrices: { car: { durations: matrix } },
});

/** Asserts that `edit` applied to a valid problem is rejected with exactly `message`. */
function rejects(edit: (p: VroomProblem) => void, message: string): void {
  const problem = base();
  edit(problem);
  assert.throws(() => validateProblem(problem), new InvalidProblemError(message));
}

test('a valid problem passes', () => {
  assert.doesNotThrow(() => validateProblem(base()));
});

test('each kind of bad input names the object and the field', () => {
  rejects((p) => (p.jobs![0]!.time_windows = [[50, 10]]), 'job 17: time window [50, 10] has start after end');
  rejects((p) => (p.jobs![0]!.location_index = 2), 'job 17: location_index 2 is outside the matrices (size 2)');
  rejects((p) => (p.vehicles[0]!.profile = 'bike'), 'vehicle 1: no matrix for profile "bike" in "matrices"');
  rejects((p) => p.jobs!.push({ id: 17, location_index: 0 }), 'job id 17 is used twice');
  rejects((p) => (p.matrices!['car'] = { durations: [[0, 5], [5]] }), 'matrices.car.durations: row 1 has 1 entries, expected 2');
  rejects((p) => (p.matrices!['car'] = { durations: [[0, -1], [5, 0]] }), 'matrices.car.durations[0][1] is -1; must be a finite number ≥ 0');
  rejects((p) => (p.vehicles = []), 'problem: "vehicles" must list at least one vehicle');
  rejects((p) => (p.jobs![0]!.priority = 101), 'job 17: priority must be an integer in [0, 100], got 101');
});
