/**
 * Node options for the long-running server commands, and running those commands under them.
 *
 * A request handling a 1,000-item batch allocates a few MB of short-lived objects; with V8's
 * default 16 MB young generation much of it was scavenged and copied again mid-request (GC was
 * 14 % of the server's time in the ingest benchmark). A 64 MB young generation lets batches die
 * young: server CPU per scan event fell by about a tenth, and lookups on an idle server under
 * autocannon's per-second bursts went from p99 12–24 ms to 9 ms (BENCHMARKS.md, ingest). Heap sizes
 * are fixed when node starts, hence the relaunch.
 */
import { spawn } from 'node:child_process';

export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=64'];

/** The commands that run the server for a long time. */
const SERVER_COMMANDS: ReadonlySet<string> = new Set(['serve', 'start']);

/**
 * For a server command in a node without SERVER_NODE_OPTIONS: runs the same command line again in
 * a node with them and answers its exit code; otherwise undefined, and the command runs here. The
 * bin calls this before loading the CLI, so the waiting parent stays a small process. Ctrl-C
 * reaches both processes (one process group); a signal sent to the parent alone is passed on, and
 * the server ignores the second copy while it stops.
 */
export function relaunchServerCommand(argv: readonly string[]): Promise<number> | undefined {
  const hasOptions = SERVER_NODE_OPTIONS.every((option) => process.execArgv.includes(option));
  if (hasOptions || !SERVER_COMMANDS.has(argv[0] ?? '')) return undefined;
  const child = spawn(process.execPath, [...SERVER_NODE_OPTIONS, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
