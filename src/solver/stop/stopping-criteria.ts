// Stopping criteria as plain functions (PyVRP's pyvrp/stop): each takes the search's progress and
// answers "stop now?". Combine them with anyOf.

export interface SearchProgress {
  iteration: number;
  elapsedMs: number;
  /** Iterations since the best feasible solution last improved. */
  iterationsWithoutImprovement: number;
}

export type StoppingCriterion = (progress: SearchProgress) => boolean;

/** Stops once `seconds` of wall-clock time have passed. */
export const maxRuntime = (seconds: number): StoppingCriterion => (p) => p.elapsedMs >= seconds * 1000;

/** Stops after `iterations` iterations. */
export const maxIterations = (iterations: number): StoppingCriterion => (p) => p.iteration >= iterations;

/** Stops after `iterations` iterations without a new best solution. */
export const noImprovement = (iterations: number): StoppingCriterion => (p) => p.iterationsWithoutImprovement >= iterations;

/** Stops as soon as any of `criteria` does. */
export const anyOf = (...criteria: StoppingCriterion[]): StoppingCriterion => (p) => criteria.some((stop) => stop(p));
