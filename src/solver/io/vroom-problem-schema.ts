// Shape of the VroomProblem fields parcelgrid supports (see vroom-types.ts and docs/solver.md).
// Unknown fields are rejected so a VROOM feature we do not implement (breaks, forced steps) is reported
// instead of silently ignored. objectWith<T> makes the compiler check each table against vroom-types.ts.
import { arrayOf, type FieldTable, numberWhere, objectWith, optional, pairOf, recordOf, text } from './json-shape.ts';
import type {
  VroomJob,
  VroomProblem,
  VroomProfileMatrices,
  VroomShipment,
  VroomShipmentStep,
  VroomVehicle,
  VroomVehicleCosts,
} from './vroom-types.ts';

const integer = numberWhere('an integer', Number.isInteger);
const index = numberWhere('a non-negative integer', (n) => Number.isInteger(n) && n >= 0);
const priority = numberWhere('an integer from 0 to 100', (n) => Number.isInteger(n) && n >= 0 && n <= 100);
const nonNegative = numberWhere('a non-negative number', (n) => n >= 0);
const positive = numberWhere('a number above 0', (n) => n > 0);

const amount = arrayOf(index, 'an array of non-negative integers');
const skills = arrayOf(integer, 'an array of integers');
const timeWindow = pairOf(nonNegative, 'a [start, end] pair of non-negative numbers');
const coordinates = pairOf(numberWhere('a number', () => true), 'a [lon, lat] pair of numbers');
const matrix = arrayOf(arrayOf(nonNegative, 'an array of non-negative numbers'), 'an array of rows');

const taskPlace: FieldTable<VroomShipmentStep> = {
  id: integer,
  description: optional(text),
  location: optional(coordinates),
  location_index: optional(index),
  setup: optional(nonNegative),
  service: optional(nonNegative),
  time_windows: optional(arrayOf(timeWindow, 'an array of [start, end] pairs', true)),
};

const job = objectWith<VroomJob>({
  ...taskPlace,
  delivery: optional(amount),
  pickup: optional(amount),
  skills: optional(skills),
  priority: optional(priority),
});

const shipmentStep = objectWith<VroomShipmentStep>(taskPlace);

const shipment = objectWith<VroomShipment>({
  pickup: shipmentStep,
  delivery: shipmentStep,
  amount: optional(amount),
  skills: optional(skills),
  priority: optional(priority),
});

const vehicleCosts = objectWith<VroomVehicleCosts>({
  fixed: optional(nonNegative),
  per_hour: optional(nonNegative),
  per_km: optional(nonNegative),
});

const vehicle = objectWith<VroomVehicle>({
  id: integer,
  description: optional(text),
  profile: optional(text),
  start: optional(coordinates),
  start_index: optional(index),
  end: optional(coordinates),
  end_index: optional(index),
  capacity: optional(amount),
  skills: optional(skills),
  time_window: optional(timeWindow),
  max_tasks: optional(index),
  max_travel_time: optional(nonNegative),
  max_distance: optional(nonNegative),
  costs: optional(vehicleCosts),
  speed_factor: optional(positive),
});

const profileMatrices = objectWith<VroomProfileMatrices>({
  durations: optional(matrix),
  distances: optional(matrix),
  costs: optional(matrix),
});

/** Shape of an accepted problem file; semantic checks (matrix sizes, indices) follow in readVroomProblem. */
export const vroomProblemSchema = objectWith<VroomProblem>({
  jobs: optional(arrayOf(job, 'an array of jobs')),
  shipments: optional(arrayOf(shipment, 'an array of shipments')),
  vehicles: arrayOf(vehicle, 'an array of vehicles', true),
  matrices: optional(recordOf(profileMatrices, 'an object mapping profile names to matrices')),
});
