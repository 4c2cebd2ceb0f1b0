/**
 * parcelgrid's vehicle-routing engine: VROOM's problem JSON in, VROOM's solution JSON out.
 * Pure TypeScript; the search runs in worker threads through `solve`, or in the calling thread
 * through `solveSync`.
 *
 * @example
 * const solution = await solve(problem, { seconds: 5, threads: 2 });
 * console.log(solution.summary.cost, solution.unassigned);
 *
 * @module
 */
export { solve } from './solve.ts';
export { solveSync } from './solve-sync.ts';
export { InvalidProblemError } from './model/invalid-problem-error.ts';
export type { SolveOptions, SolveProgress } from './solve-options.ts';
