// Granular local search (PyVRP's LocalSearch): visit the promising tasks in random order and try
// every node operator on each task and its neighbours, applying the first improving move, until a
// pass finds nothing. A task is promising when something changed next to it (the perturbation put
// it back, or a move touched it or its route neighbours), which keeps the search after a small
// perturbation local. A (U, V) pair is only re-tested when U's or V's route changed since U was
// last tested (lastTested vs Route.lastModified).
import type { ProblemData } from '../model/problem-data.ts';
import type { Rng } from '../rng.ts';
import type { Penalties } from './cost-evaluator.ts';
import type { NodeOperator } from './operator.ts';
import type { SearchSolution } from './search-solution.ts';

/** Improvements smaller than this are rounding noise; applying them could cycle. */
const MIN_IMPROVEMENT = 1e-7;

export class LocalSearch {
  /** Per task: solution stamp when its neighbourhood was last fully tested. */
  private readonly lastTested: Float64Array;
  private readonly order: Int32Array;
  /** Per task: 1 while its neighbourhood deserves another look. */
  private readonly promising: Uint8Array;
  private readonly data: ProblemData;
  private readonly neighbours: readonly Int32Array[];
  private readonly operators: readonly NodeOperator[];
  private readonly rng: Rng;

  constructor(data: ProblemData, neighbours: readonly Int32Array[], operators: readonly NodeOperator[], rng: Rng) {
    this.data = data;
    this.neighbours = neighbours;
    this.operators = operators;
    this.rng = rng;
    this.lastTested = new Float64Array(data.numTasks).fill(-1);
    this.order = Int32Array.from({ length: data.numTasks }, (_, i) => i);
    this.promising = new Uint8Array(data.numTasks);
  }

  /** Marks every task promising, so the next run examines the whole solution. */
  markAllPromising(): void {
    this.promising.fill(1);
  }

  /**
   * Forgets which pairs were tested and marks every task promising: needed before a run with
   * other penalties, since a pair that did not improve under the old weights may under the new.
   */
  reexamineAll(): void {
    this.lastTested.fill(-1);
    this.promising.fill(1);
  }

  /** Marks `task` and its current route neighbours promising. */
  markAround(task: number, solution: SearchSolution): void {
    const routeIndex = solution.routeOf[task]!;
    this.promising[task] = 1;
    if (routeIndex < 0) return;
    const route = solution.routes[routeIndex]!;
    const pos = solution.posOf[task]!;
    if (pos > 1) this.promising[route.nodes[pos - 1]!] = 1;
    if (pos < route.size - 2) this.promising[route.nodes[pos + 1]!] = 1;
  }

  /**
   * Improves `solution` in place until no operator finds an improving move, or until `timeUp`
   * says so between passes: the time limit holds even if a pass keeps finding moves.
   */
  run(solution: SearchSolution, penalties: Penalties, timeUp: () => boolean = () => false): void {
    const { routeOf, routes } = solution;
    this.rng.shuffle(this.order);
    let improved = true;
    while (improved && !timeUp()) {
      improved = false;
      for (const u of this.order) {
        if (!this.promising[u] || routeOf[u]! < 0) continue;
        this.promising[u] = 0;
        const lastTest = this.lastTested[u]!;
        this.lastTested[u] = solution.stamp;
        for (const v of this.neighbours[u]!) {
          const vRouteIndex = routeOf[v]!;
          if (vRouteIndex < 0) continue;
          const vRoute = routes[vRouteIndex]!;
          if (routes[routeOf[u]!]!.lastModified <= lastTest && vRoute.lastModified <= lastTest) continue;
          if (this.tryOperators(u, v, solution, penalties)) improved = true;
          // Also try placing U at the front of V's route when V is its first task.
          if (routeOf[v] === vRouteIndex && solution.posOf[v] === 1 && this.tryOperators(u, vRoute.vehicle.startNode, solution, penalties)) {
            improved = true;
          }
        }
        const uRoute = routeOf[u]! >= 0 ? routes[routeOf[u]!]! : undefined;
        if (uRoute && uRoute.lastModified > lastTest && this.tryEmptyRoute(u, solution, penalties)) improved = true;
      }
    }
  }

  /** Applies the first operator that improves (u, v); true when one did. */
  private tryOperators(u: number, v: number, solution: SearchSolution, penalties: Penalties): boolean {
    if (solution.routeOf[u]! < 0) return false;
    for (const operator of this.operators) {
      if (operator.evaluate(u, v, solution, penalties) < -MIN_IMPROVEMENT) {
        operator.apply(u, v, solution);
        this.markAround(u, solution);
        if (v < this.data.numTasks) this.markAround(v, solution);
        return true;
      }
    }
    return false;
  }

  /** Tries moving U into the first empty route whose vehicle can serve it. */
  private tryEmptyRoute(u: number, solution: SearchSolution, penalties: Penalties): boolean {
    for (const route of solution.routes) {
      if (route.numTasks === 0 && this.data.canServe[route.index * this.data.numTasks + u]) {
        return this.tryOperators(u, route.vehicle.startNode, solution, penalties);
      }
    }
    return false;
  }
}
