// Feasibility repair: the search prices violations with adaptive penalties, so it can end near but
// not at feasibility. Repair re-runs local search with the weights multiplied (HGS-CVRP repairs
// infeasible offspring with ten times the penalties), and, when given a recreate step, first takes
// every task out of the violating routes and puts them back under the boosted weights, where an
// empty vehicle beats any violation.
import { isFeasible, type Penalties } from '../search/cost-evaluator.ts';
import type { LocalSearch } from '../search/local-search.ts';
import type { SearchSolution } from '../search/search-solution.ts';
import type { GreedyRecreate } from './recreate-greedy.ts';

/** HGS-CVRP's penalty booster for repairs. */
export const REPAIR_BOOST = 10;

const boosted = (penalties: Penalties, factor: number): Penalties => ({
  load: penalties.load * factor,
  time: penalties.time * factor,
  distance: penalties.distance * factor,
});

/** Tries each boost in turn until `solution` is feasible; returns whether it is. */
export function repairFeasibility(
  solution: SearchSolution,
  localSearch: LocalSearch,
  penalties: Penalties,
  boosts: readonly number[],
  recreate?: GreedyRecreate,
): boolean {
  for (const factor of boosts) {
    if (solution.isFeasible()) return true;
    const weights = boosted(penalties, factor);
    if (recreate) recreate.run(solution, takeOutViolatingRoutes(solution), weights);
    localSearch.reexamineAll();
    localSearch.run(solution, weights);
  }
  return solution.isFeasible();
}

/** Empties every route that breaks a constraint; returns the tasks taken out. */
function takeOutViolatingRoutes(solution: SearchSolution): number[] {
  const removed: number[] = [];
  for (const route of solution.routes) {
    if (isFeasible(route.stats)) continue;
    const tasks = route.tasks();
    route.setTasks([]);
    solution.refresh(route);
    for (const task of tasks) solution.unassign(task);
    removed.push(...tasks);
  }
  return removed;
}
