// `npm run bench -- vrp --set solomon|gh200|gh1000|x [--seconds N] [--threads T] [--filter prefix] [--max-n N]`:
// solves a benchmark set with parcelgrid's solver and checks every solution independently.
// Conventions: docs/solver.md and bench/results/vrp.md.
import { solve } from '../src/solver/index.ts';
import { parseVrpBenchArgs, vrpBenchUsage, type VrpBenchArgs } from './vrp/bench-args.ts';
import { runBenchmarkSet } from './vrp/run-benchmark-set.ts';

/** Runs one VRP benchmark set; sets a non-zero exit code on bad arguments or missing data. */
export default async function vrpBench(args: string[]): Promise<void> {
  let parsed: VrpBenchArgs;
  try {
    parsed = parseVrpBenchArgs(args);
  } catch (error) {
    console.error(`vrp bench: ${(error as Error).message}\n${vrpBenchUsage}`);
    process.exitCode = 2;
    return;
  }
  try {
    await runBenchmarkSet(solve, parsed, `npm run bench -- vrp ${args.join(' ')}`);
  } catch (error) {
    console.error(`vrp bench: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
