// Worker-thread entry: runs one solveSync with the request's seed and reports back.
import { parentPort, workerData } from 'node:worker_threads';
import { solveSync } from './solve-sync.ts';
import type { WorkerMessage, WorkerRequest } from './worker-protocol.ts';

const request = workerData as WorkerRequest;
const cancelled = new Int32Array(request.cancelFlag);
const post = (message: WorkerMessage): void => parentPort!.postMessage(message);
try {
  const solution = solveSync(
    request.problem,
    { ...request.options, onProgress: (progress) => post({ type: 'progress', progress }) },
    () => Atomics.load(cancelled, 0) === 1,
  );
  post({ type: 'done', solution });
} catch (error) {
  const { name, message } = error instanceof Error ? error : new Error(String(error));
  post({ type: 'error', name, message });
}
