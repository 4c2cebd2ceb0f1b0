// Flattens jobs and shipments into one task list: a job is one task, a shipment two adjacent tasks
// (pickup at index k, delivery at k + 1).
import type { TimeWindow, VroomProblem } from '../io/vroom-types.ts';
import { InvalidProblemError } from './invalid-problem-error.ts';
import { TaskKind } from './problem-data.ts';

export interface TaskInput {
  kind: TaskKind;
  id: number;
  location: number;
  service: number;
  setup: number;
  windows: TimeWindow[];
  /** Amounts loaded at the depot and dropped here / picked here, length = dims. */
  delivery: number[];
  pickup: number[];
  skills: number[];
  priority: number;
  /** Index of the other half of a shipment, or -1. */
  partner: number;
}

/** Number of capacity dimensions; every non-empty amount or capacity array must have it. */
export function amountDimensions(problem: VroomProblem): number {
  const lengths = new Map<number, string>();
  const note = (array: number[] | undefined, owner: string): void => {
    if (array && array.length > 0 && !lengths.has(array.length)) lengths.set(array.length, owner);
  };
  problem.vehicles.forEach((v) => note(v.capacity, `vehicle ${v.id} capacity`));
  (problem.jobs ?? []).forEach((j) => {
    note(j.delivery, `job ${j.id} delivery`);
    note(j.pickup, `job ${j.id} pickup`);
  });
  (problem.shipments ?? []).forEach((s) => note(s.amount, `shipment ${s.pickup.id} amount`));
  if (lengths.size > 1) {
    const [[a, ownerA], [b, ownerB]] = [...lengths.entries()] as [[number, string], [number, string]];
    throw new InvalidProblemError(`amount arrays differ in length: ${ownerA} has ${a} entries, ${ownerB} has ${b}`);
  }
  return [...lengths.keys()][0] ?? 1;
}

/** Every task in input order (jobs first, then shipments as pickup/delivery pairs). */
export function collectTasks(problem: VroomProblem, dims: number): TaskInput[] {
  const pad = (array: number[] | undefined): number[] => Array.from({ length: dims }, (_, k) => array?.[k] ?? 0);
  const tasks: TaskInput[] = (problem.jobs ?? []).map((job) => ({
    kind: TaskKind.job,
    id: job.id,
    location: job.location_index!,
    service: job.service ?? 0,
    setup: job.setup ?? 0,
    windows: job.time_windows ?? [],
    delivery: pad(job.delivery),
    pickup: pad(job.pickup),
    skills: job.skills ?? [],
    priority: job.priority ?? 0,
    partner: -1,
  }));
  for (const shipment of problem.shipments ?? []) {
    const amount = pad(shipment.amount);
    const zero = pad(undefined);
    const first = tasks.length;
    for (const [step, kind] of [[shipment.pickup, TaskKind.pickup], [shipment.delivery, TaskKind.delivery]] as const) {
      tasks.push({
        kind,
        id: step.id,
        location: step.location_index!,
        service: step.service ?? 0,
        setup: step.setup ?? 0,
        windows: step.time_windows ?? [],
        delivery: kind === TaskKind.delivery ? amount : zero,
        pickup: kind === TaskKind.pickup ? amount : zero,
        skills: shipment.skills ?? [],
        priority: shipment.priority ?? 0,
        partner: kind === TaskKind.pickup ? first + 1 : first,
      });
    }
  }
  return tasks;
}
