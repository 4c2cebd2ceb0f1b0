// Reader for CVRPLIB / TSPLIB .vrp files (TYPE CVRP, EDGE_WEIGHT_TYPE EUC_2D): "KEY : value" headers,
// then NODE_COORD_SECTION, DEMAND_SECTION and DEPOT_SECTION (ids ended by -1), then EOF.
import type { InstanceNode, RoutingInstance } from './routing-instance.ts';
import { parseFields, tokenizeLines, type TokenLine } from './text-lines.ts';

interface VrpSections {
  headers: Map<string, string>;
  sections: Map<string, TokenLine[]>;
}

/** Parses a CVRPLIB file; the depot becomes matrix index 0 and the other nodes keep their file order. */
export function readCvrplib(text: string, source = 'cvrplib file'): RoutingInstance {
  const { headers, sections } = splitSections(tokenizeLines(text), source);
  const header = (key: string): string => {
    const value = headers.get(key);
    if (value === undefined) throw new Error(`${source}: missing "${key} :" header`);
    return value;
  };
  const weightType = header('EDGE_WEIGHT_TYPE');
  if (weightType !== 'EUC_2D') {
    throw new Error(`${source}: EDGE_WEIGHT_TYPE ${weightType} is not supported (only EUC_2D)`);
  }
  const dimension = positiveInteger(header('DIMENSION'), 'DIMENSION', source);
  const capacity = positiveInteger(header('CAPACITY'), 'CAPACITY', source);
  const coordinates = readNodeTable(sections, 'NODE_COORD_SECTION', ['node', 'x', 'y'], dimension, source);
  const demands = readNodeTable(sections, 'DEMAND_SECTION', ['node', 'demand'], dimension, source);
  const depotId = readDepot(sections, dimension, source);
  const nodes: InstanceNode[] = coordinates.map(({ node, x, y }, index) => ({
    id: node,
    x,
    y,
    demand: demands[index]!.demand,
    ready: 0,
    due: Number.POSITIVE_INFINITY,
    service: 0,
  }));
  const depot = nodes.find((node) => node.id === depotId)!;
  const customers = nodes.filter((node) => node.id !== depotId);
  const vehiclesHeader = headers.get('VEHICLES');
  return {
    name: headers.get('NAME') ?? source,
    format: 'cvrplib',
    rounding: 'nint',
    capacity,
    fleetSize:
      vehiclesHeader === undefined
        ? unlimitedFleetBound(customers, capacity)
        : positiveInteger(vehiclesHeader, 'VEHICLES', source),
    depot,
    customers,
  };
}

/**
 * Fleet size standing in for "unlimited vehicles". Merging two routes whose loads fit in one vehicle
 * never lengthens the tour under the triangle inequality, so some optimal solution has at most one
 * route loaded to half capacity or less: routes <= floor(2 * totalDemand / capacity) + 1. Capped by
 * the customer count (every route serves at least one customer). With nint rounding the triangle
 * inequality can fail by 1 per arc, which this bound ignores; no BKS comes near it (X-n101-k25: 26
 * routes, bound 51).
 */
export function unlimitedFleetBound(customers: readonly InstanceNode[], capacity: number): number {
  const totalDemand = customers.reduce((sum, customer) => sum + customer.demand, 0);
  return Math.min(customers.length, Math.floor((2 * totalDemand) / capacity) + 1);
}

/** Groups lines into "KEY : value" headers and named sections (a line ending in _SECTION opens one). */
function splitSections(lines: TokenLine[], source: string): VrpSections {
  const headers = new Map<string, string>();
  const sections = new Map<string, TokenLine[]>();
  let current: TokenLine[] | undefined;
  for (const line of lines) {
    const first = line.tokens[0]!.toUpperCase();
    if (first === 'EOF') break;
    if (first.endsWith('_SECTION')) {
      current = [];
      sections.set(first, current);
    } else if (current) {
      current.push(line);
    } else {
      const joined = line.tokens.join(' ');
      const colon = joined.indexOf(':');
      if (colon < 0) throw new Error(`${source} line ${line.lineNumber}: expected "KEY : value", found "${joined}"`);
      headers.set(joined.slice(0, colon).trim().toUpperCase(), joined.slice(colon + 1).trim());
    }
  }
  return { headers, sections };
}

/** Rows of a per-node section, checked to list nodes 1..dimension in order. */
function readNodeTable<Name extends string>(
  sections: Map<string, TokenLine[]>,
  section: string,
  columns: readonly ('node' | Name)[],
  dimension: number,
  source: string,
): Record<'node' | Name, number>[] {
  const lines = sections.get(section);
  if (!lines) throw new Error(`${source}: missing ${section}`);
  if (lines.length !== dimension) {
    throw new Error(`${source}: ${section} has ${lines.length} rows but DIMENSION is ${dimension}`);
  }
  return lines.map((line, index) => {
    const row = parseFields(source, line, columns);
    if (row.node !== index + 1) {
      throw new Error(`${source} line ${line.lineNumber}: expected node ${index + 1} in ${section}, found ${row.node}`);
    }
    return row;
  });
}

/** The single depot id of DEPOT_SECTION (terminated by -1). */
function readDepot(sections: Map<string, TokenLine[]>, dimension: number, source: string): number {
  const lines = sections.get('DEPOT_SECTION');
  if (!lines) throw new Error(`${source}: missing DEPOT_SECTION`);
  const ids = lines.map((line) => parseFields(source, line, ['depot']).depot).filter((id) => id !== -1);
  const [depot] = ids;
  if (ids.length !== 1 || depot === undefined || depot < 1 || depot > dimension) {
    throw new Error(`${source}: DEPOT_SECTION must list exactly one node in 1..${dimension}, found [${ids.join(', ')}]`);
  }
  return depot;
}

function positiveInteger(value: string, key: string, source: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) {
    throw new Error(`${source}: ${key} must be a positive integer, found "${value}"`);
  }
  return parsed;
}
