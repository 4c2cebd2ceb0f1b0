// Reads a VROOM problem JSON file: syntax, then shape (vroom-problem-schema.ts), then consistency
// (vroom-problem-consistency.ts). Every error names the offending field, e.g. `jobs[3].service`; shape
// errors are all collected so one run of the command lists several things to fix.
import { documentRoot } from './json-shape.ts';
import { assertConsistentProblem } from './vroom-problem-consistency.ts';
import { vroomProblemSchema } from './vroom-problem-schema.ts';
import type { VroomProblem } from './vroom-types.ts';

/** How many shape errors one message lists before summarising the rest. */
const maxReportedErrors = 5;

/** Parses and validates VROOM problem JSON, throwing an Error whose message lists what to fix. */
export function readVroomProblem(text: string, source = 'problem JSON'): VroomProblem {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source}: not valid JSON (${(error as Error).message})`);
  }
  const problems: string[] = [];
  const report = (path: string, problem: string) => problems.push(`${path === '' ? 'problem' : path} ${problem}`);
  if (!vroomProblemSchema.check(parsed, documentRoot, report)) {
    const shown = problems.slice(0, maxReportedErrors);
    const more = problems.length > shown.length ? `; and ${problems.length - shown.length} more` : '';
    throw new Error(`${source}: ${shown.join('; ')}${more} (supported fields and types: docs/solver.md)`);
  }
  assertConsistentProblem(parsed, source);
  return parsed;
}

