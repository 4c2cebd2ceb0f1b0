// Command line of `npm run bench -- vrp --set solomon|gh200|gh1000|x [--seconds N] [--threads T]
// [--filter name-prefix] [--max-n N] [--seed S] [--parallel P]`.
import { parseArgs } from 'node:util';

export const benchmarkSets = ['solomon', 'gh200', 'gh1000', 'x'] as const;
export type BenchmarkSet = (typeof benchmarkSets)[number];

export interface VrpBenchArgs {
  set: BenchmarkSet;
  seconds: number;
  threads: number;
  seed: number;
  /** Instances solved at the same time, each in its own worker (use at most one per idle core). */
  parallel: number;
  /** Only instances whose name starts with one of these comma-separated prefixes (case-insensitive). */
  filter?: string;
  /** Only instances with at most this many customers. */
  maxCustomers: number;
}

export const vrpBenchUsage =
  'usage: npm run bench -- vrp --set solomon|gh200|gh1000|x [--seconds N] [--threads T] [--filter name-prefix] [--max-n N] [--seed S] [--parallel P]';

/** Set X defaults to the instances up to 400 customers (issue 6's target range). */
const defaultMaxCustomers: Record<BenchmarkSet, number> = { solomon: Infinity, gh200: Infinity, gh1000: Infinity, x: 400 };

/** Parses and validates the benchmark arguments; throws naming the bad one. */
export function parseVrpBenchArgs(args: string[]): VrpBenchArgs {
  const { values } = parseArgs({
    args,
    options: {
      set: { type: 'string' },
      seconds: { type: 'string', default: '5' },
      threads: { type: 'string', default: '1' },
      seed: { type: 'string', default: '1' },
      filter: { type: 'string' },
      'max-n': { type: 'string' },
      parallel: { type: 'string', default: '1' },
    },
  });
  const set = values.set as BenchmarkSet | undefined;
  if (!set || !benchmarkSets.includes(set)) throw new Error(`--set must be one of ${benchmarkSets.join(', ')}`);
  const seconds = Number(values.seconds);
  if (!(seconds > 0)) throw new Error(`--seconds must be a positive number, got "${values.seconds}"`);
  const threads = Number(values.threads);
  const seed = Number(values.seed);
  const parallel = Number(values.parallel);
  if (!Number.isInteger(threads) || threads < 1) throw new Error(`--threads must be a positive integer, got "${values.threads}"`);
  if (!Number.isInteger(parallel) || parallel < 1) throw new Error(`--parallel must be a positive integer, got "${values.parallel}"`);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a non-negative integer, got "${values.seed}"`);
  const maxCustomers = values['max-n'] === undefined ? defaultMaxCustomers[set] : Number(values['max-n']);
  if (!(maxCustomers > 0)) throw new Error(`--max-n must be a positive number, got "${values['max-n']}"`);
  return { set, seconds, threads, seed, parallel, maxCustomers, ...(values.filter !== undefined && { filter: values.filter }) };
}
