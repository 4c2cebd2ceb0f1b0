/**
 * Tracking lookups by waybill at a steady request rate (autocannon on loopback): latency
 * percentiles. The load runs in a child process of its own (lookup-load.ts says how it spreads
 * the rate, warms up the generator and corrects for coordinated omission). In the bench's process,
 * whose heap holds a push's request bodies, full GCs of 3–30 ms paused the generator as the lookups
 * started (`--trace-gc`, "external memory pressure"), and every pause counted as latency; most of
 * the slow start, though, was the generator warming up, which lookup-load.ts leaves out of the
 * count.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { text } from 'node:stream/consumers';

export interface LookupLoad {
  readonly url: string;
  readonly key: string;
  readonly waybillNos: readonly string[];
  readonly rate: number;
  readonly seconds: number;
}

export interface LatencyResult {
  readonly requests: number;
  readonly errors: number;
  readonly non2xx: number;
  readonly p50: number;
  readonly p99: number;
  /** CPU the load generator's process spent while it ran. */
  readonly clientCpuMs: number;
}

/** GET /v1/tracking/<waybill> at `rate` requests/s, spread evenly, for `seconds`. */
export async function measureLookups(url: string, key: string, waybillNos: readonly string[], rate: number, seconds: number): Promise<LatencyResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./lookup-load.ts', import.meta.url))], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve, reject) => child.once('error', reject).once('exit', resolve));
  const output = text(child.stdout);
  const load: LookupLoad = { url, key, waybillNos, rate, seconds };
  child.stdin.end(JSON.stringify(load));
  const code = await exited;
  if (code !== 0) throw new Error(`the lookup load generator exited with code ${code}`);
  return JSON.parse(await output) as LatencyResult;
}
