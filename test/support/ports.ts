/** Loopback ports for tests that start a process of their own. */
import { createServer } from 'node:net';

/** A loopback port that was free a moment ago and has nothing listening now. */
export function closedLoopbackPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
