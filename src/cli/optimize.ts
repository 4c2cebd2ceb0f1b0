// `parcelgrid optimize <file> [--format vroom|solomon|cvrplib] [--seconds N] [--seed S] [--threads T]`:
// reads a problem, solves it, writes VROOM solution JSON to stdout and progress to stderr. For
// Solomon/CVRPLIB files the job ids are the file's customer numbers and the routes are also
// re-checked by the independent checker (result on stderr).
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { InvalidProblemError, solve } from '../solver/index.ts';
import { checkSolution } from '../solver/check/solution-routes.ts';
import { problemFormats, readProblemText, type ProblemFormat, type ReadProblem } from '../solver/io/read-problem-text.ts';
import type { VroomProblem, VroomSolution } from '../solver/io/vroom-types.ts';

/** The slice of the solver's options the CLI sets (see src/solver/index.ts). */
export interface OptimizeSolveOptions {
  seconds?: number;
  seed?: number;
  threads?: number;
  onProgress?: (progress: { elapsedMs: number; iteration: number; bestCost: number; feasible: boolean }) => void;
}

export type SolveFunction = (problem: VroomProblem, options?: OptimizeSolveOptions) => Promise<VroomSolution>;

/** Where the command writes; process.stdout/stderr by default, captured in tests. */
export interface OptimizeOutput {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

interface OptimizeRequest {
  file: string;
  format?: ProblemFormat;
  options: OptimizeSolveOptions;
}

const usage = 'usage: parcelgrid optimize <file> [--format vroom|solomon|cvrplib] [--seconds N] [--seed S] [--threads T]';

/** Least time between two progress lines, so long runs do not flood stderr. */
const progressIntervalMs = 1000;

/** Runs the optimize command with `solve`; returns the process exit code (0 ok, 1 bad input or solver error, 2 usage). */
export async function optimizeWith(
  solve: SolveFunction,
  args: string[],
  output: OptimizeOutput = process,
): Promise<number> {
  const fail = (code: number, message: string): number => {
    output.stderr.write(`parcelgrid optimize: ${message}\n`);
    return code;
  };
  let request: OptimizeRequest;
  try {
    request = parseOptimizeArgs(args);
  } catch (error) {
    return fail(2, `${(error as Error).message}\n${usage}`);
  }
  let text: string;
  try {
    text = await readFile(request.file, 'utf8');
  } catch (error) {
    return fail(1, `cannot read ${request.file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let read: ReadProblem;
  try {
    read = readProblemText(text, request.file, request.format);
  } catch (error) {
    return fail(1, (error as Error).message);
  }
  let lastProgressAt = -progressIntervalMs;
  let solution: VroomSolution;
  try {
    solution = await solve(read.problem, {
      ...request.options,
      onProgress: ({ elapsedMs, iteration, bestCost, feasible }) => {
        if (elapsedMs - lastProgressAt < progressIntervalMs) return;
        lastProgressAt = elapsedMs;
        const best = Number.isFinite(bestCost) ? bestCost.toFixed(2) : 'none yet';
        const state = feasible ? '' : ' (infeasible)';
        output.stderr.write(`${(elapsedMs / 1000).toFixed(1)} s  iteration ${iteration}  best ${best}${state}\n`);
      },
    });
  } catch (error) {
    const message = (error as Error).message;
    return fail(1, error instanceof InvalidProblemError ? `${request.file}: ${message}` : `solver failed: ${message}`);
  }
  output.stdout.write(`${JSON.stringify(solution)}\n`);
  if (solution.code !== 0) return fail(1, `solver error ${solution.code}: ${solution.error ?? '(no message)'}`);
  if (read.instance) {
    const check = checkSolution(read.instance, solution);
    output.stderr.write(
      check.feasible
        ? `checked: feasible, distance ${check.distance.toFixed(4)}, ${check.vehicles} vehicles\n`
        : `checked: INFEASIBLE: ${check.errors.slice(0, 5).join('; ')}\n`,
    );
  }
  return 0;
}

/** `parcelgrid optimize …` with parcelgrid's solver; returns the exit code. */
export function runOptimize(args: string[], output: OptimizeOutput = process): Promise<number> {
  return optimizeWith(solve, args, output);
}

/** Validates the command line; throws with a message naming the bad argument. */
export function parseOptimizeArgs(args: string[]): OptimizeRequest {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      seconds: { type: 'string' },
      seed: { type: 'string' },
      threads: { type: 'string' },
    },
  });
  const [file, ...extra] = positionals;
  if (file === undefined) throw new Error('missing <file>');
  if (extra.length > 0) throw new Error(`unexpected argument "${extra[0]}"`);
  const format = values.format;
  if (format !== undefined && !problemFormats.includes(format as ProblemFormat)) {
    throw new Error(`--format must be one of ${problemFormats.join(', ')}, got "${format}"`);
  }
  const options: OptimizeSolveOptions = {};
  if (values.seconds !== undefined) options.seconds = numberArg('--seconds', values.seconds, 'positive number');
  if (values.seed !== undefined) options.seed = numberArg('--seed', values.seed, 'non-negative integer');
  if (values.threads !== undefined) options.threads = numberArg('--threads', values.threads, 'positive integer');
  return { file, ...(format !== undefined && { format: format as ProblemFormat }), options };
}

type NumberKind = 'positive number' | 'positive integer' | 'non-negative integer';

function numberArg(name: string, value: string, kind: NumberKind): number {
  const parsed = Number(value);
  const valid =
    value.trim() !== '' &&
    Number.isFinite(parsed) &&
    (kind === 'positive number' ? parsed > 0 : Number.isInteger(parsed) && parsed >= (kind === 'positive integer' ? 1 : 0));
  if (!valid) throw new Error(`${name} must be a ${kind}, got "${value}"`);
  return parsed;
}
