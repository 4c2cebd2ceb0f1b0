// Prices a route from its raw statistics. Time windows, capacity, max distance and max travel time
// are soft constraints in the search: breaking them costs a penalty per unit, and the penalty
// manager adapts those prices so that the search visits feasible and infeasible solutions alike.
// max_tasks is hard (an over-full route costs Infinity).

/** Per-unit penalty weights, owned and adjusted by the penalty manager. */
export interface Penalties {
  /** Per unit of load above capacity, summed over dimensions. */
  load: number;
  /** Per second of time warp or of travel time beyond max_travel_time. */
  time: number;
  /** Per metre beyond max_distance. */
  distance: number;
}

/** Raw statistics of a (proposed) route, as the segments compute them. */
export interface RouteStats {
  tasks: number;
  cost: number;
  timeWarp: number;
  excessLoad: number;
  excessTravel: number;
  excessDistance: number;
}

/** Fixed cost plus arc costs plus priced violations; an empty route costs nothing. */
export function penalisedCost(stats: RouteStats, fixedCost: number, maxTasks: number, penalties: Penalties): number {
  if (stats.tasks === 0) return 0;
  if (stats.tasks > maxTasks) return Infinity;
  return (
    fixedCost +
    stats.cost +
    penalties.time * (stats.timeWarp + stats.excessTravel) +
    penalties.load * stats.excessLoad +
    penalties.distance * stats.excessDistance
  );
}

/** Violations below this size are floating-point noise, not broken constraints. */
export const FEASIBILITY_TOLERANCE = 1e-6;

/** True when the route breaks no soft constraint. */
export function isFeasible(stats: RouteStats): boolean {
  return (
    stats.timeWarp <= FEASIBILITY_TOLERANCE &&
    stats.excessLoad <= FEASIBILITY_TOLERANCE &&
    stats.excessTravel <= FEASIBILITY_TOLERANCE &&
    stats.excessDistance <= FEASIBILITY_TOLERANCE
  );
}

/** The penalty part alone: what fixing every violation of the route would save at most. */
export function violationCost(stats: RouteStats, penalties: Penalties): number {
  return (
    penalties.time * (stats.timeWarp + stats.excessTravel) +
    penalties.load * stats.excessLoad +
    penalties.distance * stats.excessDistance
  );
}
