// Adapts the penalty weights so that about `targetFeasible` of the solutions the search produces
// satisfy each constraint (PyVRP's PenaltyManager): a weight grows while its constraint is mostly
// broken and shrinks while it is mostly met, so the search keeps crossing the feasibility border.
import type { ProblemData } from '../model/problem-data.ts';
import { FEASIBILITY_TOLERANCE, type Penalties } from '../search/cost-evaluator.ts';
import type { SearchSolution } from '../search/search-solution.ts';

export interface PenaltyParams {
  /** Solutions registered between two adjustments. */
  updateEvery: number;
  increase: number;
  decrease: number;
  targetFeasible: number;
  /** No adjustment while the feasible share is within this distance of the target. */
  tolerance: number;
  min: number;
  max: number;
}

export const DEFAULT_PENALTIES: PenaltyParams = {
  updateEvery: 20,
  increase: 1.3,
  decrease: 0.85,
  targetFeasible: 0.5,
  tolerance: 0.05,
  min: 1e-3,
  max: 1e7,
};

/**
 * Starting weights price a unit of violation like this many average arcs; with fewer, the first
 * seconds on tightly windowed instances (Solomon R1, RC1) are spent far from feasibility.
 */
const INITIAL_SCALE = 10;

type Constraint = keyof Penalties;
const CONSTRAINTS: readonly Constraint[] = ['load', 'time', 'distance'];

export class PenaltyManager {
  readonly penalties: Penalties;
  private readonly feasibleCount: Record<Constraint, number> = { load: 0, time: 0, distance: 0 };
  private registered = 0;
  private readonly params: PenaltyParams;

  constructor(data: ProblemData, params: PenaltyParams = DEFAULT_PENALTIES) {
    this.params = params;
    this.penalties = initialPenalties(data);
  }

  /** Records which constraints `solution` satisfies and adjusts the weights every updateEvery calls. */
  register(solution: SearchSolution): void {
    const broken: Record<Constraint, boolean> = { load: false, time: false, distance: false };
    for (const { stats } of solution.routes) {
      broken.load ||= stats.excessLoad > FEASIBILITY_TOLERANCE;
      broken.time ||= stats.timeWarp + stats.excessTravel > FEASIBILITY_TOLERANCE;
      broken.distance ||= stats.excessDistance > FEASIBILITY_TOLERANCE;
    }
    for (const c of CONSTRAINTS) if (!broken[c]) this.feasibleCount[c]++;
    if (++this.registered < this.params.updateEvery) return;
    const { targetFeasible, tolerance, increase, decrease, min, max } = this.params;
    for (const c of CONSTRAINTS) {
      const share = this.feasibleCount[c] / this.registered;
      if (share < targetFeasible - tolerance) this.penalties[c] = Math.min(this.penalties[c] * increase, max);
      if (share > targetFeasible + tolerance) this.penalties[c] = Math.max(this.penalties[c] * decrease, min);
      this.feasibleCount[c] = 0;
    }
    this.registered = 0;
  }
}

/** Starting weights that make one unit of violation cost about one average arc (PyVRP's init_from). */
function initialPenalties(data: ProblemData): Penalties {
  const { cost, duration, distance } = data.vehicles[0]!.matrices;
  let arcCost = 0;
  let arcDuration = 0;
  let arcDistance = 0;
  const n = data.numTasks;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      arcCost += cost[i * data.numNodes + j]!;
      arcDuration += duration[i * data.numNodes + j]!;
      arcDistance += distance[i * data.numNodes + j]!;
    }
  }
  let demand = 0;
  for (let k = 0; k < data.delivery.length; k++) demand += data.delivery[k]! + data.pickup[k]!;
  const arcs = Math.max(n * n, 1);
  const perArc = INITIAL_SCALE * Math.max(arcCost / arcs, 1e-6);
  return {
    load: perArc / Math.max(demand / Math.max(n, 1), 1),
    time: perArc / Math.max(arcDuration / arcs, 1),
    distance: perArc / Math.max(arcDistance / arcs, 1),
  };
}
