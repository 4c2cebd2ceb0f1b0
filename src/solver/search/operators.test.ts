// Exact-delta tests: for every operator and every applicable (U, V) pair of a solution, an
// improving evaluate() equals the penalised cost difference after apply(); a non-improving one is
// a lower bound on it (evaluation may stop early, see operator.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../rng.ts';
import { buildProblemData } from '../model/build-problem-data.ts';
import type { ProblemData } from '../model/problem-data.ts';
import { randomProblem } from '../testing/random-problem.ts';
import type { Penalties } from './cost-evaluator.ts';
import { exchange } from './exchange.ts';
import type { NodeOperator } from './operator.ts';
import { SearchSolution } from './search-solution.ts';
import { swapTails } from './swap-tails.ts';
import { twoOpt } from './two-opt.ts';

const penalties: Penalties = { load: 7, time: 3, distance: 1 };

/** A deliberately poor solution (random routes, some shipments) so that many moves improve. */
function scrambled(data: ProblemData, seed: number): SearchSolution {
  const solution = new SearchSolution(data, new Uint8Array(data.numTasks).fill(1));
  const rng = new Rng(seed);
  const plan: number[][] = data.vehicles.map(() => []);
  for (let task = 0; task < data.numTasks; task++) {
    if (data.partner[task]! >= 0 && data.partner[task]! < task) continue;
    const route = plan[rng.int(plan.length)]!;
    route.push(task);
    if (data.partner[task]! >= 0) route.push(data.partner[task]!);
  }
  for (const route of plan) {
    rng.shuffle(route);
    // Put each pickup (the lower task index of a pair) before its delivery.
    route.forEach((task, i) => {
      const j = route.indexOf(data.partner[task]!);
      if (j >= 0 && (j < i) !== (data.partner[task]! < task)) [route[i], route[j]] = [route[j]!, route[i]!];
    });
  }
  solution.load(plan);
  assertPairsIntact(data, solution);
  return solution;
}

function checkOperator(makeOperator: (data: ProblemData) => NodeOperator): void {
  const data = buildProblemData(randomProblem({ customers: 14, vehicles: 3, capacity: 30, seed: 5, windowWidth: 150, shipments: 2 }));
  const operator = makeOperator(data);
  let improving = 0;
  for (let seed = 1; seed <= 3; seed++) {
    const plan = scrambled(data, seed).plan();
    const nodes = [...Array(data.numTasks).keys(), ...data.vehicles.map((v) => v.startNode)];
    for (let u = 0; u < data.numTasks; u++) {
      for (const v of nodes) {
        if (u === v) continue;
        const solution = new SearchSolution(data, new Uint8Array(data.numTasks).fill(1));
        solution.load(plan);
        const delta = operator.evaluate(u, v, solution, penalties);
        if (delta === Infinity) continue;
        const before = solution.penalisedCost(penalties);
        operator.apply(u, v, solution);
        const actual = solution.penalisedCost(penalties) - before;
        assertPairsIntact(data, solution);
        if (delta < 0) {
          improving++;
          assert.ok(Math.abs(delta - actual) < 1e-7, `${operator.name}(${u}, ${v}): evaluate ${delta}, actual ${actual}`);
        } else {
          assert.ok(delta <= actual + 1e-7, `${operator.name}(${u}, ${v}): bound ${delta} above actual ${actual}`);
        }
      }
    }
  }
  assert.ok(improving > 0, `${operator.name} found no improving move to check`);
}

/** Every shipment stays in one route with its pickup first. */
function assertPairsIntact(data: ProblemData, solution: SearchSolution): void {
  for (let task = 0; task < data.numTasks; task++) {
    const partner = data.partner[task]!;
    if (partner < task) continue;
    assert.equal(solution.routeOf[task], solution.routeOf[partner]);
    assert.ok(solution.posOf[task]! < solution.posOf[partner]!);
  }
}

for (const [n, m] of [[1, 0], [2, 0], [3, 0], [1, 1], [2, 1], [2, 2], [3, 1], [3, 2], [3, 3]] as const) {
  test(`exchange${n}${m}: evaluate gives the exact delta of apply`, () => checkOperator((data) => exchange(data, n, m)));
}
test('swapTails: evaluate gives the exact delta of apply', () => checkOperator(swapTails));
test('twoOpt: evaluate gives the exact delta of apply', () => checkOperator(twoOpt));
