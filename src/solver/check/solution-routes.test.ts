import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { readSolomon } from '../io/read-solomon.ts';
import type { VroomRoute, VroomSolution, VroomStep } from '../io/vroom-types.ts';
import { checkSolution, routesOfSolution } from './solution-routes.ts';

const tiny3 = readSolomon(readFileSync(new URL('../io/fixtures/tiny3.txt', import.meta.url), 'utf8'));

const step = (type: VroomStep['type'], id?: number): VroomStep => ({
  type,
  ...(id !== undefined && { id }),
  setup: 0,
  service: 0,
  waiting_time: 0,
  load: [0],
  arrival: 0,
  duration: 0,
  distance: 0,
  violations: [],
});
const route = (vehicle: number, jobs: number[]): VroomRoute => ({
  vehicle,
  cost: 0,
  delivery: [0],
  pickup: [0],
  setup: 0,
  service: 0,
  duration: 0,
  waiting_time: 0,
  priority: 0,
  distance: 0,
  steps: [step('start'), ...jobs.map((id) => step('job', id)), step('end')],
  violations: [],
});
/** A solution for tiny3 claiming `distance`; the routes [1, 2] and [3] measure 30 (see check-routes.test.ts). */
const solution = (distance: number): VroomSolution => ({
  code: 0,
  summary: {
    cost: distance,
    routes: 2,
    unassigned: 0,
    delivery: [13],
    pickup: [0],
    setup: 0,
    service: 4,
    duration: distance,
    waiting_time: 0,
    priority: 0,
    distance,
    violations: [],
  },
  unassigned: [],
  routes: [route(1, [1, 2]), route(2, [3])],
});

test('job steps become customer sequences', () => {
  assert.deepEqual(routesOfSolution(solution(30)), [[1, 2], [3]]);
});

test('a truthful solution passes; a misreported distance, an unassigned task or a reported violation fails', () => {
  assert.deepEqual(checkSolution(tiny3, solution(30)), { feasible: true, errors: [], distance: 30, vehicles: 2 });
  assert.deepEqual(checkSolution(tiny3, solution(29)).errors, ['solver reports distance 29 but its routes measure 30']);
  const violated = solution(30);
  violated.summary.violations = [{ cause: 'delay', duration: 3 }];
  assert.deepEqual(checkSolution(tiny3, violated).errors, ['solver reports violations: delay']);
  const partial = solution(30);
  partial.unassigned = [{ id: 3, type: 'job', reason: 'no vehicle reaches it in time' }];
  assert.deepEqual(checkSolution(tiny3, partial).errors, ['solver left unassigned: 3 (no vehicle reaches it in time)']);
  const failed: VroomSolution = { ...solution(0), code: 2, error: 'bad input' };
  assert.deepEqual(checkSolution(tiny3, failed).errors, ['solver error 2: bad input']);
});
