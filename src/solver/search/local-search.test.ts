import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildProblemData } from '../model/build-problem-data.ts';
import { Rng } from '../rng.ts';
import { randomProblem } from '../testing/random-problem.ts';
import { exchange } from './exchange.ts';
import { LocalSearch } from './local-search.ts';
import { computeNeighbours, DEFAULT_PROXIMITY } from './neighbourhood.ts';
import { SearchSolution } from './search-solution.ts';

test('local search stops between passes once time is up, leaving a valid solution', () => {
  const data = buildProblemData(randomProblem({ customers: 30, vehicles: 30, capacity: 100, seed: 2, windowWidth: Infinity }));
  const active = new Uint8Array(data.numTasks).fill(1);
  const solution = new SearchSolution(data, active);
  solution.load(Array.from({ length: data.numTasks }, (_, t) => [t]));
  const localSearch = new LocalSearch(data, computeNeighbours(data, active, 8, DEFAULT_PROXIMITY), [exchange(data, 1, 0)], new Rng(1));
  const penalties = { load: 1, time: 1, distance: 1 };
  const before = solution.objective();

  localSearch.markAllPromising();
  localSearch.run(solution, penalties, () => true);
  assert.equal(solution.objective(), before, 'no pass starts when time is already up');

  let passes = 0;
  localSearch.run(solution, penalties, () => ++passes > 1);
  assert.ok(solution.objective() < before, 'one pass improves the one-customer routes');
  assert.deepEqual(solution.unassignedTasks(), []);
  assert.equal(passes, 2, 'checked before each pass');
});
