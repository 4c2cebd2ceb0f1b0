// Builds the statistics of a route that does not exist yet, left to right, from pieces of existing
// routes: a cached prefix, single nodes or short ranges, and a cached suffix. This is PyVRP's
// Route::Proposal(before, between, after): every local-search move is priced this way in O(1)
// (plus the length of any short middle range) without touching the routes themselves.
// One Proposal object is reused for every evaluation, so evaluating allocates nothing.
import { mergeDuration, type DurationSegment } from '../segments/duration-segment.ts';
import type { NodeMatrices, ProblemData, VehicleData } from '../model/problem-data.ts';
import { penalisedCost, type Penalties, type RouteStats } from './cost-evaluator.ts';
import type { Route } from './route.ts';

export class Proposal implements RouteStats {
  tasks = 0;
  cost = 0;
  timeWarp = 0;
  excessLoad = 0;
  excessTravel = 0;
  excessDistance = 0;
  /** Arc sums so far. */
  distance = 0;
  travel = 0;
  /** Time-window segment of everything appended so far. */
  readonly duration: DurationSegment = { duration: 0, timeWarp: 0, twEarly: 0, twLate: 0 };
  /** Per-dimension load segment of everything appended so far (see load-segment.ts). */
  readonly depotLoad: Float64Array;
  readonly loadChange: Float64Array;
  readonly loadPeak: Float64Array;
  /** Last node appended; the next arc starts here. */
  last = -1;
  private vehicle!: VehicleData;
  private matrices!: NodeMatrices;
  private readonly data: ProblemData;

  constructor(data: ProblemData) {
    this.data = data;
    this.depotLoad = new Float64Array(data.dims);
    this.loadChange = new Float64Array(data.dims);
    this.loadPeak = new Float64Array(data.dims);
  }

  /** Starts a proposal for `route`'s vehicle with the route's first `pos + 1` nodes (0 = depot only). */
  startWithPrefix(route: Route, pos: number): this {
    this.vehicle = route.vehicle;
    this.matrices = route.vehicle.matrices;
    this.tasks = pos;
    this.cost = route.cumCost[pos]!;
    this.distance = route.cumDistance[pos]!;
    this.travel = route.cumTravel[pos]!;
    const d = this.duration;
    d.duration = route.fwdDuration[pos]!;
    d.timeWarp = route.fwdTimeWarp[pos]!;
    d.twEarly = route.fwdEarly[pos]!;
    d.twLate = route.fwdLate[pos]!;
    const dims = this.data.dims;
    for (let k = 0; k < dims; k++) {
      this.depotLoad[k] = route.fwdDepotLoad[pos * dims + k]!;
      this.loadChange[k] = route.fwdLoadChange[pos * dims + k]!;
      this.loadPeak[k] = route.fwdLoadPeak[pos * dims + k]!;
    }
    this.last = route.nodes[pos]!;
    return this;
  }

  /** Starts an empty proposal for `vehicle`: just its start depot. */
  startEmpty(vehicle: VehicleData): this {
    this.vehicle = vehicle;
    this.matrices = vehicle.matrices;
    this.tasks = 0;
    this.cost = 0;
    this.distance = 0;
    this.travel = 0;
    const d = this.duration;
    d.duration = 0;
    d.timeWarp = 0;
    d.twEarly = this.data.twEarly[vehicle.startNode]!;
    d.twLate = this.data.twLate[vehicle.startNode]!;
    this.depotLoad.fill(0);
    this.loadChange.fill(0);
    this.loadPeak.fill(0);
    this.last = vehicle.startNode;
    return this;
  }

  /** Makes this proposal an exact copy of `other`, to branch from a shared prefix. */
  copyFrom(other: Proposal): this {
    this.vehicle = other.vehicle;
    this.matrices = other.matrices;
    this.tasks = other.tasks;
    this.cost = other.cost;
    this.distance = other.distance;
    this.travel = other.travel;
    Object.assign(this.duration, other.duration);
    this.depotLoad.set(other.depotLoad);
    this.loadChange.set(other.loadChange);
    this.loadPeak.set(other.loadPeak);
    this.last = other.last;
    return this;
  }

  /** Appends one task node. */
  append(node: number): this {
    const { data, matrices } = this;
    const arc = this.last * data.numNodes + node;
    this.cost += matrices.cost[arc]!;
    this.distance += matrices.distance[arc]!;
    this.travel += matrices.travel[arc]!;
    mergeDuration(this.duration, this.duration, matrices.duration[arc]!, data.service[node]!, 0, data.twEarly[node]!, data.twLate[node]!);
    const dims = data.dims;
    for (let k = 0; k < dims; k++) {
      const change = data.loadChange[node * dims + k]!;
      this.loadPeak[k] = Math.max(this.loadPeak[k]!, this.loadChange[k]! + change);
      this.loadChange[k] = this.loadChange[k]! + change;
      this.depotLoad[k] = this.depotLoad[k]! + data.depotLoad[node * dims + k]!;
    }
    this.tasks++;
    this.last = node;
    return this;
  }

  /** Appends `route`'s nodes at positions from..to (inclusive) in order; cost grows with the length. */
  appendRange(route: Route, from: number, to: number): this {
    for (let pos = from; pos <= to; pos++) this.append(route.nodes[pos]!);
    return this;
  }

  /** Appends `route`'s nodes at positions from..to (inclusive) in reverse order. */
  appendReversed(route: Route, from: number, to: number): this {
    for (let pos = to; pos >= from; pos--) this.append(route.nodes[pos]!);
    return this;
  }

  /** Appends `route`'s tasks from position `from` to its last task, in O(1) when both vehicles share matrices. */
  appendSuffix(route: Route, from: number): this {
    const lastTask = route.size - 2;
    if (from > lastTask) return this;
    if (route.vehicle.matrices.classId !== this.matrices.classId) return this.appendRange(route, from, lastTask);
    const { data, matrices } = this;
    const first = route.nodes[from]!;
    const arc = this.last * data.numNodes + first;
    this.cost += matrices.cost[arc]! + route.cumCost[lastTask]! - route.cumCost[from]!;
    this.distance += matrices.distance[arc]! + route.cumDistance[lastTask]! - route.cumDistance[from]!;
    this.travel += matrices.travel[arc]! + route.cumTravel[lastTask]! - route.cumTravel[from]!;
    mergeDuration(
      this.duration,
      this.duration,
      matrices.duration[arc]!,
      route.bwdDuration[from]!,
      route.bwdTimeWarp[from]!,
      route.bwdEarly[from]!,
      route.bwdLate[from]!,
    );
    const dims = data.dims;
    for (let k = 0; k < dims; k++) {
      const at = from * dims + k;
      this.loadPeak[k] = Math.max(this.loadPeak[k]!, this.loadChange[k]! + route.bwdLoadPeak[at]!);
      this.loadChange[k] = this.loadChange[k]! + route.bwdLoadChange[at]!;
      this.depotLoad[k] = this.depotLoad[k]! + route.bwdDepotLoad[at]!;
    }
    this.tasks += lastTask - from + 1;
    this.last = route.nodes[lastTask]!;
    return this;
  }

  /** Closes the route at the vehicle's end depot and fills in the violations; returns the stats. */
  finish(): this {
    const { data, matrices, vehicle } = this;
    const end = vehicle.endNode;
    const arc = this.last * data.numNodes + end;
    this.cost += matrices.cost[arc]!;
    this.distance += matrices.distance[arc]!;
    this.travel += matrices.travel[arc]!;
    mergeDuration(this.duration, this.duration, matrices.duration[arc]!, 0, 0, data.twEarly[end]!, data.twLate[end]!);
    this.last = end;
    this.timeWarp = this.duration.timeWarp;
    let excess = 0;
    for (let k = 0; k < data.dims; k++) {
      excess += Math.max(this.depotLoad[k]! + this.loadPeak[k]! - vehicle.capacity[k]!, 0);
    }
    this.excessLoad = excess;
    this.excessTravel = Math.max(this.travel - vehicle.maxTravelTime, 0);
    this.excessDistance = Math.max(this.distance - vehicle.maxDistance, 0);
    return this;
  }

  /** Penalised cost of the finished proposal under `penalties`. */
  penalisedCost(penalties: Penalties): number {
    return penalisedCost(this, this.vehicle.fixedCost, this.vehicle.maxTasks, penalties);
  }
}
