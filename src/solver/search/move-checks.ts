// Cheap applicability checks shared by the operators.
import type { ProblemData } from '../model/problem-data.ts';
import type { Route } from './route.ts';

/** True when positions from..to of `route` hold no shipment task (so the range may move freely). */
export function isShipmentFree(route: Route, from: number, to: number): boolean {
  return route.shipmentsUpTo[to]! - route.shipmentsUpTo[from - 1]! === 0;
}

/** True when `target`'s vehicle has the skills for every task at positions from..to of `source`. */
export function canTake(data: ProblemData, target: Route, source: Route, from: number, to: number): boolean {
  if (!data.skillsMatter || target === source) return true;
  const offset = target.index * data.numTasks;
  for (let pos = from; pos <= to; pos++) if (!data.canServe[offset + source.nodes[pos]!]) return false;
  return true;
}
