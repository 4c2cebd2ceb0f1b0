/** One line describing where a benchmark ran, for its results file. */
import { cpus, loadavg } from 'node:os';

/** CPU model, core count, current load average and Node version: load skews every timing. */
export function describeMachine(): string {
  const cpu = cpus();
  const load = loadavg().map((value) => value.toFixed(2)).join(' / ');
  return `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, load average ${load}, Node ${process.version}`;
}
