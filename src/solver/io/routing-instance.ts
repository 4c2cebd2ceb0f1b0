// The raw benchmark instance as written in a Solomon or CVRPLIB file, before it becomes a VroomProblem.
// Kept separate so the feasibility checker can verify a solution against the file's own numbers
// (coordinates, demands, windows) without trusting the matrices handed to the solver.

/** One node of a benchmark file: the depot or a customer. */
export interface InstanceNode {
  /** Number of the node in the file (Solomon CUST NO., CVRPLIB node number). */
  id: number;
  x: number;
  y: number;
  demand: number;
  /** Earliest service start; 0 when the format has no time windows. */
  ready: number;
  /** Latest service start (for the depot: latest return); Infinity when the format has none. */
  due: number;
  service: number;
}

/** How arc lengths follow from coordinates: exact double precision (Solomon) or TSPLIB nint (CVRPLIB). */
export type ArcRounding = 'exact' | 'nint';

export interface RoutingInstance {
  name: string;
  format: 'solomon' | 'cvrplib';
  rounding: ArcRounding;
  capacity: number;
  /** Vehicles available: the file's NUMBER (Solomon) or a bound no optimal solution exceeds (CVRPLIB). */
  fleetSize: number;
  depot: InstanceNode;
  /** In file order; customer i sits at matrix index i + 1 (the depot is index 0). */
  customers: InstanceNode[];
}
