// The contract every local-search operator follows (PyVRP's LocalSearchOperator, VROOM's operator.h):
// evaluate() prices a move without changing anything; apply() performs it.
import type { Penalties } from './cost-evaluator.ts';
import type { SearchSolution } from './search-solution.ts';

export interface NodeOperator {
  readonly name: string;
  /**
   * Change in penalised cost if the move defined by task `u` and node `v` (a task, or a route's
   * start depot meaning "the front of that route") were applied; Infinity when not applicable.
   * When the move cannot improve, evaluation may stop early and return any lower bound ≥ 0.
   */
  evaluate(u: number, v: number, solution: SearchSolution, penalties: Penalties): number;
  /** Performs the move last evaluated as improving for (u, v). */
  apply(u: number, v: number, solution: SearchSolution): void;
}
