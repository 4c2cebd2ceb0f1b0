import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildProblemData } from '../model/build-problem-data.ts';
import { computeAdjacency } from '../search/neighbourhood.ts';
import { SearchSolution } from '../search/search-solution.ts';
import { randomProblem } from '../testing/random-problem.ts';
import { GreedyRecreate } from './recreate-greedy.ts';
import { Rng } from '../rng.ts';
import { DEFAULT_RUIN, ruinStrings } from './ruin-strings.ts';

test('ruin removes whole shipments and recreate puts every task back, pickups first', () => {
  const data = buildProblemData(randomProblem({ customers: 30, vehicles: 5, capacity: 40, seed: 9, windowWidth: 250, shipments: 4 }));
  const active = new Uint8Array(data.numTasks).fill(1);
  const solution = new SearchSolution(data, active);
  const rng = new Rng(4);
  const recreate = new GreedyRecreate(data, rng);
  const penalties = { load: 10, time: 10, distance: 10 };
  const adjacency = computeAdjacency(data, active, 100);
  recreate.run(solution, [], penalties);
  for (let round = 0; round < 50; round++) {
    const removed = ruinStrings(data, solution, adjacency, rng, DEFAULT_RUIN);
    assert.ok(removed.length > 0);
    for (const task of removed) {
      assert.equal(solution.routeOf[task], -1);
      if (data.partner[task]! >= 0) assert.ok(removed.includes(data.partner[task]!), 'shipment halves leave together');
    }
    recreate.run(solution, removed, penalties);
    assert.deepEqual(solution.unassignedTasks(), []);
    for (let task = 0; task < data.numTasks; task++) {
      const partner = data.partner[task]!;
      if (partner > task) {
        assert.equal(solution.routeOf[task], solution.routeOf[partner]);
        assert.ok(solution.posOf[task]! < solution.posOf[partner]!);
      }
    }
  }
});
