// Reader for Solomon / Gehring-Homberger VRPTW text files:
//   name, VEHICLE, NUMBER CAPACITY, <fleet> <capacity>, CUSTOMER, column header,
//   then rows "id x y demand ready due service"; row 0 is the depot, whose due date is the horizon.
import type { InstanceNode, RoutingInstance } from './routing-instance.ts';
import { parseFields, tokenizeLines, type TokenLine } from './text-lines.ts';

const customerColumns = ['id', 'x', 'y', 'demand', 'ready', 'due', 'service'] as const;

/** Parses a Solomon-format file; `source` (usually the file name) prefixes every error message. */
export function readSolomon(text: string, source = 'solomon file'): RoutingInstance {
  const lines = tokenizeLines(text);
  const nameLine = lines[0];
  if (!nameLine) throw new Error(`${source}: file is empty`);
  const fleetLine = lineAfterKeyword(lines, 'NUMBER', source);
  const { vehicles: fleetSize, capacity } = parseFields(source, fleetLine, ['vehicles', 'capacity']);
  const nodes = readCustomerRows(lines, source);
  const [depot, ...customers] = nodes;
  if (!depot || depot.id !== 0) {
    throw new Error(`${source}: the first customer row must be the depot with id 0`);
  }
  if (customers.length === 0) throw new Error(`${source}: no customers after the depot row`);
  return {
    name: nameLine.tokens.join(' ').toLowerCase(),
    format: 'solomon',
    rounding: 'exact',
    capacity,
    fleetSize,
    depot,
    customers,
  };
}

/** The line that follows the header line starting with `keyword`. */
function lineAfterKeyword(lines: TokenLine[], keyword: string, source: string): TokenLine {
  const index = lines.findIndex((line) => line.tokens[0]?.toUpperCase() === keyword);
  const next = lines[index + 1];
  if (index < 0 || !next) throw new Error(`${source}: missing "${keyword}" header followed by its values`);
  return next;
}

/** Rows after the CUSTOMER section's column header, each "id x y demand ready due service". */
function readCustomerRows(lines: TokenLine[], source: string): InstanceNode[] {
  const sectionIndex = lines.findIndex((line) => line.tokens[0]?.toUpperCase() === 'CUSTOMER');
  if (sectionIndex < 0) throw new Error(`${source}: missing "CUSTOMER" section`);
  // The column header ("CUST NO. XCOORD. ...") is the only non-numeric line after CUSTOMER.
  const rows = lines.slice(sectionIndex + 1).filter((line) => !/^[A-Za-z]/.test(line.tokens[0] ?? ''));
  const seen = new Set<number>();
  return rows.map((line) => {
    const node = parseFields(source, line, customerColumns);
    if (seen.has(node.id)) throw new Error(`${source} line ${line.lineNumber}: customer ${node.id} appears twice`);
    seen.add(node.id);
    if (node.ready > node.due) {
      throw new Error(`${source} line ${line.lineNumber}: ready time ${node.ready} is after due date ${node.due}`);
    }
    return node;
  });
}
