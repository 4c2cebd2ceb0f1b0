// Entry point for files of any supported format: picks the reader (given or guessed) and returns the
// VroomProblem plus, for benchmark formats, the raw instance the feasibility checker needs.
import { instanceToVroom } from './instance-to-vroom.ts';
import { readCvrplib } from './read-cvrplib.ts';
import { readSolomon } from './read-solomon.ts';
import { readVroomProblem } from './read-vroom-problem.ts';
import type { RoutingInstance } from './routing-instance.ts';
import type { VroomProblem } from './vroom-types.ts';

export const problemFormats = ['vroom', 'solomon', 'cvrplib'] as const;
export type ProblemFormat = (typeof problemFormats)[number];

export interface ReadProblem {
  format: ProblemFormat;
  problem: VroomProblem;
  /** Present for Solomon and CVRPLIB files. */
  instance?: RoutingInstance;
}

/** Reads `text` (from a file named `fileName`) in `format`, guessing the format when not given. */
export function readProblemText(text: string, fileName: string, format?: ProblemFormat): ReadProblem {
  const chosen = format ?? guessFormat(text, fileName);
  if (chosen === 'vroom') return { format: chosen, problem: readVroomProblem(text, fileName) };
  const instance = chosen === 'solomon' ? readSolomon(text, fileName) : readCvrplib(text, fileName);
  return { format: chosen, problem: instanceToVroom(instance), instance };
}

/** Format from the extension (.json, .vrp), else from the content's landmarks. */
export function guessFormat(text: string, fileName: string): ProblemFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.json')) return 'vroom';
  if (lower.endsWith('.vrp')) return 'cvrplib';
  if (text.trimStart().startsWith('{')) return 'vroom';
  if (/^\s*NODE_COORD_SECTION/m.test(text)) return 'cvrplib';
  if (/^\s*VEHICLE\s*$/m.test(text) && /^\s*CUSTOMER\s*$/m.test(text)) return 'solomon';
  throw new Error(
    `${fileName}: cannot tell the format (not .json/.vrp, no VEHICLE/CUSTOMER or NODE_COORD_SECTION); pass --format vroom|solomon|cvrplib`,
  );
}
