// Concatenable load segments for one capacity dimension. A route's vehicle leaves the depot carrying
// every job delivery of the route; along the way each visit changes the load on board (pickups add,
// drops subtract; a shipment adds at its pickup and subtracts at its delivery). A segment stores:
//   depotLoad  load the segment needs from the depot (its job deliveries)
//   change     net change of on-board load across the segment
//   peak       highest cumulative change over the segment's prefixes, the empty prefix (0) included
// so the route's highest load is depotLoad + peak, and two segments merge in O(1).

/** A mutable single-dimension load segment. */
export interface LoadSegment {
  depotLoad: number;
  change: number;
  peak: number;
}

/** Writes into `out` (which may alias `first`) the concatenation of `first` and the given segment. */
export function mergeLoad(out: LoadSegment, first: LoadSegment, depotLoad: number, change: number, peak: number): void {
  out.peak = Math.max(first.peak, first.change + peak);
  out.depotLoad = first.depotLoad + depotLoad;
  out.change = first.change + change;
}

/** Load above `capacity` at the segment's busiest point, 0 when within capacity. */
export function excessLoad(segment: LoadSegment, capacity: number): number {
  return Math.max(segment.depotLoad + segment.peak - capacity, 0);
}
