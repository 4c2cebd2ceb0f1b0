import assert from 'node:assert/strict';
import { test } from 'node:test';
import { solve } from './solve.ts';
import { InvalidProblemError } from './model/invalid-problem-error.ts';
import { randomProblem } from './testing/random-problem.ts';

const problem = randomProblem({ customers: 30, vehicles: 6, capacity: 50, seed: 2, windowWidth: 200 });

test('two worker threads each search with their own seed and the best solution is returned', async () => {
  const progress: number[] = [];
  const solution = await solve(problem, { iterations: 30, threads: 2, onProgress: (p) => progress.push(p.iteration) });
  assert.equal(solution.code, 0);
  assert.equal(solution.unassigned.length, 0);
  assert.ok(solution.summary.cost > 0);
});

test('aborting stops a long search early and still returns a solution', async () => {
  const controller = new AbortController();
  const started = Date.now();
  setTimeout(() => controller.abort(), 1500);
  const solution = await solve(problem, { seconds: 60, signal: controller.signal });
  assert.ok(Date.now() - started < 10_000);
  assert.equal(solution.unassigned.length, 0);
});

test('invalid input is rejected before any worker starts', async () => {
  const bad = { ...problem, vehicles: [] };
  await assert.rejects(solve(bad), InvalidProblemError);
});
