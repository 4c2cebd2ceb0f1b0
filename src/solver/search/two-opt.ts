// Intra-route 2-opt: with U before V in one route, reverse the tasks after U up to V, so that U is
// followed by V and U's old successor is followed by V's old successor. Reversals through shipment
// tasks would put deliveries before pickups and are skipped. Evaluation walks the reversed range.
import type { ProblemData } from '../model/problem-data.ts';
import { violationCost, type Penalties } from './cost-evaluator.ts';
import { isShipmentFree } from './move-checks.ts';
import type { NodeOperator } from './operator.ts';
import { Proposal } from './proposal.ts';
import type { SearchSolution } from './search-solution.ts';

/** Creates the intra-route 2-opt operator. */
export function twoOpt(data: ProblemData): NodeOperator {
  const proposal = new Proposal(data);

  function range(u: number, v: number, solution: SearchSolution): [number, number] | undefined {
    if (solution.routeOf[u] !== solution.routeOf[v]) return undefined;
    const route = solution.routes[solution.routeOf[u]!]!;
    const uPos = solution.posOf[u]!;
    const vPos = solution.posOf[v]!;
    if (vPos <= uPos + 1 || !isShipmentFree(route, uPos + 1, vPos)) return undefined;
    return [uPos + 1, vPos];
  }

  function evaluate(u: number, v: number, solution: SearchSolution, penalties: Penalties): number {
    const reversed = range(u, v, solution);
    if (!reversed) return Infinity;
    const route = solution.routes[solution.routeOf[u]!]!;
    const [from, to] = reversed;
    const matrices = route.vehicle.matrices;
    if (matrices.symmetricCost) {
      // Lower bound from the two replaced arcs (the reversed inner arcs cost the same).
      const cost = matrices.cost;
      const size = data.numNodes;
      const before = route.nodes[from - 1]!;
      const first = route.nodes[from]!;
      const last = route.nodes[to]!;
      const after = route.nodes[to + 1]!;
      const arcs = cost[before * size + last]! + cost[first * size + after]! - cost[before * size + first]! - cost[last * size + after]!;
      const bound = arcs - violationCost(route.stats, penalties);
      if (bound >= 0) return bound;
    }
    proposal.startWithPrefix(route, from - 1).appendReversed(route, from, to).appendSuffix(route, to + 1).finish();
    return proposal.penalisedCost(penalties) - route.penalisedCost(penalties);
  }

  function apply(u: number, v: number, solution: SearchSolution): void {
    const [from, to] = range(u, v, solution)!;
    const route = solution.routes[solution.routeOf[u]!]!;
    route.splice(from, to - from + 1, Array.from(route.nodes.subarray(from, to + 1)).reverse());
    solution.refresh(route);
  }

  return { name: 'twoOpt', evaluate, apply };
}
