// Independent feasibility check for benchmark solutions. It recomputes everything from the instance
// file's numbers (coordinates, demands, windows, service times, capacity, fleet) and shares no code
// with the solver, so a bookkeeping bug in the solver's segments cannot hide here.
import type { InstanceNode, RoutingInstance } from '../io/routing-instance.ts';

/**
 * Slack allowed on time-window and horizon comparisons. Solver and checker add the same doubles in
 * possibly different orders; the drift is ~1e-12 on these horizons, far below this.
 */
export const timeTolerance = 1e-6;

export interface RouteCheck {
  feasible: boolean;
  /** One human-readable line per broken constraint. */
  errors: string[];
  /** Total distance recomputed from coordinates (nint per arc for CVRPLIB). */
  distance: number;
  /** Non-empty routes. */
  vehicles: number;
}

/** Checks `routes` (customer numbers in visit order, depot implied at both ends) against `instance`. */
export function checkRoutes(instance: RoutingInstance, routes: readonly (readonly number[])[]): RouteCheck {
  const errors: string[] = [];
  const byId = new Map(instance.customers.map((customer) => [customer.id, customer]));
  const visits = new Map<number, number>();
  let distance = 0;
  const used = routes.filter((route) => route.length > 0);
  used.forEach((route, r) => {
    const stops: InstanceNode[] = [];
    for (const id of route) {
      const customer = byId.get(id);
      if (customer) stops.push(customer);
      else errors.push(`route ${r + 1}: ${id} is not a customer of ${instance.name}`);
      visits.set(id, (visits.get(id) ?? 0) + 1);
    }
    distance += measureRoute(instance, stops, `route ${r + 1}`, errors);
  });
  for (const [id, count] of visits) {
    if (count > 1 && byId.has(id)) errors.push(`customer ${id} is visited ${count} times`);
  }
  const missing = instance.customers.filter((customer) => !visits.has(customer.id)).map((c) => c.id);
  if (missing.length > 0) errors.push(`not served (${missing.length}): customers ${missing.slice(0, 10).join(' ')}`);
  if (used.length > instance.fleetSize) {
    errors.push(`${used.length} routes but the fleet has ${instance.fleetSize} vehicles`);
  }
  return { feasible: errors.length === 0, errors, distance, vehicles: used.length };
}

/** Drives one route from the depot and back; pushes capacity/time errors and returns its length. */
function measureRoute(instance: RoutingInstance, stops: InstanceNode[], label: string, errors: string[]): number {
  const { depot } = instance;
  let load = 0;
  let length = 0;
  let time = depot.ready;
  let previous = depot;
  for (const stop of stops) {
    const arc = arcLength(instance, previous, stop);
    length += arc;
    // Early arrival waits for the window to open; service must start by the due date.
    time = Math.max(time + arc, stop.ready);
    if (time > stop.due + timeTolerance) {
      errors.push(`${label}: customer ${stop.id} starts service at ${time.toFixed(4)}, after its due date ${stop.due}`);
    }
    time += stop.service;
    load += stop.demand;
    previous = stop;
  }
  const back = arcLength(instance, previous, depot);
  length += back;
  if (time + back > depot.due + timeTolerance) {
    errors.push(`${label}: returns to the depot at ${(time + back).toFixed(4)}, after the horizon ${depot.due}`);
  }
  if (load > instance.capacity) errors.push(`${label}: load ${load} exceeds capacity ${instance.capacity}`);
  return length;
}

/**
 * Euclidean arc, unrounded or TSPLIB nint. Deliberately not imported from the readers' matrix
 * builder: the checker measures from coordinates on its own.
 */
function arcLength(instance: RoutingInstance, from: InstanceNode, to: InstanceNode): number {
  const dx = from.x - to.x;
  const dy = from.y - to.y;
  const length = Math.sqrt(dx * dx + dy * dy);
  return instance.rounding === 'nint' ? Math.floor(length + 0.5) : length;
}
