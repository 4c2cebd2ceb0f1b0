// Small Solomon-like problems built in code for tests: customers scattered around a central depot,
// with demands, service times and time windows drawn from a seeded generator.
import type { VroomProblem } from '../io/vroom-types.ts';
import { Rng } from '../rng.ts';

export interface RandomProblemSpec {
  customers: number;
  vehicles: number;
  capacity: number;
  seed: number;
  /** Width of each customer's time window; Infinity for none. */
  windowWidth: number;
  /** Pairs of customers (after the plain jobs) that become shipments. */
  shipments?: number;
}

/** A reproducible VroomProblem with Euclidean (unrounded) distances equal to travel times. */
export function randomProblem(spec: RandomProblemSpec): VroomProblem {
  const rng = new Rng(spec.seed);
  const points = Array.from({ length: spec.customers + 1 }, (_, i): [number, number] => (i === 0 ? [50, 50] : [rng.int(101), rng.int(101)]));
  const matrix = points.map(([x1, y1]) => points.map(([x2, y2]) => Math.hypot(x1 - x2, y1 - y2)));
  const horizon = 1000;
  const window = (index: number): [number, number][] | undefined => {
    if (!Number.isFinite(spec.windowWidth)) return undefined;
    const reach = matrix[0]![index]!;
    const open = Math.floor(reach + rng.float() * (horizon - 2 * reach - spec.windowWidth - 10));
    return [[Math.max(open, 0), Math.max(open, 0) + spec.windowWidth]];
  };
  const plain = spec.customers - 2 * (spec.shipments ?? 0);
  const jobs = Array.from({ length: plain }, (_, i) => {
    const windows = window(i + 1);
    return { id: i + 1, location_index: i + 1, service: 10, delivery: [1 + rng.int(9)], ...(windows && { time_windows: windows }) };
  });
  const shipments = Array.from({ length: spec.shipments ?? 0 }, (_, s) => {
    const at = plain + 1 + 2 * s;
    return {
      amount: [1 + rng.int(9)],
      pickup: { id: at, location_index: at, service: 10 },
      delivery: { id: at + 1, location_index: at + 1, service: 10 },
    };
  });
  return {
    jobs,
    shipments,
    vehicles: Array.from({ length: spec.vehicles }, (_, v) => ({
      id: v + 1,
      start_index: 0,
      end_index: 0,
      capacity: [spec.capacity],
      time_window: [0, horizon] as [number, number],
    })),
    matrices: { car: { durations: matrix, distances: matrix } },
  };
}
