// Recreate step of SISR: put removed (and still unassigned) tasks back one at a time, each at its
// cheapest position over all routes, skipping each position with a small "blink" probability so
// equal-looking choices vary between iterations. The order is random, or by decreasing demand, or
// by decreasing / increasing distance from the depot (SISR's weights 4 : 4 : 2 : 1). A shipment is
// inserted as a pair, pickup first. Positions are priced in O(1) with Proposal.
import type { ProblemData } from '../model/problem-data.ts';
import type { Penalties } from '../search/cost-evaluator.ts';
import { Proposal } from '../search/proposal.ts';
import type { Route } from '../search/route.ts';
import type { SearchSolution } from '../search/search-solution.ts';
import type { Rng } from '../rng.ts';

/** Probability of skipping a candidate position. */
const BLINK_RATE = 0.01;

interface Insertion {
  delta: number;
  route: Route | undefined;
  /** Insert after this position (pickup, or the job). */
  after: number;
  /** Shipments: insert the delivery after this position of the route with the pickup in place. */
  deliveryAfter: number;
}

export class GreedyRecreate {
  private readonly proposal: Proposal;
  private readonly pairProposal: Proposal;
  private readonly best: Insertion = { delta: 0, route: undefined, after: 0, deliveryAfter: 0 };
  private readonly data: ProblemData;
  private readonly rng: Rng;
  /** Per task: its arc cost from the first vehicle's start, for the distance orders. */
  private readonly depotDistance: Float64Array;
  /** Per task: total amount handled, for the demand order. */
  private readonly demand: Float64Array;

  constructor(data: ProblemData, rng: Rng) {
    this.data = data;
    this.rng = rng;
    this.proposal = new Proposal(data);
    this.pairProposal = new Proposal(data);
    const start = data.vehicles[0]!.startNode;
    const cost = data.vehicles[0]!.matrices.cost;
    this.depotDistance = Float64Array.from({ length: data.numTasks }, (_, t) => cost[start * data.numNodes + t]!);
    this.demand = Float64Array.from({ length: data.numTasks }, (_, t) => {
      let sum = 0;
      for (let k = 0; k < data.dims; k++) sum += data.delivery[t * data.dims + k]! + data.pickup[t * data.dims + k]!;
      return sum;
    });
  }

  /** Inserts `tasks` plus every other unassigned active task; a task stays out when leaving it costs less. */
  run(solution: SearchSolution, tasks: number[], penalties: Penalties): void {
    const pending = [...new Set([...tasks, ...solution.unassignedTasks()])].filter((t) => this.data.kind[t] !== 2);
    this.sort(pending);
    for (const task of pending) {
      this.findBest(solution, task, penalties);
      const { route, delta, after, deliveryAfter } = this.best;
      const partner = this.data.partner[task]!;
      const leaveOutCost = this.data.unassignedCost[task]! + (partner >= 0 ? this.data.unassignedCost[partner]! : 0);
      if (!route || delta >= leaveOutCost) continue;
      const inserted = partner >= 0 ? [task, ...route.nodes.subarray(after + 1, deliveryAfter + 1), partner] : [task];
      route.splice(after + 1, partner >= 0 ? deliveryAfter - after : 0, inserted);
      solution.refresh(route);
    }
  }

  private sort(tasks: number[]): void {
    const pick = this.rng.int(11);
    if (pick < 4) this.rng.shuffle(tasks);
    else if (pick < 8) tasks.sort((a, b) => this.demand[b]! - this.demand[a]!);
    else if (pick < 10) tasks.sort((a, b) => this.depotDistance[b]! - this.depotDistance[a]!);
    else tasks.sort((a, b) => this.depotDistance[a]! - this.depotDistance[b]!);
  }

  /** Fills this.best with the cheapest insertion of `task` (and its partner) over all routes. */
  private findBest(solution: SearchSolution, task: number, penalties: Penalties): void {
    const { data, best, rng } = this;
    best.delta = Infinity;
    best.route = undefined;
    const partner = data.partner[task]!;
    let triedEmpty = false;
    for (const route of solution.routes) {
      if (!data.canServe[route.index * data.numTasks + task]) continue;
      if (route.numTasks === 0) {
        // Identical empty vehicles give identical prices; the first one stands for the rest.
        if (triedEmpty && route.vehicle.matrices === solution.routes[route.index - 1]?.vehicle.matrices) continue;
        triedEmpty = true;
      }
      const current = route.penalisedCost(penalties);
      for (let after = 0; after < route.size - 1; after++) {
        if (rng.float() < BLINK_RATE) continue;
        if (partner < 0) {
          this.proposal.startWithPrefix(route, after).append(task).appendSuffix(route, after + 1).finish();
          this.consider(route, after, after, this.proposal.penalisedCost(penalties) - current);
        } else {
          this.findDeliveryPosition(route, after, task, partner, current, penalties);
        }
      }
    }
  }

  /** With the pickup after position `after`, tries every later position for the delivery. */
  private findDeliveryPosition(route: Route, after: number, pickup: number, delivery: number, current: number, penalties: Penalties): void {
    const open = this.pairProposal.startWithPrefix(route, after).append(pickup);
    for (let deliveryAfter = after; deliveryAfter < route.size - 1; deliveryAfter++) {
      if (deliveryAfter > after) open.append(route.nodes[deliveryAfter]!);
      this.proposal.copyFrom(open);
      this.proposal.append(delivery).appendSuffix(route, deliveryAfter + 1).finish();
      this.consider(route, after, deliveryAfter, this.proposal.penalisedCost(penalties) - current);
    }
  }

  private consider(route: Route, after: number, deliveryAfter: number, delta: number): void {
    if (delta < this.best.delta) Object.assign(this.best, { delta, route, after, deliveryAfter });
  }
}
