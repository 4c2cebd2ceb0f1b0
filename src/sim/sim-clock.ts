// Simulated time. At a speed factor, sim time runs `speed` sim seconds per real second from a
// start instant, but never past the real present: the platform rejects scans from the future,
// and a demo that catches up with now simply continues in real time. Unpaced, the clock does
// not sleep: it jumps to the next moment something is due, for load tests.

export interface SimClock {
  /** Current simulated time, epoch milliseconds. */
  now(): number;
  /** Waits for the next tick and returns the new time; `nextDueMs` is the earliest pending work. */
  tick(nextDueMs: number | undefined): Promise<number>;
}

/** Real milliseconds between ticks of a paced clock. */
export const PACED_TICK_MS = 250;
/**
 * Sim time one unpaced tick covers at least by default, so each tick carries a useful batch of
 * work: like a carrier system that uploads its scans once an hour. Shorter ticks mean many tiny
 * batches, each a round trip; the exact scan times are kept whatever the tick.
 */
export const UNPACED_TICK_MS = 60 * 60_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A clock running `speed` sim seconds per real second from `startMs`, capped at the real now. */
export function createPacedClock(startMs: number, speed: number, realNow: () => number = Date.now): SimClock {
  if (!(speed > 0)) throw new RangeError(`speed must be a positive number of sim seconds per real second, got ${speed}`);
  const realStart = realNow();
  const now = () => Math.min(startMs + (realNow() - realStart) * speed, realNow());
  return {
    now,
    async tick() {
      await sleep(PACED_TICK_MS);
      return now();
    },
  };
}

/** A clock that never sleeps: each tick moves at least `tickMs`, or straight to the next due work. */
export function createUnpacedClock(startMs: number, tickMs: number = UNPACED_TICK_MS): SimClock {
  if (!(tickMs > 0)) throw new RangeError(`an unpaced tick must cover a positive sim time, got ${tickMs} ms`);
  let current = startMs;
  return {
    now: () => current,
    async tick(nextDueMs) {
      // Yield to the event loop so progress timers and signals still run.
      await new Promise<void>((resolve) => setImmediate(resolve));
      current = Math.max(current + tickMs, nextDueMs ?? current);
      return current;
    },
  };
}
