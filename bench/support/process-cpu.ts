/**
 * CPU time used by the processes a benchmark drives: the server and its database connections.
 * On a shared two-core machine wall-clock rates move with other load; CPU per unit of work much
 * less, so benchmarks print both.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { Database } from '../../src/platform/db/connect.ts';

/** Linux reports process CPU time in clock ticks of 1/100 s. */
const MS_PER_TICK = 10;

/** CPU time (user + system) a process has used so far, in ms; 0 once it is gone. */
function cpuMsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
  } catch {
    return 0;
  }
}

/** `pid` and its descendants (a `serve --workers` primary and its workers). */
function processTree(pid: number): number[] {
  let children: number[];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(' ').filter(Boolean).map(Number);
  } catch {
    children = [];
  }
  return [pid, ...children.flatMap(processTree)];
}

/** The PostgreSQL backends serving the monitor's database, other than the monitor's own. */
async function databaseBackends(monitor: Database): Promise<number[]> {
  const result = await sql<{ pid: number }>`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`.execute(monitor.db);
  return result.rows.map((row) => row.pid);
}

export interface CpuSplit {
  readonly serverMs: number;
  readonly databaseMs: number;
}

/**
 * Starts counting the CPU the server process (with its workers) and the database's backends use;
 * `stop` gives the split. Backends the server's pool opens in between count from zero.
 */
export async function startCpuMeter(serverPid: number, monitor: Database): Promise<{ stop(): Promise<CpuSplit> }> {
  const server = processTree(serverPid);
  const usage = async () => new Map([...server, ...(await databaseBackends(monitor))].map((pid) => [pid, cpuMsOf(pid)]));
  const before = await usage();
  return {
    async stop() {
      const after = await usage();
      const used = (pid: number) => (after.get(pid) ?? 0) - (before.get(pid) ?? 0);
      const sum = (pids: readonly number[]) => pids.reduce((total, pid) => total + used(pid), 0);
      return { serverMs: sum(server), databaseMs: sum([...after.keys()].filter((pid) => !server.includes(pid))) };
    },
  };
}
