import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseVrpBenchArgs } from './bench-args.ts';
import { consoleRow, familyMeans, markdownReport, type InstanceResult } from './bench-report.ts';

const result = (name: string, family: string, gapPercent: number, extra: Partial<InstanceResult> = {}): InstanceResult => ({
  name,
  family,
  customers: 100,
  cost: 100 + gapPercent,
  reference: { value: 100, column: 'distonly_distance', inMean: true },
  gapPercent,
  vehicles: 10,
  seconds: 5,
  feasible: true,
  errors: [],
  ...extra,
});

test('family means skip infeasible and upper-bound-only rows but count them', () => {
  const results = [
    result('c101', 'C1', 1),
    result('c102', 'C1', 3),
    result('r101', 'R1', 2),
    result('r109', 'R1', -4, { reference: { value: 1146.9, column: 'distance', inMean: false } }),
    result('r110', 'R1', 50, { feasible: false, errors: ['late'] }),
  ];
  // C1: (1 + 3) / 2 = 2; R1: only r101 counts → 2; all: (1 + 3 + 2) / 3 = 2.
  assert.deepEqual(
    familyMeans(results).map((mean) => [mean.family, mean.instances, mean.meanGapPercent, mean.infeasible]),
    [
      ['C1', 2, 2, 0],
      ['R1', 1, 2, 1],
      ['all', 3, 2, 1],
    ],
  );
  assert.match(consoleRow(results[3]!), /^r109 +96\.00 +1146\.9 \(UB\) +-4\.00 +10 +5\.0 +yes$/);
  const markdown = markdownReport({ title: 'T', command: 'c', date: 'd', machine: 'm', conventions: ['conv'] }, results);
  assert.match(markdown, /\| r110 \| 150\.00 \| 100 \| 50\.00 \| 10 \| 5\.0 \| NO \|/);
  assert.match(markdown, /## Infeasible\n\n- r110: late/);
});

test('benchmark arguments: defaults, X size cap, errors', () => {
  assert.deepEqual(parseVrpBenchArgs(['--set', 'x']), { set: 'x', seconds: 5, threads: 1, seed: 1, parallel: 1, maxCustomers: 400 });
  assert.deepEqual(parseVrpBenchArgs(['--set', 'solomon', '--seconds', '30', '--filter', 'rc2', '--max-n', '100', '--parallel', '2']), {
    set: 'solomon',
    seconds: 30,
    threads: 1,
    seed: 1,
    parallel: 2,
    maxCustomers: 100,
    filter: 'rc2',
  });
  assert.throws(() => parseVrpBenchArgs(['--set', 'tsp']), /--set must be one of solomon, gh200, gh1000, x/);
  assert.throws(() => parseVrpBenchArgs(['--set', 'x', '--threads', '0']), /--threads must be a positive integer/);
  assert.throws(() => parseVrpBenchArgs(['--set', 'x', '--parallel', '0']), /--parallel must be a positive integer/);
});
