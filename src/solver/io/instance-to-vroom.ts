// Turns a Solomon or CVRPLIB instance into a VroomProblem with one matrix profile whose durations,
// distances and costs are all the arc lengths, so the objective is total distance and travel time
// equals distance (the benchmark convention).
import type { InstanceNode, RoutingInstance } from './routing-instance.ts';
import type { TimeWindow, VroomJob, VroomProblem, VroomVehicle } from './vroom-types.ts';

/** Profile name used for benchmark instances (VROOM's default profile). */
export const benchmarkProfile = 'car';

/** A VroomProblem whose job ids are the file's customer numbers; the depot is matrix index 0. */
export function instanceToVroom(instance: RoutingInstance): VroomProblem {
  const nodes = [instance.depot, ...instance.customers];
  const matrix = nodes.map((from) => nodes.map((to) => arcLength(instance, from, to)));
  const shift = timeWindowOf(instance.depot);
  const vehicles: VroomVehicle[] = Array.from({ length: instance.fleetSize }, (_, index) => ({
    id: index + 1,
    profile: benchmarkProfile,
    start_index: 0,
    end_index: 0,
    capacity: [instance.capacity],
    ...(shift && { time_window: shift }),
  }));
  const jobs: VroomJob[] = instance.customers.map((customer, index) => {
    const window = timeWindowOf(customer);
    return {
      id: customer.id,
      location_index: index + 1,
      service: customer.service,
      delivery: [customer.demand],
      ...(window && { time_windows: [window] }),
    };
  });
  return { jobs, vehicles, matrices: { [benchmarkProfile]: { durations: matrix, distances: matrix, costs: matrix } } };
}

/** Euclidean distance, unrounded or rounded to the nearest integer as the instance's format prescribes. */
function arcLength(instance: RoutingInstance, from: InstanceNode, to: InstanceNode): number {
  const length = Math.hypot(from.x - to.x, from.y - to.y);
  return instance.rounding === 'nint' ? Math.round(length) : length;
}

/** The node's window, or undefined when the format has none (due = Infinity). */
function timeWindowOf(node: InstanceNode): TimeWindow | undefined {
  return Number.isFinite(node.due) ? [node.ready, node.due] : undefined;
}
