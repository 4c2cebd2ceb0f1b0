import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import type { VroomProblem, VroomSolution } from '../solver/io/vroom-types.ts';
import { optimizeWith, parseOptimizeArgs, runOptimize, type SolveFunction } from './optimize.ts';

const tiny3 = fileURLToPath(new URL('../solver/io/fixtures/tiny3.txt', import.meta.url));

/** Runs the command with captured streams. */
async function capture(run: (output: { stdout: { write(t: string): unknown }; stderr: { write(t: string): unknown } }) => Promise<number>) {
  let stdout = '';
  let stderr = '';
  const code = await run({ stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

const refusingSolve: SolveFunction = () => Promise.reject(new Error('solve must not be called'));

test('parses options and rejects bad ones by name', () => {
  assert.deepEqual(parseOptimizeArgs(['p.txt', '--format', 'solomon', '--seconds', '2.5', '--seed', '7', '--threads', '2']), {
    file: 'p.txt',
    format: 'solomon',
    options: { seconds: 2.5, seed: 7, threads: 2 },
  });
  assert.throws(() => parseOptimizeArgs([]), /missing <file>/);
  assert.throws(() => parseOptimizeArgs(['p', '--format', 'xml']), /--format must be one of vroom, solomon, cvrplib, got "xml"/);
  assert.throws(() => parseOptimizeArgs(['p', '--seconds', '0']), /--seconds must be a positive number, got "0"/);
  assert.throws(() => parseOptimizeArgs(['p', '--threads', '1.5']), /--threads must be a positive integer/);
});

test('a missing or malformed file gives one clear line and exit code 1; bad usage exit code 2', async () => {
  const missing = await capture((output) => optimizeWith(refusingSolve, ['/nonexistent/p.json'], output));
  assert.deepEqual(missing, { code: 1, stdout: '', stderr: 'parcelgrid optimize: cannot read /nonexistent/p.json: ENOENT\n' });
  const dir = mkdtempSync(join(tmpdir(), 'optimize-test-'));
  const broken = join(dir, 'broken.txt');
  writeFileSync(broken, 'BROKEN\nVEHICLE\nNUMBER CAPACITY\n2 x\nCUSTOMER\n');
  const malformed = await capture((output) => optimizeWith(refusingSolve, [broken, '--format', 'solomon'], output));
  assert.equal(malformed.code, 1);
  assert.equal(malformed.stderr, `parcelgrid optimize: ${broken} line 4: "x" is not a number\n`);
  const usage = await capture((output) => optimizeWith(refusingSolve, ['--bogus'], output));
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /usage: parcelgrid optimize <file>/);
});

test('solves the tiny Solomon fixture: JSON on stdout with the file customer numbers, check on stderr', async () => {
  const { code, stdout, stderr } = await capture((output) => runOptimize([tiny3, '--seconds', '1', '--seed', '3'], output));
  assert.equal(code, 0, stderr);
  const solution = JSON.parse(stdout) as VroomSolution;
  // Optimum by hand (see check-routes.test.ts): routes [1, 2] and [3], distance 20 + 10 = 30.
  const routes = solution.routes.map((route) => route.steps.filter((s) => s.type === 'job').map((s) => s.id));
  assert.deepEqual(routes.sort((a, b) => a.length - b.length), [[3], [1, 2]]);
  assert.ok(Math.abs(solution.summary.distance - 30) < 1e-9);
  assert.match(stderr, /checked: feasible, distance 30\.0000, 2 vehicles/);
});

test('passes the parsed problem and options to the solver', async () => {
  let received: { problem: VroomProblem; seconds: number | undefined } | undefined;
  const spy: SolveFunction = (problem, options) => {
    received = { problem, seconds: options?.seconds };
    return Promise.resolve({ code: 2, error: 'spy', summary: {} as VroomSolution['summary'], unassigned: [], routes: [] });
  };
  const result = await capture((output) => optimizeWith(spy, [tiny3, '--seconds', '4'], output));
  assert.equal(received?.seconds, 4);
  assert.deepEqual(received?.problem.jobs?.map((job) => job.id), [1, 2, 3]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /solver error 2: spy/);
});
