import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildProblemData } from '../model/build-problem-data.ts';
import { computeNeighbours, DEFAULT_PROXIMITY } from '../search/neighbourhood.ts';
import { exchange } from '../search/exchange.ts';
import { LocalSearch } from '../search/local-search.ts';
import { SearchSolution } from '../search/search-solution.ts';
import { randomProblem } from '../testing/random-problem.ts';
import { Rng } from '../rng.ts';
import { GreedyRecreate } from './recreate-greedy.ts';
import { repairFeasibility } from './repair.ts';

test('repair turns one overloaded, late route into a feasible plan by opening other vehicles', () => {
  const data = buildProblemData(randomProblem({ customers: 40, vehicles: 15, capacity: 40, seed: 3, windowWidth: 60 }));
  const active = new Uint8Array(data.numTasks).fill(1);
  const solution = new SearchSolution(data, active);
  solution.load([Array.from({ length: data.numTasks }, (_, t) => t)]);
  assert.equal(solution.isFeasible(), false, 'every customer on one vehicle breaks capacity and windows');

  const rng = new Rng(1);
  const localSearch = new LocalSearch(data, computeNeighbours(data, active, 10, DEFAULT_PROXIMITY), [exchange(data, 1, 0)], rng);
  const weak = { load: 1e-3, time: 1e-3, distance: 1e-3 };
  assert.equal(repairFeasibility(solution, localSearch, weak, [10, 1e4, 1e8], new GreedyRecreate(data, rng)), true);
  assert.equal(solution.isFeasible(), true);
  assert.deepEqual(solution.unassignedTasks(), [], 'repair keeps every customer served');
});

test('repair leaves a feasible solution alone', () => {
  const data = buildProblemData(randomProblem({ customers: 10, vehicles: 10, capacity: 100, seed: 5, windowWidth: Infinity }));
  const active = new Uint8Array(data.numTasks).fill(1);
  const solution = new SearchSolution(data, active);
  solution.load(Array.from({ length: data.numTasks }, (_, t) => [t]));
  const before = solution.plan();
  const localSearch = new LocalSearch(data, computeNeighbours(data, active, 5, DEFAULT_PROXIMITY), [], new Rng(1));
  assert.equal(repairFeasibility(solution, localSearch, { load: 1, time: 1, distance: 1 }, [10]), true);
  assert.deepEqual(solution.plan(), before);
});
