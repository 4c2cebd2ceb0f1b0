// Checks a VroomProblem once, at the boundary, so the search can trust every index and number.
// Each message names the object and the field, e.g. "job 17: time window [50, 10] starts after it ends".
import type { TimeWindow, VroomProblem } from '../io/vroom-types.ts';
import { InvalidProblemError } from './invalid-problem-error.ts';

/** Throws InvalidProblemError for the first problem found in `problem`. */
export function validateProblem(problem: VroomProblem): void {
  if (!Array.isArray(problem.vehicles) || problem.vehicles.length === 0) {
    throw new InvalidProblemError('problem: "vehicles" must list at least one vehicle');
  }
  const sizes = validateMatrices(problem);
  const profileSize = (profile: string | undefined, owner: string): number => {
    const size = sizes.get(profile ?? 'car');
    if (size === undefined) {
      throw new InvalidProblemError(`${owner}: no matrix for profile "${profile ?? 'car'}" in "matrices"`);
    }
    return size;
  };
  const smallest = Math.min(...problem.vehicles.map((v) => profileSize(v.profile, `vehicle ${v.id}`)));
  const checkIndex = (index: number | undefined, owner: string, required: boolean): void => {
    if (index === undefined) {
      if (required) throw new InvalidProblemError(`${owner}: "location_index" is required`);
      return;
    }
    if (!Number.isInteger(index) || index < 0 || index >= smallest) {
      throw new InvalidProblemError(`${owner}: location_index ${index} is outside the matrices (size ${smallest})`);
    }
  };
  uniqueIds(problem.vehicles.map((v) => v.id), 'vehicle');
  for (const v of problem.vehicles) {
    const owner = `vehicle ${v.id}`;
    checkIndex(v.start_index, owner, false);
    checkIndex(v.end_index, owner, false);
    if (v.time_window) checkWindow(v.time_window, `${owner}: time_window`);
    for (const [field, value] of Object.entries({
      max_tasks: v.max_tasks,
      max_travel_time: v.max_travel_time,
      max_distance: v.max_distance,
      speed_factor: v.speed_factor,
    })) {
      if (value !== undefined && !(value >= 0)) throw new InvalidProblemError(`${owner}: ${field} must be ≥ 0, got ${value}`);
    }
    checkAmounts(v.capacity, `${owner}: capacity`);
  }
  const jobs = problem.jobs ?? [];
  const shipments = problem.shipments ?? [];
  uniqueIds(jobs.map((j) => j.id), 'job');
  uniqueIds(shipments.map((s) => s.pickup.id), 'pickup');
  uniqueIds(shipments.map((s) => s.delivery.id), 'delivery');
  for (const job of jobs) {
    const owner = `job ${job.id}`;
    checkIndex(job.location_index, owner, true);
    checkTask(job, owner);
    checkAmounts(job.delivery, `${owner}: delivery`);
    checkAmounts(job.pickup, `${owner}: pickup`);
    checkPriority(job.priority, owner);
  }
  for (const shipment of shipments) {
    for (const [step, owner] of [
      [shipment.pickup, `pickup ${shipment.pickup.id}`],
      [shipment.delivery, `delivery ${shipment.delivery.id}`],
    ] as const) {
      checkIndex(step.location_index, owner, true);
      checkTask(step, owner);
    }
    checkAmounts(shipment.amount, `shipment ${shipment.pickup.id}: amount`);
    checkPriority(shipment.priority, `shipment ${shipment.pickup.id}`);
  }
}

/** Every matrix is square and finite; returns the size per profile. */
function validateMatrices(problem: VroomProblem): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const [profile, m] of Object.entries(problem.matrices ?? {})) {
    const present = [m.durations, m.distances, m.costs].filter((x) => x !== undefined);
    if (present.length === 0) throw new InvalidProblemError(`matrices.${profile}: needs "durations", "distances" or "costs"`);
    const size = present[0]!.length;
    for (const [name, rows] of Object.entries({ durations: m.durations, distances: m.distances, costs: m.costs })) {
      if (rows === undefined) continue;
      if (rows.length !== size) throw new InvalidProblemError(`matrices.${profile}.${name}: has ${rows.length} rows, expected ${size}`);
      rows.forEach((row, i) => {
        if (!Array.isArray(row) || row.length !== size) {
          throw new InvalidProblemError(`matrices.${profile}.${name}: row ${i} has ${row?.length} entries, expected ${size}`);
        }
        row.forEach((value, j) => {
          if (!Number.isFinite(value) || value < 0) {
            throw new InvalidProblemError(`matrices.${profile}.${name}[${i}][${j}] is ${value}; must be a finite number ≥ 0`);
          }
        });
      });
    }
    sizes.set(profile, size);
  }
  return sizes;
}

function checkTask(task: { service?: number; setup?: number; time_windows?: TimeWindow[] }, owner: string): void {
  for (const [field, value] of [['service', task.service], ['setup', task.setup]] as const) {
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) {
      throw new InvalidProblemError(`${owner}: ${field} must be a finite number ≥ 0, got ${value}`);
    }
  }
  const windows = task.time_windows ?? [];
  windows.forEach((w, i) => {
    checkWindow(w, `${owner}: time window`);
    const previous = windows[i - 1];
    if (previous && w[0] <= previous[1]) {
      throw new InvalidProblemError(`${owner}: time windows must be sorted and disjoint, [${previous}] then [${w}]`);
    }
  });
}

function checkWindow(w: TimeWindow, what: string): void {
  if (!Array.isArray(w) || w.length !== 2 || !w.every((x) => Number.isFinite(x) && x >= 0)) {
    throw new InvalidProblemError(`${what} ${JSON.stringify(w)} must be [start, end] with finite numbers ≥ 0`);
  }
  if (w[0] > w[1]) throw new InvalidProblemError(`${what} [${w[0]}, ${w[1]}] has start after end`);
}

function checkAmounts(amounts: number[] | undefined, what: string): void {
  if (amounts?.some((x) => !(Number.isFinite(x) && x >= 0))) {
    throw new InvalidProblemError(`${what} ${JSON.stringify(amounts)} must hold finite numbers ≥ 0`);
  }
}

function checkPriority(priority: number | undefined, owner: string): void {
  if (priority !== undefined && !(Number.isInteger(priority) && priority >= 0 && priority <= 100)) {
    throw new InvalidProblemError(`${owner}: priority must be an integer in [0, 100], got ${priority}`);
  }
}

function uniqueIds(ids: number[], kind: string): void {
  const seen = new Set<number>();
  for (const id of ids) {
    if (!Number.isInteger(id)) throw new InvalidProblemError(`${kind} id ${id} must be an integer`);
    if (seen.has(id)) throw new InvalidProblemError(`${kind} id ${id} is used twice`);
    seen.add(id);
  }
}
