// Messages between solve() and its worker threads.
import type { VroomProblem, VroomSolution } from './io/vroom-types.ts';
import type { SolveOptions, SolveProgress } from './solve-options.ts';

/** Sent once to a worker: what to solve, and a shared flag (index 0) set to 1 to cancel. */
export interface WorkerRequest {
  problem: VroomProblem;
  options: Omit<SolveOptions, 'onProgress' | 'signal' | 'threads'>;
  cancelFlag: SharedArrayBuffer;
}

export type WorkerMessage =
  | { type: 'progress'; progress: SolveProgress }
  | { type: 'done'; solution: VroomSolution }
  | { type: 'error'; name: string; message: string };
