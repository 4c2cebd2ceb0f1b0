// Extracts customer sequences from a VroomSolution for checkRoutes, and compares what the solver
// claims (summary distance, unassigned list) with what the checker measures.
import type { RoutingInstance } from '../io/routing-instance.ts';
import type { VroomSolution } from '../io/vroom-types.ts';
import { checkRoutes, type RouteCheck } from './check-routes.ts';

/** Relative gap tolerated between the solver's reported distance and the recomputed one. */
const reportedDistanceTolerance = 1e-6;

/** Job ids of each route in visit order (benchmark instances only have jobs). */
export function routesOfSolution(solution: VroomSolution): number[][] {
  return solution.routes.map((route) =>
    route.steps.filter((step) => step.type === 'job' && step.id !== undefined).map((step) => step.id!),
  );
}

/** checkRoutes on the solution's routes, plus the solver's own unassigned tasks, violations and distance claim. */
export function checkSolution(instance: RoutingInstance, solution: VroomSolution): RouteCheck {
  if (solution.code !== 0) {
    const error = `solver error ${solution.code}: ${solution.error ?? '(no message)'}`;
    return { feasible: false, errors: [error], distance: Number.NaN, vehicles: 0 };
  }
  const check = checkRoutes(instance, routesOfSolution(solution));
  const errors = [...check.errors];
  const claimed = solution.summary.distance;
  if (Math.abs(claimed - check.distance) > reportedDistanceTolerance * Math.max(1, check.distance)) {
    errors.push(`solver reports distance ${claimed} but its routes measure ${check.distance}`);
  }
  const unassigned = solution.unassigned.map((task) => `${task.id}${task.reason === undefined ? '' : ` (${task.reason})`}`);
  if (unassigned.length > 0) errors.push(`solver left unassigned: ${unassigned.slice(0, 10).join(', ')}`);
  const violations = solution.summary.violations;
  if (violations.length > 0) errors.push(`solver reports violations: ${violations.map((v) => v.cause).join(', ')}`);
  return { ...check, feasible: errors.length === 0, errors };
}
