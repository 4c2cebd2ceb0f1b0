// The solver's internal, validated and immutable view of a problem, built once from a VroomProblem.
// Everything the search touches is a dense integer index into typed arrays:
//   node 0 .. numTasks-1          tasks (a job is one task, a shipment is two: pickup then delivery)
//   node numTasks + 2v            start of vehicle v
//   node numTasks + 2v + 1        end of vehicle v
// Giving each vehicle its own depot nodes lets a depot node carry that vehicle's shift as its window.

/** What a task node stands for in the input. */
export const TaskKind = { job: 0, pickup: 1, delivery: 2 } as const;
export type TaskKind = (typeof TaskKind)[keyof typeof TaskKind];

/** Node-to-node matrices for one (profile, cost) class of vehicles; row-major, numNodes × numNodes. */
export interface NodeMatrices {
  /** Identifies the class; proposals reuse cached route segments only within one class. */
  readonly classId: number;
  /** Objective contribution of each arc (distance unless the vehicle or matrix defines costs). */
  readonly cost: Float64Array;
  /** Travel time plus the setup of the arrival node when it changes location. */
  readonly duration: Float64Array;
  /** Pure travel time, for max_travel_time. */
  readonly travel: Float64Array;
  /** Metres, for max_distance and the output. */
  readonly distance: Float64Array;
  /** True when cost[i][j] = cost[j][i] for all nodes, so reversing a range keeps its inner cost. */
  readonly symmetricCost: boolean;
}

export interface VehicleData {
  readonly id: number;
  readonly startNode: number;
  readonly endNode: number;
  /** One entry per capacity dimension; Infinity where the vehicle has no limit. */
  readonly capacity: Float64Array;
  readonly maxTasks: number;
  readonly maxTravelTime: number;
  readonly maxDistance: number;
  readonly fixedCost: number;
  readonly matrices: NodeMatrices;
}

export interface ProblemData {
  readonly numTasks: number;
  readonly numNodes: number;
  /** Capacity dimensions (at least 1). */
  readonly dims: number;
  readonly vehicles: readonly VehicleData[];
  /** Per task. */
  readonly kind: Uint8Array;
  /** Per task: the other half of a shipment, or -1 for jobs. */
  readonly partner: Int32Array;
  /** Per task: the input id (job id, or the pickup/delivery step id). */
  readonly taskId: Int32Array;
  /** Per task: matrix row in the input (location_index). */
  readonly location: Int32Array;
  /** Per vehicle depot node (node - numTasks): matrix row, or -1 when the vehicle has none. */
  readonly depotLocation: Int32Array;
  /** Per task: priority 0..100. */
  readonly priority: Uint8Array;
  /** Per node: setup-free service seconds (depots 0). */
  readonly service: Float64Array;
  /** Per node: earliest / latest service start, the hull of all windows (depots: the shift). */
  readonly twEarly: Float64Array;
  readonly twLate: Float64Array;
  /** Per task: every window in order; the search uses the hull, the final schedule uses these. */
  readonly timeWindows: readonly (readonly (readonly [number, number])[])[];
  /**
   * Per node × dim: load picked at the depot and dropped at this node (job deliveries), and the
   * net change of on-board load at this node (pickups positive, drops negative).
   */
  readonly depotLoad: Float64Array;
  readonly loadChange: Float64Array;
  /** Per node × dim: input delivery / pickup amounts, for the output. */
  readonly delivery: Float64Array;
  readonly pickup: Float64Array;
  /** Per vehicle × task: 1 when the vehicle has every skill the task needs. */
  readonly canServe: Uint8Array;
  /** False when every vehicle can serve every task, so moves need no skill checks. */
  readonly skillsMatter: boolean;
  /** Penalty for leaving a task unassigned; dominates any routing cost, grows with priority. */
  readonly unassignedCost: Float64Array;
}

/** True for task nodes that belong to a shipment, which local search must not separate. */
export function isShipmentTask(data: ProblemData, node: number): boolean {
  return node < data.numTasks && data.kind[node] !== TaskKind.job;
}
