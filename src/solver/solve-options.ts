// Options shared by solve(), solveSync() and the worker protocol.

export interface SolveProgress {
  elapsedMs: number;
  iteration: number;
  /** Objective of the best feasible solution so far; Infinity until there is one. */
  bestCost: number;
  feasible: boolean;
}

export interface SolveOptions {
  /** Wall-clock limit; the default is 5 seconds when no other limit is given. */
  seconds?: number;
  iterations?: number;
  /** Stop after this many iterations without a better solution. */
  noImprovementIterations?: number;
  seed?: number;
  /** Independent searches run in parallel worker threads (solve() only); the best one wins. */
  threads?: number;
  onProgress?: (progress: SolveProgress) => void;
  signal?: AbortSignal;
}

/** Default time limit when the caller sets no limit at all. */
export const DEFAULT_SECONDS = 5;
