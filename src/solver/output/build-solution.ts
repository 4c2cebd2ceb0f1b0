// Turns the search's plan into VROOM's solution JSON. Every route is rescheduled exactly from the
// model (all windows, travel-time seam); a task whose visit still breaks a constraint is taken out
// and reported unassigned with the cause, so what we return is feasible and says what it left out.
import type { VroomRoute, VroomSolution, VroomStep, VroomTaskType, VroomUnassigned, VroomViolation } from '../io/vroom-types.ts';
import { TaskKind, type ProblemData } from '../model/problem-data.ts';
import { staticTravelTime } from '../model/travel-time.ts';
import { Proposal } from '../search/proposal.ts';
import { scheduleRoute, type RouteSchedule } from './schedule-route.ts';

const LEFT_OUT = 'no route had room for it without breaking a time window, capacity or vehicle limit';
const REMOVED: Record<string, string> = {
  delay: 'could not be scheduled within its time windows',
  load: 'could not be loaded without exceeding a vehicle capacity',
  max_tasks: 'would exceed a vehicle max_tasks',
  precedence: 'its shipment could not keep pickup before delivery',
  max_travel_time: 'would exceed a vehicle max_travel_time',
  max_distance: 'would exceed a vehicle max_distance',
};

const TASK_TYPE: Record<number, VroomTaskType> = { [TaskKind.job]: 'job', [TaskKind.pickup]: 'pickup', [TaskKind.delivery]: 'delivery' };

/** Builds the solution for `plan` (tasks per vehicle); `reasons` holds tasks excluded up front. */
export function buildSolution(
  data: ProblemData,
  plan: readonly (readonly number[])[],
  reasons: readonly (string | undefined)[],
  times: { loading: number; solving: number },
): VroomSolution {
  const unassignedReason = new Map<number, string>();
  reasons.forEach((reason, task) => reason !== undefined && unassignedReason.set(task, reason));
  const routes: VroomRoute[] = [];
  plan.forEach((planned, vehicle) => {
    let tasks = [...planned];
    let schedule = scheduleRoute(data, vehicle, tasks, departureTime(data, vehicle, tasks), staticTravelTime(data));
    for (let broken = firstBrokenStep(schedule); broken >= 0 && tasks.length > 0; broken = firstBrokenStep(schedule)) {
      const step = schedule.steps[broken]!;
      const task = step.task >= 0 ? step.task : tasks.at(-1)!;
      const gone = new Set([task, data.partner[task]!]);
      for (const t of gone) if (t >= 0) unassignedReason.set(t, REMOVED[step.violations[0]!.cause] ?? LEFT_OUT);
      tasks = tasks.filter((t) => !gone.has(t));
      schedule = scheduleRoute(data, vehicle, tasks, departureTime(data, vehicle, tasks), staticTravelTime(data));
    }
    if (tasks.length > 0) routes.push(toVroomRoute(data, vehicle, schedule));
  });
  const assigned = new Set(plan.flat());
  for (let task = 0; task < data.numTasks; task++) {
    if (!assigned.has(task) && !unassignedReason.has(task)) unassignedReason.set(task, LEFT_OUT);
  }
  const unassigned: VroomUnassigned[] = [...unassignedReason].sort(([a], [b]) => a - b).map(([task, reason]) => ({
    id: data.taskId[task]!,
    type: TASK_TYPE[data.kind[task]!]!,
    location_index: data.location[task]!,
    reason,
  }));
  return { code: 0, summary: summarise(data, routes, unassigned.length, times), unassigned, routes };
}

/** Leaves the start at the earliest time that avoids avoidable waiting (the route segment's twEarly). */
function departureTime(data: ProblemData, vehicle: number, tasks: readonly number[]): number {
  const proposal = new Proposal(data).startEmpty(data.vehicles[vehicle]!);
  for (const t of tasks) proposal.append(t);
  return proposal.finish().duration.twEarly;
}

function firstBrokenStep(schedule: RouteSchedule): number {
  return schedule.steps.findIndex((step) => step.violations.length > 0);
}

function toVroomRoute(data: ProblemData, vehicle: number, schedule: RouteSchedule): VroomRoute {
  const dims = data.dims;
  const amounts = (source: Float64Array) =>
    Array.from({ length: dims }, (_, k) => schedule.steps.reduce((sum, s) => sum + (s.task >= 0 ? source[s.task * dims + k]! : 0), 0));
  const steps: VroomStep[] = schedule.steps.map((s, index) => ({
    type: s.task >= 0 ? TASK_TYPE[data.kind[s.task]!]! : index === 0 ? 'start' : 'end',
    ...(s.task >= 0 && { id: data.taskId[s.task]! }),
    ...(locationOf(data, s) >= 0 && { location_index: locationOf(data, s) }),
    setup: s.setup,
    service: s.service,
    waiting_time: s.waiting,
    load: s.load,
    arrival: s.arrival,
    duration: s.travelSoFar,
    distance: s.distanceSoFar,
    violations: s.violations,
  }));
  return {
    vehicle: data.vehicles[vehicle]!.id,
    cost: schedule.cost,
    delivery: amounts(data.delivery),
    pickup: amounts(data.pickup),
    setup: schedule.setup,
    service: schedule.service,
    duration: schedule.travel,
    waiting_time: schedule.waiting,
    priority: schedule.steps.reduce((sum, s) => sum + (s.task >= 0 ? data.priority[s.task]! : 0), 0),
    distance: schedule.distance,
    steps,
    violations: uniqueViolations(steps.flatMap((s) => s.violations)),
  };
}

function locationOf(data: ProblemData, step: { task: number; node: number }): number {
  return step.task >= 0 ? data.location[step.task]! : (data.depotLocation[step.node - data.numTasks] ?? -1);
}

function summarise(data: ProblemData, routes: VroomRoute[], unassigned: number, times: { loading: number; solving: number }): VroomSolution['summary'] {
  const sum = (pick: (r: VroomRoute) => number) => routes.reduce((total, r) => total + pick(r), 0);
  const sumAmounts = (pick: (r: VroomRoute) => number[]) =>
    Array.from({ length: data.dims }, (_, k) => routes.reduce((total, r) => total + (pick(r)[k] ?? 0), 0));
  return {
    cost: sum((r) => r.cost),
    routes: routes.length,
    unassigned,
    delivery: sumAmounts((r) => r.delivery),
    pickup: sumAmounts((r) => r.pickup),
    setup: sum((r) => r.setup),
    service: sum((r) => r.service),
    duration: sum((r) => r.duration),
    waiting_time: sum((r) => r.waiting_time),
    priority: sum((r) => r.priority),
    distance: sum((r) => r.distance),
    violations: uniqueViolations(routes.flatMap((r) => r.violations)),
    computing_times: { loading: Math.round(times.loading), solving: Math.round(times.solving) },
  };
}

/** One entry per cause; `delay` keeps the total seconds late. */
function uniqueViolations(all: VroomViolation[]): VroomViolation[] {
  const byCause = new Map<string, VroomViolation>();
  for (const v of all) {
    const seen = byCause.get(v.cause);
    if (!seen) byCause.set(v.cause, { ...v });
    else if (v.duration !== undefined) seen.duration = (seen.duration ?? 0) + v.duration;
  }
  return [...byCause.values()];
}
