// Expands the input's location matrices into node matrices (tasks + one start and one end node per
// vehicle), one set per class of vehicles that share profile, speed and cost parameters. Arrays that
// would hold identical values are shared, so the common case (cost = distance) touches one array.
import type { VroomProblem, VroomVehicle } from '../io/vroom-types.ts';
import type { NodeMatrices } from './problem-data.ts';

interface NodeLayout {
  numNodes: number;
  /** Location index per node, -1 for a depot node without a location (arcs to it are free). */
  location: Int32Array;
  /** Setup seconds paid when arriving at a node from another location. */
  setup: Float64Array;
}

/** Node matrices for every vehicle, in vehicle order; vehicles of one class share one object. */
export function buildNodeMatrices(problem: VroomProblem, layout: NodeLayout): NodeMatrices[] {
  const classes = new Map<string, NodeMatrices>();
  return problem.vehicles.map((vehicle) => {
    const key = classKey(vehicle);
    let matrices = classes.get(key);
    if (!matrices) {
      matrices = buildClass(problem, vehicle, layout, classes.size);
      classes.set(key, matrices);
    }
    return matrices;
  });
}

function classKey(v: VroomVehicle): string {
  return JSON.stringify([v.profile ?? 'car', v.speed_factor ?? 1, v.costs?.per_hour ?? null, v.costs?.per_km ?? null]);
}

function buildClass(problem: VroomProblem, vehicle: VroomVehicle, layout: NodeLayout, classId: number): NodeMatrices {
  const input = problem.matrices?.[vehicle.profile ?? 'car'] ?? {};
  const speed = vehicle.speed_factor && vehicle.speed_factor > 0 ? vehicle.speed_factor : 1;
  const expand = (rows: number[][] | undefined, scale: number): Float64Array | undefined => {
    if (!rows) return undefined;
    const { numNodes, location } = layout;
    const out = new Float64Array(numNodes * numNodes);
    for (let i = 0; i < numNodes; i++) {
      const row = location[i]! >= 0 ? rows[location[i]!]! : undefined;
      if (!row) continue;
      for (let j = 0; j < numNodes; j++) if (location[j]! >= 0) out[i * numNodes + j] = row[location[j]!]! * scale;
    }
    return out;
  };
  const zeros = new Float64Array(layout.numNodes * layout.numNodes);
  const distance = expand(input.distances, 1) ?? zeros;
  const travel = shareIfEqual(expand(input.durations, 1 / speed) ?? zeros, distance);
  const duration = withSetup(travel, layout);
  const cost = shareIfEqual(
    expand(input.costs, 1) ?? derivedCost(vehicle, distance, travel, input.distances !== undefined),
    distance,
  );
  return { classId, cost, duration, travel, distance, symmetricCost: isSymmetric(cost, layout.numNodes) };
}

/**
 * Without a cost matrix: per_hour applies to travel time and per_km to distance when the vehicle
 * has costs; otherwise the objective is the distance (the benchmark convention), or the travel
 * time when the profile has no distances.
 */
function derivedCost(vehicle: VroomVehicle, distance: Float64Array, travel: Float64Array, hasDistances: boolean): Float64Array {
  const perHour = vehicle.costs?.per_hour;
  const perKm = vehicle.costs?.per_km;
  if (perHour === undefined && perKm === undefined) return hasDistances ? distance : travel;
  const out = new Float64Array(distance.length);
  for (let k = 0; k < out.length; k++) {
    out[k] = ((perHour ?? 3600) * travel[k]!) / 3600 + ((perKm ?? 0) * distance[k]!) / 1000;
  }
  return out;
}

/** Adds the arrival node's setup to every arc that changes location. */
function withSetup(travel: Float64Array, { numNodes, location, setup }: NodeLayout): Float64Array {
  if (!setup.some((s) => s > 0)) return travel;
  const out = Float64Array.from(travel);
  for (let i = 0; i < numNodes; i++) {
    for (let j = 0; j < numNodes; j++) {
      if (setup[j]! > 0 && location[i] !== location[j]) out[i * numNodes + j] = out[i * numNodes + j]! + setup[j]!;
    }
  }
  return out;
}

function shareIfEqual(candidate: Float64Array, existing: Float64Array): Float64Array {
  if (candidate === existing || candidate.length !== existing.length) return candidate;
  for (let k = 0; k < candidate.length; k++) if (candidate[k] !== existing[k]) return candidate;
  return existing;
}

function isSymmetric(matrix: Float64Array, size: number): boolean {
  for (let i = 0; i < size; i++) for (let j = i + 1; j < size; j++) if (matrix[i * size + j] !== matrix[j * size + i]) return false;
  return true;
}
