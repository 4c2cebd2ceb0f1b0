// One search in the calling thread: build the model, set aside tasks no vehicle can serve, run the
// iterated local search, and write the honest VROOM-shaped solution.
import type { VroomProblem, VroomSolution } from './io/vroom-types.ts';
import { DEFAULT_ILS, iteratedLocalSearch } from './ils/iterated-local-search.ts';
import { buildProblemData } from './model/build-problem-data.ts';
import { buildSolution } from './output/build-solution.ts';
import { findUnservableTasks } from './search/unservable-tasks.ts';
import { DEFAULT_SECONDS, type SolveOptions } from './solve-options.ts';
import { anyOf, maxIterations, maxRuntime, noImprovement, type StoppingCriterion } from './stop/stopping-criteria.ts';

/** How often (ms) onProgress is called at most. */
const PROGRESS_INTERVAL_MS = 200;

/** Solves `problem` in this thread; throws InvalidProblemError for input that cannot be solved. */
export function solveSync(problem: VroomProblem, options: SolveOptions = {}, isCancelled: () => boolean = () => false): VroomSolution {
  const started = performance.now();
  const data = buildProblemData(problem);
  const { reasons, compatible } = findUnservableTasks(data);
  const searchData = { ...data, canServe: compatible, skillsMatter: compatible.includes(0) };
  const active = Uint8Array.from(reasons, (reason) => (reason === undefined ? 1 : 0));
  const loaded = performance.now();
  let lastProgress = -Infinity;
  const result = iteratedLocalSearch(searchData, active, stoppingCriterion(options, isCancelled), { ...DEFAULT_ILS, seed: options.seed ?? DEFAULT_ILS.seed }, {
    onIteration: (state) => {
      if (!options.onProgress || state.elapsedMs - lastProgress < PROGRESS_INTERVAL_MS) return;
      lastProgress = state.elapsedMs;
      options.onProgress({ elapsedMs: state.elapsedMs, iteration: state.iteration, bestCost: state.bestCost, feasible: state.feasible });
    },
  });
  return buildSolution(data, result.plan, reasons, { loading: loaded - started, solving: performance.now() - loaded });
}

function stoppingCriterion(options: SolveOptions, isCancelled: () => boolean): StoppingCriterion {
  const criteria: StoppingCriterion[] = [() => isCancelled() || options.signal?.aborted === true];
  if (options.seconds !== undefined) criteria.push(maxRuntime(options.seconds));
  if (options.iterations !== undefined) criteria.push(maxIterations(options.iterations));
  if (options.noImprovementIterations !== undefined) criteria.push(noImprovement(options.noImprovementIterations));
  if (criteria.length === 1) criteria.push(maxRuntime(DEFAULT_SECONDS));
  return anyOf(...criteria);
}
