// The exact schedule of one route, recomputed visit by visit from the model (not from the search's
// caches), with every window of every task and travel times from the travel-time seam. Whatever
// this finds broken is reported as a violation.
import type { ViolationCause } from '../io/vroom-types.ts';
import type { ProblemData } from '../model/problem-data.ts';
import type { TravelTimeFn } from '../model/travel-time.ts';

export interface ScheduledStep {
  /** Task node, or -1 for the start and end depots. */
  task: number;
  node: number;
  arrival: number;
  waiting: number;
  setup: number;
  service: number;
  /** Travel time and distance accumulated up to this step. */
  travelSoFar: number;
  distanceSoFar: number;
  /** On-board load after the step, per dimension. */
  load: number[];
  violations: { cause: ViolationCause; duration?: number }[];
}

export interface RouteSchedule {
  steps: ScheduledStep[];
  cost: number;
  distance: number;
  travel: number;
  waiting: number;
  service: number;
  setup: number;
}

/** Schedules `tasks` on vehicle `vehicle`, leaving the start at `departure`. */
export function scheduleRoute(data: ProblemData, vehicle: number, tasks: readonly number[], departure: number, travelTime: TravelTimeFn): RouteSchedule {
  const v = data.vehicles[vehicle]!;
  const { numNodes, dims } = data;
  const m = v.matrices;
  const load = Array.from({ length: dims }, (_, k) => tasks.reduce((sum, t) => sum + data.depotLoad[t * dims + k]!, 0));
  const out: RouteSchedule = { steps: [], cost: v.fixedCost, distance: 0, travel: 0, waiting: 0, service: 0, setup: 0 };
  const depotStep = (node: number, arrival: number): ScheduledStep => ({
    task: -1, node, arrival, waiting: 0, setup: 0, service: 0,
    travelSoFar: out.travel, distanceSoFar: out.distance, load: [...load], violations: [],
  });
  out.steps.push(depotStep(v.startNode, departure));
  let time = departure;
  let previous = v.startNode;
  for (const [index, task] of [...tasks, -1].entries()) {
    const node = task < 0 ? v.endNode : task;
    const arc = previous * numNodes + node;
    const drive = travelTime(previous, node, time, vehicle);
    // The matrices fold a location change's setup into the arc duration; split it back out.
    const setup = m.duration[arc]! - m.travel[arc]!;
    out.cost += m.cost[arc]!;
    out.distance += m.distance[arc]!;
    out.travel += drive;
    out.setup += setup;
    const arrival = time + drive;
    if (task < 0) {
      const step = depotStep(node, arrival);
      if (arrival > data.twLate[node]! + 1e-6) step.violations.push({ cause: 'delay', duration: arrival - data.twLate[node]! });
      out.steps.push(step);
      break;
    }
    const ready = arrival + setup;
    const start = serviceStart(data.timeWindows[task]!, ready);
    const step: ScheduledStep = {
      task, node, arrival, waiting: Math.max(start - ready, 0), setup, service: data.service[task]!,
      travelSoFar: out.travel, distanceSoFar: out.distance, load: [], violations: [],
    };
    if (start > ready + 1e-6 || isInWindow(data.timeWindows[task]!, start)) {
      out.waiting += step.waiting;
    } else {
      step.violations.push({ cause: 'delay', duration: ready - latestEnd(data.timeWindows[task]!, ready) });
    }
    for (let k = 0; k < dims; k++) load[k] = load[k]! + data.loadChange[task * dims + k]!;
    step.load = [...load];
    if (load.some((amount, k) => amount > v.capacity[k]! + 1e-9)) step.violations.push({ cause: 'load' });
    if (index + 1 > v.maxTasks) step.violations.push({ cause: 'max_tasks' });
    const partner = data.partner[task]!;
    if (partner >= 0 && (partner > task) !== tasks.slice(index + 1).includes(partner)) step.violations.push({ cause: 'precedence' });
    out.service += step.service;
    out.steps.push(step);
    time = start + step.service;
    previous = node;
  }
  const end = out.steps.at(-1)!;
  if (out.travel > v.maxTravelTime + 1e-6) end.violations.push({ cause: 'max_travel_time' });
  if (out.distance > v.maxDistance + 1e-6) end.violations.push({ cause: 'max_distance' });
  return out;
}

/** Earliest service start at or after `ready` inside a window; `ready` itself when every window has closed. */
function serviceStart(windows: readonly (readonly [number, number])[], ready: number): number {
  if (windows.length === 0) return ready;
  for (const [open, close] of windows) if (ready <= close) return Math.max(ready, open);
  return ready;
}

function isInWindow(windows: readonly (readonly [number, number])[], time: number): boolean {
  return windows.length === 0 || windows.some(([open, close]) => time >= open - 1e-9 && time <= close + 1e-6);
}

/** Close of the last window that ended before `time`. */
function latestEnd(windows: readonly (readonly [number, number])[], time: number): number {
  let last = -Infinity;
  for (const [, close] of windows) if (close < time) last = close;
  return last;
}
