// Cross-field checks the schema cannot express: unique ids, matrices that are square and cover every
// location_index, time windows in order, one amount dimension throughout. parcelgrid routes on the
// supplied matrices only, so every task and vehicle end needs a location_index.
import type { TimeWindow, VroomProblem, VroomVehicle } from './vroom-types.ts';

interface Place {
  path: string;
  location_index?: number;
  location?: unknown;
  time_windows?: TimeWindow[];
}

/** Throws an Error naming the first inconsistent field of `problem`. */
export function assertConsistentProblem(problem: VroomProblem, source: string): void {
  const fail = (message: string): never => {
    throw new Error(`${source}: ${message}`);
  };
  const jobs = problem.jobs ?? [];
  const shipments = problem.shipments ?? [];
  if (jobs.length === 0 && shipments.length === 0) fail('no jobs and no shipments to plan');
  assertUniqueIds(jobs.map((job, i) => [job.id, `jobs[${i}]`]), 'job', fail);
  assertUniqueIds(shipments.map((s, i) => [s.pickup.id, `shipments[${i}].pickup`]), 'pickup', fail);
  assertUniqueIds(shipments.map((s, i) => [s.delivery.id, `shipments[${i}].delivery`]), 'delivery', fail);
  assertUniqueIds(problem.vehicles.map((v, i) => [v.id, `vehicles[${i}]`]), 'vehicle', fail);

  const places: Place[] = [
    ...jobs.map((job, i) => ({ ...job, path: `jobs[${i}]` })),
    ...shipments.flatMap((s, i) => [
      { ...s.pickup, path: `shipments[${i}].pickup` },
      { ...s.delivery, path: `shipments[${i}].delivery` },
    ]),
  ];
  for (const place of places) {
    if (place.location_index === undefined) {
      fail(`${place.path} has no location_index (parcelgrid routes on the supplied matrices only)`);
    }
    place.time_windows?.forEach(([start, end], w) => {
      if (start > end) fail(`${place.path}.time_windows[${w}] starts at ${start} after its end ${end}`);
    });
  }
  problem.vehicles.forEach((vehicle, i) => assertVehicleEnds(vehicle, `vehicles[${i}]`, fail));
  assertMatricesCover(problem, places, fail);
  assertOneAmountDimension(problem, fail);
}

function assertUniqueIds(entries: [number, string][], kind: string, fail: (message: string) => never): void {
  const firstPath = new Map<number, string>();
  for (const [id, path] of entries) {
    const earlier = firstPath.get(id);
    if (earlier !== undefined) fail(`${path} repeats ${kind} id ${id} already used by ${earlier}`);
    firstPath.set(id, path);
  }
}

function assertVehicleEnds(vehicle: VroomVehicle, path: string, fail: (message: string) => never): void {
  if (vehicle.start_index === undefined && vehicle.end_index === undefined) {
    fail(`${path} needs start_index and/or end_index (parcelgrid routes on the supplied matrices only)`);
  }
  const window = vehicle.time_window;
  if (window && window[0] > window[1]) fail(`${path}.time_window starts at ${window[0]} after its end ${window[1]}`);
}

/** Each vehicle's profile has square matrices of one size covering every location_index. */
function assertMatricesCover(problem: VroomProblem, places: Place[], fail: (message: string) => never): void {
  const highestIndex = Math.max(
    ...places.map((place) => place.location_index ?? 0),
    ...problem.vehicles.flatMap((v) => [v.start_index ?? 0, v.end_index ?? 0]),
  );
  const profiles = new Set(problem.vehicles.map((vehicle) => vehicle.profile ?? 'car'));
  for (const profile of profiles) {
    const matrices = problem.matrices?.[profile];
    if (!matrices?.durations && !matrices?.costs) {
      fail(`matrices.${profile} needs durations or costs (a vehicle uses profile "${profile}")`);
    }
    for (const kind of ['durations', 'distances', 'costs'] as const) {
      const rows = matrices?.[kind];
      if (!rows) continue;
      const size = rows.length;
      const ragged = rows.findIndex((row) => row.length !== size);
      if (ragged >= 0) fail(`matrices.${profile}.${kind}[${ragged}] has ${rows[ragged]!.length} values, expected ${size}`);
      if (highestIndex >= size) {
        fail(`matrices.${profile}.${kind} is ${size}x${size} but location_index ${highestIndex} is used`);
      }
    }
  }
}

/** VROOM requires every capacity, delivery, pickup and amount array to have the same length. */
function assertOneAmountDimension(problem: VroomProblem, fail: (message: string) => never): void {
  const arrays: [string, number[] | undefined][] = [
    ...problem.vehicles.map((v, i): [string, number[] | undefined] => [`vehicles[${i}].capacity`, v.capacity]),
    ...(problem.jobs ?? []).flatMap((job, i): [string, number[] | undefined][] => [
      [`jobs[${i}].delivery`, job.delivery],
      [`jobs[${i}].pickup`, job.pickup],
    ]),
    ...(problem.shipments ?? []).map((s, i): [string, number[] | undefined] => [`shipments[${i}].amount`, s.amount]),
  ];
  const present = arrays.filter((entry): entry is [string, number[]] => entry[1] !== undefined);
  const [first] = present;
  const mismatch = present.find(([, values]) => values.length !== first?.[1].length);
  if (first && mismatch) {
    fail(`${mismatch[0]} has ${mismatch[1].length} dimensions but ${first[0]} has ${first[1].length}`);
  }
}
