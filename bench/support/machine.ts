/** One line describing where a benchmark ran, for its results file. */
import { cpus, loadavg } from 'node:os';

const PAGE_BYTES = 4096;
const PROBE_BYTES = 64 * 1024 * 1024;

/**
 * Microseconds to touch one page of memory fresh from the OS. Machines of one kind differ most
 * here: 0.1–0.5 µs on most hosts, 11 µs on a VM seen in the fourth session, where every heap or
 * buffer growth in the server and the database paid it (BENCHMARKS.md, ingest).
 */
function firstTouchMicrosPerPage(): number {
  // Large enough that the allocator maps it fresh instead of reusing freed heap.
  const memory = Buffer.allocUnsafeSlow(PROBE_BYTES);
  const started = performance.now();
  for (let offset = 0; offset < PROBE_BYTES; offset += PAGE_BYTES) memory[offset] = 1;
  return ((performance.now() - started) * 1000) / (PROBE_BYTES / PAGE_BYTES);
}

/** CPU model, core count, current load average, cost of fresh memory and Node version: each skews timings. */
export function describeMachine(): string {
  const cpu = cpus();
  const load = loadavg().map((value) => value.toFixed(2)).join(' / ');
  return `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, load average ${load}, first touch of fresh memory ${firstTouchMicrosPerPage().toFixed(2)} µs per 4 KiB page, Node ${process.version}`;
}
