// The mutable solution the search works on: one Route per vehicle, plus where every node sits.
import type { ProblemData } from '../model/problem-data.ts';
import { isFeasible, type Penalties } from './cost-evaluator.ts';
import { Route } from './route.ts';

export class SearchSolution {
  readonly routes: Route[];
  /** Per node: route index, or -1 for an unassigned task. Depot nodes belong to their vehicle's route. */
  readonly routeOf: Int32Array;
  /** Per node: position in its route (start depot 0, end depot size-1). */
  readonly posOf: Int32Array;
  /** Tasks the search may use; tasks no vehicle can serve are excluded once, up front. */
  readonly active: Uint8Array;
  /** Change counter: every route change takes the next value as its lastModified stamp. */
  stamp = 1;
  private readonly data: ProblemData;

  constructor(data: ProblemData, active: Uint8Array) {
    this.data = data;
    this.active = active;
    this.routes = data.vehicles.map((_, v) => new Route(data, v));
    this.routeOf = new Int32Array(data.numNodes).fill(-1);
    this.posOf = new Int32Array(data.numNodes);
    for (const route of this.routes) this.refresh(route);
  }

  /** Records that `route` changed: refreshes node positions and stamps the route. */
  refresh(route: Route): void {
    const { nodes, size } = route;
    for (let pos = 0; pos < size; pos++) {
      this.routeOf[nodes[pos]!] = route.index;
      this.posOf[nodes[pos]!] = pos;
    }
    route.lastModified = ++this.stamp;
  }

  /** Marks `task` unassigned (the caller has already removed it from its route). */
  unassign(task: number): void {
    this.routeOf[task] = -1;
  }

  /** Replaces every route's tasks (index = vehicle); tasks not listed become unassigned. */
  load(plan: readonly (readonly number[])[]): void {
    for (let t = 0; t < this.data.numTasks; t++) this.routeOf[t] = -1;
    this.routes.forEach((route, v) => {
      const tasks = plan[v] ?? [];
      if (route.numTasks === tasks.length && tasks.every((t, i) => route.nodes[i + 1] === t)) {
        for (let pos = 1; pos <= tasks.length; pos++) this.routeOf[tasks[pos - 1]!] = route.index;
        return;
      }
      route.setTasks(tasks);
      this.refresh(route);
    });
  }

  /** Every route's tasks, index = vehicle. */
  plan(): number[][] {
    return this.routes.map((route) => route.tasks());
  }

  /** Active tasks not in any route. */
  unassignedTasks(): number[] {
    const out: number[] = [];
    for (let t = 0; t < this.data.numTasks; t++) if (this.active[t] && this.routeOf[t]! < 0) out.push(t);
    return out;
  }

  /** Sum of route costs (violations priced) plus the cost of unassigned active tasks. */
  penalisedCost(penalties: Penalties): number {
    let total = 0;
    for (const route of this.routes) total += route.penalisedCost(penalties);
    for (const t of this.unassignedTasks()) total += this.data.unassignedCost[t]!;
    return total;
  }

  /** Arc and fixed costs only, plus unassigned costs: the objective of a feasible solution. */
  objective(): number {
    return this.penalisedCost(NO_PENALTIES);
  }

  /** True when no route breaks a soft constraint. */
  isFeasible(): boolean {
    return this.routes.every((route) => isFeasible(route.stats));
  }
}

const NO_PENALTIES: Penalties = { load: 0, time: 0, distance: 0 };
