// Finds, once before searching, the tasks no vehicle can serve even alone (start → task → end),
// and says why, so they come back unassigned with a reason instead of troubling the search.
// The vehicle-task pairs that fail are also returned, so moves never try them.
import type { ProblemData } from '../model/problem-data.ts';
import { FEASIBILITY_TOLERANCE } from './cost-evaluator.ts';
import { Proposal } from './proposal.ts';

/** Why each vehicle cannot serve a task alone, in the order reasons are reported. */
const CHECKS = ['skills', 'capacity', 'time', 'maxTasks', 'maxTravelTime', 'maxDistance'] as const;
type Check = (typeof CHECKS)[number];

const REASONS: Record<Check, string> = {
  skills: 'no vehicle has every skill it requires',
  capacity: 'its amounts exceed the capacity of every vehicle with the skills for it',
  time: 'no vehicle can reach it within its time windows and return before the end of its shift',
  maxTasks: 'every vehicle that could serve it has max_tasks too low',
  maxTravelTime: 'every vehicle that could serve it would exceed its max_travel_time',
  maxDistance: 'every vehicle that could serve it would exceed its max_distance',
};

/**
 * Returns the reason per task (undefined when some vehicle can serve it) and a per vehicle × task
 * compatibility that is 1 only when that vehicle can serve the task (with its partner) alone.
 */
export function findUnservableTasks(data: ProblemData): { reasons: (string | undefined)[]; compatible: Uint8Array } {
  const { numTasks, vehicles } = data;
  const compatible = new Uint8Array(vehicles.length * numTasks);
  const reasons: (string | undefined)[] = [];
  const proposal = new Proposal(data);
  for (let task = 0; task < numTasks; task++) {
    const partner = data.partner[task]!;
    const [first, second] = partner >= 0 && partner < task ? [partner, task] : [task, partner];
    let furthest = -1;
    // The reason reported is the check that got furthest: if some vehicle had the skills but
    // not the room, the problem is capacity, not skills.
    for (let v = 0; v < vehicles.length; v++) {
      const failed = firstFailure(data, proposal, v, first, second);
      if (failed === undefined) compatible[v * numTasks + task] = 1;
      furthest = Math.max(furthest, failed === undefined ? CHECKS.length : CHECKS.indexOf(failed));
    }
    reasons.push(furthest >= CHECKS.length ? undefined : REASONS[CHECKS[furthest]!]);
  }
  return { reasons, compatible };
}

/** The first check vehicle `v` fails for a route serving `first` (and `second` after it, if ≥ 0). */
function firstFailure(data: ProblemData, proposal: Proposal, v: number, first: number, second: number): Check | undefined {
  const offset = v * data.numTasks;
  if (!data.canServe[offset + first] || (second >= 0 && !data.canServe[offset + second])) return 'skills';
  const vehicle = data.vehicles[v]!;
  proposal.startEmpty(vehicle).append(first);
  if (second >= 0) proposal.append(second);
  proposal.finish();
  if (proposal.excessLoad > FEASIBILITY_TOLERANCE) return 'capacity';
  if (proposal.timeWarp > FEASIBILITY_TOLERANCE) return 'time';
  if (proposal.tasks > vehicle.maxTasks) return 'maxTasks';
  if (proposal.excessTravel > FEASIBILITY_TOLERANCE) return 'maxTravelTime';
  if (proposal.excessDistance > FEASIBILITY_TOLERANCE) return 'maxDistance';
  return undefined;
}
