// Reads a VROOM problem JSON file: syntax, then shape (vroom-problem-schema.ts), then consistency
// (vroom-problem-consistency.ts). Every error names the offending field, e.g. `jobs[3].service`.
import Value from 'typebox/value';
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
  if (!Value.Check(vroomProblemSchema, parsed)) {
    const problems = [...Value.Errors(vroomProblemSchema, parsed)]
      .filter((error) => error.keyword !== 'boolean')
      .map(describeSchemaError);
    const shown = problems.slice(0, maxReportedErrors);
    const more = problems.length > shown.length ? `; and ${problems.length - shown.length} more` : '';
    throw new Error(`${source}: ${shown.join('; ')}${more}`);
  }
  const problem = parsed as VroomProblem;
  assertConsistentProblem(problem, source);
  return problem;
}

interface SchemaError {
  keyword: string;
  instancePath: string;
  message: string;
  params: unknown;
}

/** `/jobs/3/time_windows/0` + "must be number" → `jobs[3].time_windows[0] must be number`. */
function describeSchemaError(error: SchemaError): string {
  const path = fieldPath(error.instancePath);
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperties?: string[] }).additionalProperties ?? [];
    const where = path === '' ? '' : `${path}.`;
    return extra.map((name) => `${where}${name} is not a supported field (see docs/solver.md)`).join('; ');
  }
  if (error.keyword === 'required') {
    const missing = (error.params as { requiredProperties?: string[] }).requiredProperties ?? [];
    return `${path === '' ? 'problem' : path} is missing ${missing.join(', ')}`;
  }
  return `${path === '' ? 'problem' : path} ${error.message}`;
}

/** JSON pointer → JavaScript-style path used in messages. */
export function fieldPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path === '' ? part : `${path}.${part}`), '');
}
