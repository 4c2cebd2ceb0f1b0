// Asynchronous solving in worker threads: `threads` independent searches with consecutive seeds run
// in parallel and the best solution wins (fewest unassigned by priority, then lowest cost). The
// caller's thread stays free; an AbortSignal stops every search, which then returns its best so far.
import { Worker } from 'node:worker_threads';
import type { VroomProblem, VroomSolution } from './io/vroom-types.ts';
import { InvalidProblemError } from './model/invalid-problem-error.ts';
import { validateProblem } from './model/validate-problem.ts';
import type { SolveOptions, SolveProgress } from './solve-options.ts';
import type { WorkerMessage, WorkerRequest } from './worker-protocol.ts';

/** Solves `problem` in `options.threads` worker threads (default 1) and returns the best solution. */
export async function solve(problem: VroomProblem, options: SolveOptions = {}): Promise<VroomSolution> {
  validateProblem(problem);
  const { onProgress, signal, threads = 1, ...searchOptions } = options;
  const cancelFlag = new SharedArrayBuffer(4);
  const cancel = (): void => {
    Atomics.store(new Int32Array(cancelFlag), 0, 1);
  };
  if (signal?.aborted) cancel();
  signal?.addEventListener('abort', cancel, { once: true });
  const latest: SolveProgress[] = [];
  const report = (index: number, progress: SolveProgress): void => {
    latest[index] = progress;
    const all = latest.filter((p) => p !== undefined);
    const best = all.reduce((a, b) => (b.bestCost < a.bestCost ? b : a));
    onProgress?.({ ...best, iteration: all.reduce((sum, p) => sum + p.iteration, 0), feasible: all.some((p) => p.feasible) });
  };
  const seed = searchOptions.seed ?? 1;
  try {
    const solutions = await Promise.all(
      Array.from({ length: Math.max(1, Math.floor(threads)) }, (_, index) =>
        runWorker({ problem, options: { ...searchOptions, seed: seed + index }, cancelFlag }, (p) => report(index, p)),
      ),
    );
    return solutions.reduce((best, next) => (isBetter(next, best) ? next : best));
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
}

/** VROOM's order: higher served priority, then more tasks served, then lower cost. */
function isBetter(a: VroomSolution, b: VroomSolution): boolean {
  if (a.summary.priority !== b.summary.priority) return a.summary.priority > b.summary.priority;
  if (a.summary.unassigned !== b.summary.unassigned) return a.summary.unassigned < b.summary.unassigned;
  return a.summary.cost < b.summary.cost;
}

/**
 * The worker entry is TypeScript, loaded through tsx. Node 20 does not apply `--import tsx` from a
 * worker's execArgv to the worker's own entry module, so a one-line ES module registers tsx first
 * and then imports worker.ts.
 */
function workerBootstrap(): URL {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./worker.ts', import.meta.url).href;
  const code = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(entry)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

function runWorker(request: WorkerRequest, onProgress: (p: SolveProgress) => void): Promise<VroomSolution> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerBootstrap(), { workerData: request });
    let settled = false;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') return onProgress(message.progress);
      settled = true;
      void worker.terminate();
      if (message.type === 'done') resolve(message.solution);
      else reject(message.name === 'InvalidProblemError' ? new InvalidProblemError(message.message) : new Error(message.message));
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`solver worker stopped unexpectedly with exit code ${code}`));
    });
  });
}
