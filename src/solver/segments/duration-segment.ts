// Concatenable duration / time-window segments: the time-warp algebra of Vidal et al. (2013),
// "A hybrid genetic algorithm with adaptive diversity management for a large class of vehicle
// routing problems with time-windows", as PyVRP's DurationSegment implements it.
//
// A segment summarises a visit sequence by four numbers, with times relative to the moment service
// starts at its first node:
//   duration  time from starting the first service to finishing the last, waiting included
//   timeWarp  total lateness that had to be "warped away" to meet every window
//   twEarly   earliest start at the first node that avoids avoidable waiting
//   twLate    latest start at the first node that adds no time warp
// Two segments joined by an arc merge in O(1), so a move's new route is evaluated from cached
// prefix and suffix segments without walking the route.

/** A mutable segment; `merge` writes into one so hot loops allocate nothing. */
export interface DurationSegment {
  duration: number;
  timeWarp: number;
  twEarly: number;
  twLate: number;
}

/** The segment of one visit: service time and the node's window. */
export function nodeSegment(service: number, twEarly: number, twLate: number): DurationSegment {
  return { duration: service, timeWarp: 0, twEarly, twLate };
}

/**
 * Writes into `out` the concatenation of `first`, an arc of `edge` seconds, and the segment given
 * by (duration, timeWarp, twEarly, twLate). `out` may be `first` itself (appending in place).
 */
export function mergeDuration(
  out: DurationSegment,
  first: DurationSegment,
  edge: number,
  duration: number,
  timeWarp: number,
  twEarly: number,
  twLate: number,
): void {
  // Arrival at the second segment, relative to the start of the first, if no waiting happened.
  const atSecond = first.duration - first.timeWarp + edge;
  // Waiting forced even when starting as late as possible, and lateness forced even when starting
  // as early as possible. Both are zero when the windows overlap after shifting by atSecond.
  const wait = Math.max(twEarly - atSecond - first.twLate, 0);
  const warp = Math.max(first.twEarly + atSecond - twLate, 0);
  const early = Math.max(twEarly - atSecond, first.twEarly) - wait;
  const late = Math.min(twLate - atSecond, first.twLate) + warp;
  out.duration = first.duration + duration + edge + wait;
  out.timeWarp = first.timeWarp + timeWarp + warp;
  out.twEarly = early;
  out.twLate = late;
}
