// Turns a VroomProblem into the solver's dense, immutable ProblemData (see problem-data.ts for the
// node layout). Validation happens here, once; the search only reads the result.
import type { VroomProblem } from '../io/vroom-types.ts';
import { amountDimensions, collectTasks, type TaskInput } from './collect-tasks.ts';
import { buildNodeMatrices } from './node-matrices.ts';
import type { ProblemData, VehicleData } from './problem-data.ts';
import { validateProblem } from './validate-problem.ts';

/** Validates `problem` (throwing InvalidProblemError) and builds its ProblemData. */
export function buildProblemData(problem: VroomProblem): ProblemData {
  validateProblem(problem);
  const dims = amountDimensions(problem);
  const tasks = collectTasks(problem, dims);
  const numTasks = tasks.length;
  const numVehicles = problem.vehicles.length;
  const numNodes = numTasks + 2 * numVehicles;

  const location = new Int32Array(numNodes).fill(-1);
  const setup = new Float64Array(numNodes);
  const service = new Float64Array(numNodes);
  const twEarly = new Float64Array(numNodes);
  const twLate = new Float64Array(numNodes).fill(Infinity);
  const depotLoad = new Float64Array(numNodes * dims);
  const loadChange = new Float64Array(numNodes * dims);
  const delivery = new Float64Array(numNodes * dims);
  const pickup = new Float64Array(numNodes * dims);
  tasks.forEach((task, i) => {
    location[i] = task.location;
    setup[i] = task.setup;
    service[i] = task.service;
    twEarly[i] = task.windows[0]?.[0] ?? 0;
    twLate[i] = task.windows.at(-1)?.[1] ?? Infinity;
    for (let k = 0; k < dims; k++) {
      const isShipment = task.partner >= 0;
      delivery[i * dims + k] = task.delivery[k]!;
      pickup[i * dims + k] = task.pickup[k]!;
      depotLoad[i * dims + k] = isShipment ? 0 : task.delivery[k]!;
      loadChange[i * dims + k] = task.pickup[k]! - task.delivery[k]!;
    }
  });
  problem.vehicles.forEach((v, index) => {
    for (const [node, at] of [[numTasks + 2 * index, v.start_index], [numTasks + 2 * index + 1, v.end_index]] as const) {
      location[node] = at ?? -1;
      twEarly[node] = v.time_window?.[0] ?? 0;
      twLate[node] = v.time_window?.[1] ?? Infinity;
    }
  });

  const matrices = buildNodeMatrices(problem, { numNodes, location, setup });
  const vehicles: VehicleData[] = problem.vehicles.map((v, index) => ({
    id: v.id,
    startNode: numTasks + 2 * index,
    endNode: numTasks + 2 * index + 1,
    capacity: Float64Array.from({ length: dims }, (_, k) => v.capacity?.[k] ?? Infinity),
    maxTasks: v.max_tasks ?? Infinity,
    maxTravelTime: v.max_travel_time ?? Infinity,
    maxDistance: v.max_distance ?? Infinity,
    fixedCost: v.costs?.fixed ?? 0,
    matrices: matrices[index]!,
  }));

  const canServe = new Uint8Array(numVehicles * numTasks);
  problem.vehicles.forEach((v, index) => {
    const skills = new Set(v.skills ?? []);
    tasks.forEach((task, i) => {
      canServe[index * numTasks + i] = task.skills.every((s) => skills.has(s)) ? 1 : 0;
    });
  });

  return {
    numTasks,
    numNodes,
    dims,
    vehicles,
    kind: Uint8Array.from(tasks, (t) => t.kind),
    partner: Int32Array.from(tasks, (t) => t.partner),
    taskId: Int32Array.from(tasks, (t) => t.id),
    location: location.slice(0, numTasks),
    depotLocation: location.slice(numTasks),
    priority: Uint8Array.from(tasks, (t) => t.priority),
    service,
    twEarly,
    twLate,
    timeWindows: tasks.map((t) => t.windows.map(([a, b]) => [a, b] as const)),
    depotLoad,
    loadChange,
    delivery,
    pickup,
    canServe,
    skillsMatter: canServe.includes(0),
    unassignedCost: unassignedCosts(tasks, vehicles, numNodes),
  };
}

/**
 * A task's unassigned cost exceeds any detour it could cause (twice the longest arc plus the
 * largest fixed cost), so the search always prefers serving it; scaling by (1 + priority × tasks)
 * makes one task of higher priority outweigh any number of lower-priority ones, as in VROOM.
 */
function unassignedCosts(tasks: TaskInput[], vehicles: VehicleData[], numNodes: number): Float64Array {
  let longest = 0;
  for (const m of new Set(vehicles.map((v) => v.matrices))) {
    for (let k = 0; k < numNodes * numNodes; k++) if (m.cost[k]! > longest) longest = m.cost[k]!;
  }
  const base = 2 * longest + Math.max(0, ...vehicles.map((v) => v.fixedCost)) + 1;
  return Float64Array.from(tasks, (t) => base * (1 + t.priority * tasks.length));
}
