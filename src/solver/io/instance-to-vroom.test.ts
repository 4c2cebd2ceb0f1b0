import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { instanceToVroom } from './instance-to-vroom.ts';
import { readCvrplib } from './read-cvrplib.ts';
import { readSolomon } from './read-solomon.ts';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

test('Solomon: unrounded distances, windows, service, one vehicle per NUMBER with the depot horizon', () => {
  const problem = instanceToVroom(readSolomon(fixture('tiny3.txt')));
  const matrix = problem.matrices?.['car'];
  // depot (0,0), 1 (3,4), 2 (6,8), 3 (0,-5): 0→1 = 5, 1→2 = 5, 2→3 = hypot(6, 13) = 14.3178…
  assert.equal(matrix?.distances?.[0]?.[1], 5);
  assert.equal(matrix?.distances?.[1]?.[2], 5);
  assert.equal(matrix?.distances?.[2]?.[3], Math.hypot(6, 13));
  assert.equal(matrix?.durations, matrix?.distances);
  assert.equal(matrix?.costs, matrix?.distances);
  assert.deepEqual(problem.jobs?.[1], { id: 2, location_index: 2, service: 2, delivery: [5], time_windows: [[10, 30]] });
  assert.deepEqual(problem.vehicles, [
    { id: 1, profile: 'car', start_index: 0, end_index: 0, capacity: [10], time_window: [0, 100] },
    { id: 2, profile: 'car', start_index: 0, end_index: 0, capacity: [10], time_window: [0, 100] },
  ]);
});

test('CVRPLIB: nint distances, no windows, job ids are the file node numbers', () => {
  const problem = instanceToVroom(readCvrplib(fixture('tiny4.vrp')));
  const distances = problem.matrices?.['car']?.distances;
  // depot (0,0) → node 3 (1,1): nint(1.414) = 1; node 1 (3,4) → node 3: nint(3.606) = 4.
  assert.equal(distances?.[0]?.[2], 1);
  assert.equal(distances?.[1]?.[2], 4);
  assert.deepEqual(problem.jobs?.map((job) => job.id), [1, 3, 4]);
  assert.deepEqual(problem.jobs?.[0], { id: 1, location_index: 1, service: 0, delivery: [6] });
  assert.equal(problem.vehicles[0]?.time_window, undefined);
});
