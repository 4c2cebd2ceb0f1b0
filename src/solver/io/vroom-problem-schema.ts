// Typebox schema of the VroomProblem fields parcelgrid supports (see vroom-types.ts and docs/solver.md).
// Unknown fields are rejected so a VROOM feature we do not implement (breaks, forced steps) is reported
// instead of silently ignored.
import { Type } from 'typebox';

const strict = { additionalProperties: false } as const;
const nonNegative = Type.Number({ minimum: 0 });
const amount = Type.Array(Type.Integer({ minimum: 0 }));
const skills = Type.Array(Type.Integer());
const timeWindow = Type.Tuple([nonNegative, nonNegative]);
const coordinates = Type.Tuple([Type.Number(), Type.Number()]);
const matrix = Type.Array(Type.Array(nonNegative));

const taskPlace = {
  id: Type.Integer(),
  description: Type.Optional(Type.String()),
  location: Type.Optional(coordinates),
  location_index: Type.Optional(Type.Integer({ minimum: 0 })),
  setup: Type.Optional(nonNegative),
  service: Type.Optional(nonNegative),
  time_windows: Type.Optional(Type.Array(timeWindow, { minItems: 1 })),
};

const job = Type.Object(
  {
    ...taskPlace,
    delivery: Type.Optional(amount),
    pickup: Type.Optional(amount),
    skills: Type.Optional(skills),
    priority: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
  },
  strict,
);

const shipmentStep = Type.Object(taskPlace, strict);

const shipment = Type.Object(
  {
    pickup: shipmentStep,
    delivery: shipmentStep,
    amount: Type.Optional(amount),
    skills: Type.Optional(skills),
    priority: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
  },
  strict,
);

const vehicle = Type.Object(
  {
    id: Type.Integer(),
    description: Type.Optional(Type.String()),
    profile: Type.Optional(Type.String()),
    start: Type.Optional(coordinates),
    start_index: Type.Optional(Type.Integer({ minimum: 0 })),
    end: Type.Optional(coordinates),
    end_index: Type.Optional(Type.Integer({ minimum: 0 })),
    capacity: Type.Optional(amount),
    skills: Type.Optional(skills),
    time_window: Type.Optional(timeWindow),
    max_tasks: Type.Optional(Type.Integer({ minimum: 0 })),
    max_travel_time: Type.Optional(nonNegative),
    max_distance: Type.Optional(nonNegative),
    costs: Type.Optional(
      Type.Object(
        { fixed: Type.Optional(nonNegative), per_hour: Type.Optional(nonNegative), per_km: Type.Optional(nonNegative) },
        strict,
      ),
    ),
    speed_factor: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
  },
  strict,
);

const profileMatrices = Type.Object(
  { durations: Type.Optional(matrix), distances: Type.Optional(matrix), costs: Type.Optional(matrix) },
  strict,
);

/** Shape of an accepted problem file; semantic checks (matrix sizes, indices) follow in readVroomProblem. */
export const vroomProblemSchema = Type.Object(
  {
    jobs: Type.Optional(Type.Array(job)),
    shipments: Type.Optional(Type.Array(shipment)),
    vehicles: Type.Array(vehicle, { minItems: 1 }),
    matrices: Type.Optional(Type.Record(Type.String(), profileMatrices)),
  },
  strict,
);
