// Runs one benchmark set: reads each instance, solves it, re-checks the solution independently,
// streams the table to stdout and progress to stderr, and writes bench/results/vrp-<set>.md.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describeMachine } from '../support/machine.ts';
import { checkSolution } from '../../src/solver/check/solution-routes.ts';
import { instanceToVroom } from '../../src/solver/io/instance-to-vroom.ts';
import type { VroomProblem, VroomSolution } from '../../src/solver/io/vroom-types.ts';
import type { VrpBenchArgs } from './bench-args.ts';
import { consoleFamilyMeans, consoleHeader, consoleRow, familyMeans, markdownReport, type InstanceResult } from './bench-report.ts';
import { benchmarkSetDefinitions, type BenchmarkInstance, type BenchmarkSetDefinition } from './benchmark-sets.ts';

export type BenchSolve = (
  problem: VroomProblem,
  options: { seconds: number; threads: number; seed: number },
) => Promise<VroomSolution>;

/** ../shared/data/vrp relative to the project root. */
export const vrpDataDir = new URL('../../../shared/data/vrp/', import.meta.url);
const resultsDir = new URL('../results/', import.meta.url);

/** Runs the set chosen in `args`; returns the results (also printed and written as markdown). */
export async function runBenchmarkSet(solve: BenchSolve, args: VrpBenchArgs, command: string): Promise<InstanceResult[]> {
  if (!existsSync(vrpDataDir)) {
    throw new Error(`benchmark data not found at ${vrpDataDir.pathname} (expected ../shared/data/vrp next to the project)`);
  }
  const definition = benchmarkSetDefinitions[args.set];
  const prefixes = args.filter?.toLowerCase().split(',');
  const selected = definition
    .instances(vrpDataDir)
    .filter((instance) => instance.customers <= args.maxCustomers)
    .filter((instance) => prefixes === undefined || prefixes.some((prefix) => instance.name.toLowerCase().startsWith(prefix)));
  if (selected.length === 0) throw new Error(`no ${args.set} instance matches --filter/--max-n`);

  console.log(
    `${definition.title}: ${selected.length} instances, ${args.seconds} s each, ${args.threads} thread(s), ${args.parallel} at a time, seed ${args.seed}`,
  );
  definition.conventions.forEach((convention) => console.log(`  ${convention}`));
  // Other processes on the machine slow a time-limited search down; the load is recorded with the results.
  const startedAt = new Date().toISOString();
  const machine = `${describeMachine()} at start`;
  console.log(consoleHeader());
  // Workers take instances in file order; rows print as they finish, the report keeps file order.
  const results: InstanceResult[] = new Array(selected.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < selected.length; index = next++) {
      const instance = selected[index]!;
      console.error(`[${index + 1}/${selected.length}] ${instance.name}: solving for ${args.seconds} s`);
      const result = await runInstance(solve, definition, instance, args);
      results[index] = result;
      console.log(consoleRow(result));
      if (!result.feasible) console.error(`  ${instance.name} infeasible: ${result.errors.slice(0, 3).join('; ')}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(args.parallel, selected.length) }, worker));
  console.log(`\n${consoleFamilyMeans(familyMeans(results))}`);

  const markdown = markdownReport(
    {
      title: definition.title,
      command,
      date: startedAt,
      machine,
      conventions: definition.conventions,
    },
    results,
  );
  mkdirSync(resultsDir, { recursive: true });
  const file = new URL(`vrp-${args.set}.md`, resultsDir);
  writeFileSync(file, markdown);
  console.error(`wrote ${file.pathname}`);
  return results;
}

async function runInstance(
  solve: BenchSolve,
  definition: BenchmarkSetDefinition,
  instance: BenchmarkInstance,
  args: VrpBenchArgs,
): Promise<InstanceResult> {
  const base = { name: instance.name, family: instance.family, customers: instance.customers, reference: instance.reference };
  // Seconds measure the solve() call only: worker start-up, search and solution building.
  let started = performance.now();
  try {
    const routing = definition.read(readFileSync(instance.file, 'utf8'), instance.name);
    const problem = instanceToVroom(routing);
    started = performance.now();
    const solution = await solve(problem, { seconds: args.seconds, threads: args.threads, seed: args.seed });
    const seconds = (performance.now() - started) / 1000;
    const check = checkSolution(routing, solution);
    const gapPercent = (100 * (check.distance - instance.reference.value)) / instance.reference.value;
    return { ...base, cost: check.distance, gapPercent, vehicles: check.vehicles, seconds, feasible: check.feasible, errors: check.errors };
  } catch (error) {
    const seconds = (performance.now() - started) / 1000;
    const message = `failed: ${(error as Error).message}`;
    return { ...base, cost: Number.NaN, gapPercent: Number.NaN, vehicles: 0, seconds, feasible: false, errors: [message] };
  }
}
