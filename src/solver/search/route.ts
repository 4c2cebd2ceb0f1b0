// A route under search, with the prefix and suffix caches that let moves be priced in O(1).
// Positions: 0 is the vehicle's start depot, 1..size-2 are tasks, size-1 is the end depot.
// Caches are rebuilt by update() after every change; reading them in between is a bug.
import type { ProblemData, VehicleData } from '../model/problem-data.ts';
import { isShipmentTask } from '../model/problem-data.ts';
import { penalisedCost, type Penalties, type RouteStats } from './cost-evaluator.ts';
import { Proposal } from './proposal.ts';
import { mergeDuration, type DurationSegment } from '../segments/duration-segment.ts';

export class Route {
  readonly index: number;
  readonly vehicle: VehicleData;
  /** Nodes including both depots; only the first `size` entries are meaningful. */
  nodes: Int32Array;
  size = 2;
  /** Statistics of the whole route as it stands. */
  readonly stats: RouteStats = { tasks: 0, cost: 0, timeWarp: 0, excessLoad: 0, excessTravel: 0, excessDistance: 0 };
  /** Search "time" of the last change, compared with a node's last test to skip stale pairs. */
  lastModified = 0;

  // Prefix caches, index = position: statistics of nodes 0..pos.
  /** Arc cost / distance / travel time from the start depot to the node at pos. */
  cumCost = new Float64Array(0);
  cumDistance = new Float64Array(0);
  cumTravel = new Float64Array(0);
  /** Duration segment (see duration-segment.ts) of nodes 0..pos. */
  fwdDuration = new Float64Array(0);
  fwdTimeWarp = new Float64Array(0);
  fwdEarly = new Float64Array(0);
  fwdLate = new Float64Array(0);
  /** Load segment of nodes 0..pos, index pos * dims + k. */
  fwdDepotLoad = new Float64Array(0);
  fwdLoadChange = new Float64Array(0);
  fwdLoadPeak = new Float64Array(0);

  // Suffix caches, index = position: statistics of tasks pos..size-2 (the end depot excluded, so
  // a suffix can be moved to a vehicle with another end depot).
  bwdDuration = new Float64Array(0);
  bwdTimeWarp = new Float64Array(0);
  bwdEarly = new Float64Array(0);
  bwdLate = new Float64Array(0);
  bwdDepotLoad = new Float64Array(0);
  bwdLoadChange = new Float64Array(0);
  bwdLoadPeak = new Float64Array(0);

  /** Shipment tasks at positions 0..pos; a range without shipment tasks may move freely. */
  shipmentsUpTo = new Int32Array(0);
  /** Shipments picked up at or before pos and delivered after it; a cut there splits none if 0. */
  openShipments = new Int32Array(0);

  private readonly data: ProblemData;
  private readonly proposal: Proposal;
  /** Working segment for updateSuffixes. */
  private readonly scratch: DurationSegment = { duration: 0, timeWarp: 0, twEarly: 0, twLate: 0 };

  constructor(data: ProblemData, index: number) {
    this.data = data;
    this.index = index;
    this.vehicle = data.vehicles[index]!;
    this.proposal = new Proposal(data);
    this.nodes = new Int32Array(0);
    this.setTasks([]);
  }

  /** Number of tasks (depots excluded). */
  get numTasks(): number {
    return this.size - 2;
  }

  /** Penalised cost of the route under `penalties`. */
  penalisedCost(penalties: Penalties): number {
    return penalisedCost(this.stats, this.vehicle.fixedCost, this.vehicle.maxTasks, penalties);
  }

  /** Task nodes in visit order (a copy). */
  tasks(): number[] {
    return Array.from(this.nodes.subarray(1, this.size - 1));
  }

  /** Replaces the visits with `tasks` and rebuilds the caches. */
  setTasks(tasks: ArrayLike<number>): void {
    this.reserve(tasks.length + 2);
    this.nodes[0] = this.vehicle.startNode;
    for (let i = 0; i < tasks.length; i++) this.nodes[i + 1] = tasks[i]!;
    this.size = tasks.length + 2;
    this.nodes[this.size - 1] = this.vehicle.endNode;
    this.update();
  }

  /** Removes `count` nodes at `pos` and inserts `insert` there; rebuilds the caches. */
  splice(pos: number, count: number, insert: ArrayLike<number>): void {
    const tail = Array.from(this.nodes.subarray(pos + count, this.size));
    this.reserve(pos + insert.length + tail.length);
    for (let i = 0; i < insert.length; i++) this.nodes[pos + i] = insert[i]!;
    for (let i = 0; i < tail.length; i++) this.nodes[pos + insert.length + i] = tail[i]!;
    this.size = pos + insert.length + tail.length;
    this.update();
  }

  /** Recomputes every cache from `nodes`. */
  update(): void {
    const { data, nodes, size } = this;
    const dims = data.dims;
    const p = this.proposal.startEmpty(this.vehicle);
    this.storePrefix(0, p);
    this.shipmentsUpTo[0] = 0;
    this.openShipments[0] = 0;
    for (let pos = 1; pos < size - 1; pos++) {
      const node = nodes[pos]!;
      p.append(node);
      this.storePrefix(pos, p);
      const shipment = isShipmentTask(data, node) ? 1 : 0;
      this.shipmentsUpTo[pos] = this.shipmentsUpTo[pos - 1]! + shipment;
      this.openShipments[pos] = this.openShipments[pos - 1]! + (shipment && data.partner[node]! > node ? 1 : -shipment);
    }
    p.finish();
    this.storePrefix(size - 1, p);
    this.shipmentsUpTo[size - 1] = this.shipmentsUpTo[size - 2]!;
    this.openShipments[size - 1] = 0;
    Object.assign(this.stats, {
      tasks: p.tasks,
      cost: p.cost,
      timeWarp: p.timeWarp,
      excessLoad: p.excessLoad,
      excessTravel: p.excessTravel,
      excessDistance: p.excessDistance,
    });
    this.updateSuffixes(dims);
  }

  private storePrefix(pos: number, p: Proposal): void {
    const dims = this.data.dims;
    this.cumCost[pos] = p.cost;
    this.cumDistance[pos] = p.distance;
    this.cumTravel[pos] = p.travel;
    this.fwdDuration[pos] = p.duration.duration;
    this.fwdTimeWarp[pos] = p.duration.timeWarp;
    this.fwdEarly[pos] = p.duration.twEarly;
    this.fwdLate[pos] = p.duration.twLate;
    for (let k = 0; k < dims; k++) {
      this.fwdDepotLoad[pos * dims + k] = p.depotLoad[k]!;
      this.fwdLoadChange[pos * dims + k] = p.loadChange[k]!;
      this.fwdLoadPeak[pos * dims + k] = p.loadPeak[k]!;
    }
  }

  /** Suffix segments, built right to left by prepending one task at a time. */
  private updateSuffixes(dims: number): void {
    const { data, nodes, size } = this;
    const durations = this.vehicle.matrices.duration;
    const segment = this.scratch;
    for (let pos = size - 2; pos >= 1; pos--) {
      const node = nodes[pos]!;
      const hasRest = pos < size - 2;
      segment.duration = data.service[node]!;
      segment.timeWarp = 0;
      segment.twEarly = data.twEarly[node]!;
      segment.twLate = data.twLate[node]!;
      if (hasRest) {
        const edge = durations[node * data.numNodes + nodes[pos + 1]!]!;
        const next = pos + 1;
        mergeDuration(segment, segment, edge, this.bwdDuration[next]!, this.bwdTimeWarp[next]!, this.bwdEarly[next]!, this.bwdLate[next]!);
      }
      this.bwdDuration[pos] = segment.duration;
      this.bwdTimeWarp[pos] = segment.timeWarp;
      this.bwdEarly[pos] = segment.twEarly;
      this.bwdLate[pos] = segment.twLate;
      for (let k = 0; k < dims; k++) {
        const at = pos * dims + k;
        const change = data.loadChange[node * dims + k]!;
        const restPeak = hasRest ? this.bwdLoadPeak[at + dims]! : 0;
        this.bwdLoadPeak[at] = Math.max(change, 0, change + restPeak);
        this.bwdLoadChange[at] = change + (hasRest ? this.bwdLoadChange[at + dims]! : 0);
        this.bwdDepotLoad[at] = data.depotLoad[node * dims + k]! + (hasRest ? this.bwdDepotLoad[at + dims]! : 0);
      }
    }
  }

  /** Grows every cache to hold at least `positions` entries. */
  private reserve(positions: number): void {
    if (this.nodes.length >= positions) return;
    const capacity = Math.max(positions, 2 * this.nodes.length, 16);
    const dims = this.data.dims;
    const grow = <T extends Float64Array | Int32Array>(old: T, perPos: number): T => {
      const next = new (old.constructor as new (n: number) => T)(capacity * perPos);
      next.set(old);
      return next;
    };
    this.nodes = grow(this.nodes, 1);
    for (const key of SCALAR_CACHES) this[key] = grow(this[key], 1);
    for (const key of LOAD_CACHES) this[key] = grow(this[key], dims);
    this.shipmentsUpTo = grow(this.shipmentsUpTo, 1);
    this.openShipments = grow(this.openShipments, 1);
  }
}

const SCALAR_CACHES = [
  'cumCost', 'cumDistance', 'cumTravel',
  'fwdDuration', 'fwdTimeWarp', 'fwdEarly', 'fwdLate',
  'bwdDuration', 'bwdTimeWarp', 'bwdEarly', 'bwdLate',
] as const;
const LOAD_CACHES = ['fwdDepotLoad', 'fwdLoadChange', 'fwdLoadPeak', 'bwdDepotLoad', 'bwdLoadChange', 'bwdLoadPeak'] as const;
