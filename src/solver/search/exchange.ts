// Exchange(N, M): swaps the N consecutive tasks starting at U with the M consecutive tasks starting
// at V; with M = 0 it moves the N tasks to just after V (relocate, V may be a start depot). Covers
// relocate of 1-3 tasks and the swap variants (PyVRP's Exchange<N, M>). Ranges holding shipment
// tasks are left to ruin-and-recreate, which keeps each pickup before its delivery.
import type { ProblemData } from '../model/problem-data.ts';
import { violationCost, type Penalties } from './cost-evaluator.ts';
import { canTake, isShipmentFree } from './move-checks.ts';
import type { NodeOperator } from './operator.ts';
import { Proposal } from './proposal.ts';
import type { Route } from './route.ts';
import type { SearchSolution } from './search-solution.ts';

/** Creates the Exchange(n, m) operator, n ≥ 1, 0 ≤ m ≤ n. */
export function exchange(data: ProblemData, n: number, m: number): NodeOperator {
  const first = new Proposal(data);
  const second = new Proposal(data);

  // Where the last located move sits; set by locate() so evaluate() allocates nothing.
  let uRoute!: Route;
  let vRoute!: Route;
  let uPos = 0;
  let vPos = 0;

  /** Finds U's and V's ranges; false when the move does not apply. */
  function locate(u: number, v: number, solution: SearchSolution): boolean {
    uRoute = solution.routes[solution.routeOf[u]!]!;
    vRoute = solution.routes[solution.routeOf[v]!]!;
    uPos = solution.posOf[u]!;
    vPos = solution.posOf[v]!;
    if (uPos + n - 1 > uRoute.size - 2 || !isShipmentFree(uRoute, uPos, uPos + n - 1)) return false;
    if (m > 0) {
      if (vPos === 0 || vPos + m - 1 > vRoute.size - 2 || !isShipmentFree(vRoute, vPos, vPos + m - 1)) return false;
      if (uRoute === vRoute && n === m && vPos <= uPos) return false; // (V, U) covers the same swap
    }
    if (uRoute === vRoute) {
      const overlap = m === 0 ? vPos >= uPos - 1 && vPos < uPos + n : vPos < uPos + n && uPos < vPos + m;
      return !overlap;
    }
    return canTake(data, vRoute, uRoute, uPos, uPos + n - 1) && canTake(data, uRoute, vRoute, vPos, vPos + m - 1);
  }

  /**
   * A lower bound on the move's delta from the changed arcs alone: penalties can at most vanish,
   * so if even that does not pay, the move cannot improve (HGS-CVRP's early exit). Returns
   * -Infinity when no bound applies (different matrices, or a route becomes empty). Ranges keep
   * their direction, so their inner arcs cancel out even for asymmetric costs.
   */
  function arcBound(penalties: Penalties): number {
    const matrices = uRoute.vehicle.matrices;
    if (matrices !== vRoute.vehicle.matrices || (m === 0 && n === uRoute.numTasks) || vRoute.numTasks === 0) return -Infinity;
    const cost = matrices.cost;
    const size = data.numNodes;
    const un = uRoute.nodes;
    const vn = vRoute.nodes;
    const uPrev = un[uPos - 1]!;
    const uFirst = un[uPos]!;
    const uLast = un[uPos + n - 1]!;
    const uNext = un[uPos + n]!;
    let delta = -cost[uPrev * size + uFirst]! - cost[uLast * size + uNext]!;
    if (m === 0) {
      const vNext = vn[vPos + 1]!;
      const v = vn[vPos]!;
      delta += cost[uPrev * size + uNext]! + cost[v * size + uFirst]! + cost[uLast * size + vNext]! - cost[v * size + vNext]!;
    } else if (uRoute === vRoute && (uPos + n === vPos || vPos + m === uPos)) {
      // Adjacent ranges in one route share the arc between them: A B becomes B A.
      const uFirstInRoute = uPos < vPos;
      const aFirst = uFirstInRoute ? uFirst : vn[vPos]!;
      const aLast = uFirstInRoute ? uLast : vn[vPos + m - 1]!;
      const bFirst = uFirstInRoute ? vn[vPos]! : uFirst;
      const bLast = uFirstInRoute ? vn[vPos + m - 1]! : uLast;
      const before = un[Math.min(uPos, vPos) - 1]!;
      const after = un[Math.max(uPos + n, vPos + m)]!;
      delta = cost[before * size + bFirst]! + cost[bLast * size + aFirst]! + cost[aLast * size + after]!;
      delta -= cost[before * size + aFirst]! + cost[aLast * size + bFirst]! + cost[bLast * size + after]!;
    } else {
      const vPrev = vn[vPos - 1]!;
      const vFirst = vn[vPos]!;
      const vLast = vn[vPos + m - 1]!;
      const vNext = vn[vPos + m]!;
      delta += cost[uPrev * size + vFirst]! + cost[vLast * size + uNext]! + cost[vPrev * size + uFirst]! + cost[uLast * size + vNext]!;
      delta -= cost[vPrev * size + vFirst]! + cost[vLast * size + vNext]!;
    }
    const vViolations = uRoute === vRoute ? 0 : violationCost(vRoute.stats, penalties);
    return delta - violationCost(uRoute.stats, penalties) - vViolations;
  }

  function evaluate(u: number, v: number, solution: SearchSolution, penalties: Penalties): number {
    if (!locate(u, v, solution)) return Infinity;
    const bound = arcBound(penalties);
    if (bound >= 0) return bound;
    if (uRoute === vRoute) return evaluateWithin(uRoute, penalties);
    const before = uRoute.penalisedCost(penalties) + vRoute.penalisedCost(penalties);
    // U's route loses [uPos, uPos+n) and, for a swap, gets V's range in its place.
    first.startWithPrefix(uRoute, uPos - 1);
    if (m > 0) first.appendRange(vRoute, vPos, vPos + m - 1);
    const uCost = first.appendSuffix(uRoute, uPos + n).finish().penalisedCost(penalties);
    if (uCost === Infinity) return Infinity;
    // V's route gets U's range after V (relocate) or in place of V's range (swap).
    const vPrefixEnd = m > 0 ? vPos - 1 : vPos;
    second.startWithPrefix(vRoute, vPrefixEnd).appendRange(uRoute, uPos, uPos + n - 1);
    const vCost = second.appendSuffix(vRoute, vPrefixEnd + 1 + m).finish().penalisedCost(penalties);
    return uCost + vCost - before;
  }

  /**
   * Both ranges in one route: the earlier block [loFrom, loTo] and the later block [hiFrom, hiTo]
   * trade places around the stretch between them (a relocate swaps U's range with the stretch
   * between U and V).
   */
  let loFrom = 0;
  let loTo = 0;
  let hiFrom = 0;
  let hiTo = 0;
  function orderWithin(): void {
    const uFirst = uPos < vPos;
    if (m > 0) {
      loFrom = uFirst ? uPos : vPos;
      loTo = uFirst ? uPos + n - 1 : vPos + m - 1;
      hiFrom = uFirst ? vPos : uPos;
      hiTo = uFirst ? vPos + m - 1 : uPos + n - 1;
    } else {
      loFrom = uFirst ? uPos : vPos + 1;
      loTo = uFirst ? uPos + n - 1 : uPos - 1;
      hiFrom = uFirst ? uPos + n : uPos;
      hiTo = uFirst ? vPos : uPos + n - 1;
    }
  }

  function evaluateWithin(route: Route, penalties: Penalties): number {
    orderWithin();
    first.startWithPrefix(route, loFrom - 1).appendRange(route, hiFrom, hiTo);
    first.appendRange(route, loTo + 1, hiFrom - 1).appendRange(route, loFrom, loTo);
    return first.appendSuffix(route, hiTo + 1).finish().penalisedCost(penalties) - route.penalisedCost(penalties);
  }

  function apply(u: number, v: number, solution: SearchSolution): void {
    locate(u, v, solution);
    const uTasks = Array.from(uRoute.nodes.subarray(uPos, uPos + n));
    const vTasks = Array.from(vRoute.nodes.subarray(vPos, vPos + m));
    if (uRoute === vRoute) {
      orderWithin();
      const nodes = uRoute.nodes;
      const reordered = [...nodes.subarray(hiFrom, hiTo + 1), ...nodes.subarray(loTo + 1, hiFrom), ...nodes.subarray(loFrom, loTo + 1)];
      uRoute.splice(loFrom, hiTo - loFrom + 1, reordered);
      solution.refresh(uRoute);
      return;
    }
    uRoute.splice(uPos, n, vTasks);
    vRoute.splice(m > 0 ? vPos : vPos + 1, m, uTasks);
    solution.refresh(uRoute);
    solution.refresh(vRoute);
  }

  return { name: `exchange${n}${m}`, evaluate, apply };
}
