// Readers for published best-known route files, used to validate the checker against known answers:
// SINTEF format (Gehring-Homberger: "Route 1 : 32 171 65 ...", customer numbers of the file) and
// CVRPLIB .sol ("Route #1: 12 5 48", ids 0-based relative to the depot).
import type { RoutingInstance } from '../io/routing-instance.ts';

/** Routes of a SINTEF solution file, as customer numbers. */
export function readSintefRoutes(text: string): number[][] {
  return routeLines(text, /^Route\s+\d+\s*:(.*)$/i);
}

/**
 * Routes of a CVRPLIB .sol file, as the instance's customer numbers. A .sol id i is the i-th
 * non-depot node (X-n*: node i + 1, since node 1 is the depot).
 */
export function readCvrplibSolutionRoutes(text: string, instance: RoutingInstance): number[][] {
  return routeLines(text, /^Route\s*#\d+\s*:(.*)$/i).map((route) =>
    route.map((position) => {
      const customer = instance.customers[position - 1];
      if (!customer) throw new Error(`.sol id ${position} is outside 1..${instance.customers.length}`);
      return customer.id;
    }),
  );
}

function routeLines(text: string, pattern: RegExp): number[][] {
  return text
    .split(/\r?\n/)
    .map((line) => pattern.exec(line.trim())?.[1])
    .filter((ids): ids is string => ids !== undefined)
    .map((ids) => ids.trim().split(/\s+/).filter((id) => id !== '').map(Number));
}
