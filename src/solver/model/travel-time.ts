// The one place that answers "how long does this arc take?". Today travel times are static per
// profile, so the search reads them straight from the node matrices (that is what makes O(1) move
// evaluation possible). Time-dependent travel times and zone/time access rules (city vehicle passes)
// plug in here: the final schedule already calls this function with the departure time, and the
// search can keep using static lower bounds from the matrices while this function decides the
// reported arrival times and violations.
import type { ProblemData } from './problem-data.ts';

/** Seconds to drive from node `from` to node `to` leaving at `departure` with vehicle `vehicle`. */
export type TravelTimeFn = (from: number, to: number, departure: number, vehicle: number) => number;

/** Static travel times: the vehicle's duration matrix, whatever the departure time. */
export function staticTravelTime(data: ProblemData): TravelTimeFn {
  return (from, to, _departure, vehicle) => {
    const matrices = data.vehicles[vehicle]!.matrices;
    return matrices.duration[from * data.numNodes + to]!;
  };
}
