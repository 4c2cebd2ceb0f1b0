// 2-opt*: U's route keeps its tasks up to U and continues with the tasks after V, and V's route
// keeps its tasks up to V and continues with the tasks after U (each route keeps its own end depot).
// V may be a start depot, which hands U's whole tail to V's route. Cuts that would split a
// shipment's pickup from its delivery are skipped.
import type { ProblemData } from '../model/problem-data.ts';
import { violationCost, type Penalties } from './cost-evaluator.ts';
import { canTake } from './move-checks.ts';
import type { NodeOperator } from './operator.ts';
import { Proposal } from './proposal.ts';
import type { Route } from './route.ts';
import type { SearchSolution } from './search-solution.ts';

/** Creates the 2-opt* (swap tails) operator. */
export function swapTails(data: ProblemData): NodeOperator {
  const first = new Proposal(data);
  const second = new Proposal(data);

  function applicable(u: number, v: number, solution: SearchSolution): boolean {
    const uRoute = solution.routes[solution.routeOf[u]!]!;
    const vRoute = solution.routes[solution.routeOf[v]!]!;
    const uPos = solution.posOf[u]!;
    const vPos = solution.posOf[v]!;
    if (uRoute === vRoute || uRoute.openShipments[uPos] !== 0 || vRoute.openShipments[vPos] !== 0) return false;
    return canTake(data, uRoute, vRoute, vPos + 1, vRoute.size - 2) && canTake(data, vRoute, uRoute, uPos + 1, uRoute.size - 2);
  }

  function evaluate(u: number, v: number, solution: SearchSolution, penalties: Penalties): number {
    if (!applicable(u, v, solution)) return Infinity;
    const uRoute = solution.routes[solution.routeOf[u]!]!;
    const vRoute = solution.routes[solution.routeOf[v]!]!;
    const uPos = solution.posOf[u]!;
    const vPos = solution.posOf[v]!;
    if (uPos === uRoute.size - 2 && vPos === vRoute.size - 2) return Infinity; // both tails empty
    const bound = arcBound(uRoute, uPos, vRoute, vPos, penalties);
    if (bound >= 0) return bound;
    const before = uRoute.penalisedCost(penalties) + vRoute.penalisedCost(penalties);
    first.startWithPrefix(uRoute, uPos).appendSuffix(vRoute, vPos + 1).finish();
    second.startWithPrefix(vRoute, vPos).appendSuffix(uRoute, uPos + 1).finish();
    return first.penalisedCost(penalties) + second.penalisedCost(penalties) - before;
  }

  /** Lower bound from the exchanged arcs alone (see exchange.ts); -Infinity when it does not apply. */
  function arcBound(uRoute: Route, uPos: number, vRoute: Route, vPos: number, penalties: Penalties): number {
    const matrices = uRoute.vehicle.matrices;
    const uLast = uRoute.size - 2;
    const vLast = vRoute.size - 2;
    const emptied = (uPos === 0 && vPos === vLast) || (vPos === 0 && uPos === uLast);
    if (matrices !== vRoute.vehicle.matrices || emptied) return -Infinity;
    const cost = matrices.cost;
    const size = data.numNodes;
    const u = uRoute.nodes[uPos]!;
    const v = vRoute.nodes[vPos]!;
    const uEnd = uRoute.vehicle.endNode;
    const vEnd = vRoute.vehicle.endNode;
    let delta = -cost[u * size + uRoute.nodes[uPos + 1]!]! - cost[v * size + vRoute.nodes[vPos + 1]!]!;
    // U is followed by V's tail, or its own end depot when that tail is empty; likewise for V.
    delta += cost[u * size + (vPos < vLast ? vRoute.nodes[vPos + 1]! : uEnd)]!;
    delta += cost[v * size + (uPos < uLast ? uRoute.nodes[uPos + 1]! : vEnd)]!;
    // A non-empty tail now ends at the other vehicle's end depot.
    if (uPos < uLast) delta += cost[uRoute.nodes[uLast]! * size + vEnd]! - cost[uRoute.nodes[uLast]! * size + uEnd]!;
    if (vPos < vLast) delta += cost[vRoute.nodes[vLast]! * size + uEnd]! - cost[vRoute.nodes[vLast]! * size + vEnd]!;
    return delta - violationCost(uRoute.stats, penalties) - violationCost(vRoute.stats, penalties);
  }

  function apply(u: number, v: number, solution: SearchSolution): void {
    const uRoute = solution.routes[solution.routeOf[u]!]!;
    const vRoute = solution.routes[solution.routeOf[v]!]!;
    const uPos = solution.posOf[u]!;
    const vPos = solution.posOf[v]!;
    const uTail = Array.from(uRoute.nodes.subarray(uPos + 1, uRoute.size - 1));
    const vTail = Array.from(vRoute.nodes.subarray(vPos + 1, vRoute.size - 1));
    uRoute.splice(uPos + 1, uTail.length, vTail);
    vRoute.splice(vPos + 1, vTail.length, uTail);
    solution.refresh(uRoute);
    solution.refresh(vRoute);
  }

  return { name: 'swapTails', evaluate, apply };
}
