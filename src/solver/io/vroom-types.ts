// Types for VROOM's problem and solution JSON (https://github.com/VROOM-Project/vroom, docs/API.md),
// restricted to the fields parcelgrid's solver supports. Field names match VROOM exactly so users can
// swap engines and reuse their data. Every field and every extension is described in docs/solver.md.
//
// Extensions to VROOM (all backward compatible with VROOM readers):
// - matrix values may be non-integer (Solomon-style unrounded Euclidean distances);
// - each unassigned task carries a `reason` saying why no vehicle could serve it;
// - violations are `{ cause, duration? }` with the causes listed in ViolationCause.

/** `[start, end]` in seconds, both ends inclusive. */
export type TimeWindow = [number, number];

/** `[lon, lat]` coordinates (WGS84); accepted for compatibility, the solver routes on matrices only. */
export type Coordinates = [number, number];

/** A single-location task: a delivery and/or pickup of multidimensional amounts. */
export interface VroomJob {
  id: number;
  description?: string;
  location?: Coordinates;
  /** Row/column of this job in every profile's matrices. */
  location_index?: number;
  /** Seconds spent on arrival at a new location (skipped when the previous task shares it). */
  setup?: number;
  /** Seconds spent performing the task. */
  service?: number;
  delivery?: number[];
  pickup?: number[];
  /** Every listed skill must be held by the vehicle. */
  skills?: number[];
  /** 0..100; higher is served first when not every job fits. */
  priority?: number;
  time_windows?: TimeWindow[];
}

/** One end of a shipment. */
export interface VroomShipmentStep {
  id: number;
  description?: string;
  location?: Coordinates;
  location_index?: number;
  setup?: number;
  service?: number;
  time_windows?: TimeWindow[];
}

/** A pickup and a delivery served by the same vehicle, pickup first. */
export interface VroomShipment {
  pickup: VroomShipmentStep;
  delivery: VroomShipmentStep;
  amount?: number[];
  skills?: number[];
  priority?: number;
}

/** Per-vehicle cost parameters; cost units are whatever the caller uses (parcelgrid: fen). */
export interface VroomVehicleCosts {
  /** Paid once when the vehicle is used. */
  fixed?: number;
  /** Paid per hour of route duration (travel + setup + service + waiting). */
  per_hour?: number;
  /** Paid per kilometre travelled. */
  per_km?: number;
}

export interface VroomVehicle {
  id: number;
  description?: string;
  /** Key into `matrices`; defaults to `car`. */
  profile?: string;
  start?: Coordinates;
  start_index?: number;
  end?: Coordinates;
  end_index?: number;
  capacity?: number[];
  skills?: number[];
  /** Working hours: leave the start no earlier than [0], reach the end no later than [1]. */
  time_window?: TimeWindow;
  max_tasks?: number;
  /** Seconds of travel (excluding setup, service and waiting). */
  max_travel_time?: number;
  /** Metres. */
  max_distance?: number;
  costs?: VroomVehicleCosts;
  /** VROOM semantics: this vehicle's travel durations are the profile's divided by this factor. */
  speed_factor?: number;
}

/** Square matrices indexed by location_index; `durations` in seconds, `distances` in metres. */
export interface VroomProfileMatrices {
  durations?: number[][];
  distances?: number[][];
  /** When present, replaces the cost derived from durations/distances and vehicle costs. */
  costs?: number[][];
}

export interface VroomProblem {
  jobs?: VroomJob[];
  shipments?: VroomShipment[];
  vehicles: VroomVehicle[];
  matrices?: Record<string, VroomProfileMatrices>;
}

export type ViolationCause =
  | 'delay'
  | 'lead_time'
  | 'load'
  | 'max_tasks'
  | 'skills'
  | 'precedence'
  | 'max_travel_time'
  | 'max_distance';

/** A broken constraint; `duration` is seconds late/early for `delay` and `lead_time`. */
export interface VroomViolation {
  cause: ViolationCause;
  duration?: number;
}

export type VroomTaskType = 'job' | 'pickup' | 'delivery';

export type VroomStepType = 'start' | VroomTaskType | 'end';

export interface VroomStep {
  type: VroomStepType;
  /** Task id; absent on `start` and `end`. */
  id?: number;
  description?: string;
  location_index?: number;
  setup: number;
  service: number;
  waiting_time: number;
  /** Vehicle load after this step, one entry per capacity dimension. */
  load: number[];
  /** Arrival time at the step (service begins at arrival + waiting_time + setup). */
  arrival: number;
  /** Cumulated travel time up to this step. */
  duration: number;
  /** Cumulated distance up to this step. */
  distance: number;
  violations: VroomViolation[];
}

export interface VroomRoute {
  vehicle: number;
  description?: string;
  cost: number;
  delivery: number[];
  pickup: number[];
  setup: number;
  service: number;
  /** Total travel time. */
  duration: number;
  waiting_time: number;
  priority: number;
  distance: number;
  steps: VroomStep[];
  violations: VroomViolation[];
}

export interface VroomUnassigned {
  id: number;
  type: VroomTaskType;
  description?: string;
  location_index?: number;
  /** Extension: why no vehicle serves this task (e.g. "no vehicle has skills [3]"). */
  reason?: string;
}

/** Milliseconds spent in each phase. */
export interface VroomComputingTimes {
  loading: number;
  solving: number;
}

export interface VroomSummary {
  cost: number;
  routes: number;
  unassigned: number;
  delivery: number[];
  pickup: number[];
  setup: number;
  service: number;
  duration: number;
  waiting_time: number;
  priority: number;
  distance: number;
  violations: VroomViolation[];
  computing_times?: VroomComputingTimes;
}

export interface VroomSolution {
  /** 0 on success; 1 internal error, 2 input error (VROOM's codes). */
  code: number;
  /** Present iff code is not 0. */
  error?: string;
  summary: VroomSummary;
  unassigned: VroomUnassigned[];
  routes: VroomRoute[];
}
