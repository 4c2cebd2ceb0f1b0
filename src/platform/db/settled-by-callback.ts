/**
 * A pg query answered through its callback, into a promise of our own, instead of the promise pg
 * makes when it is given no callback. Measured (BENCHMARKS.md, "Ingest", seventh session): with
 * pg's own promise, once a burst of queries has had results promoted to the old generation, the
 * results of every later query stay reachable through young-generation GCs and are promoted too,
 * until the next full GC; at 1,000 lookups a second that was 3.3 MB a GC, each promotion touching
 * old-generation pages afresh, and the young-generation pauses grew from 2–3 to 10–13 ms. Through
 * the callback the same burst is collected and promotion stops.
 */

/** Runs `query(...args, callback)` and answers its result as a promise. */
export function settledByCallback(query: (...args: unknown[]) => unknown, args: readonly unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    query(...args, (error: Error | null, result: unknown) => (error ? reject(error) : resolve(result)));
  });
}
