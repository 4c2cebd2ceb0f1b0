/**
 * `parcelgrid serve --workers N`: N server processes on one port. A Node process runs its
 * JavaScript on one core, so one server leaves the other cores to the database alone; with a
 * worker per core the API's own work spreads too. node:cluster's primary accepts each connection
 * and hands it to the next worker in turn; a kept-alive connection then talks to its worker
 * directly, so the primary costs nothing per request.
 *
 * Workers need PostgreSQL, where they share the data as separate servers would: the outbox stream
 * leases each subscriber to one process (src/platform/outbox/stream.ts), webhook jobs are claimed
 * with SKIP LOCKED, and decrypt rate limits are kept in the database. The embedded database
 * admits one process. The primary migrates once before forking, replaces a worker that dies, and
 * on SIGINT or SIGTERM stops every worker cleanly and waits for them.
 */
import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../platform/config.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { openRuntime } from './runtime.ts';

/** Runs `count` workers until a signal stops them; the exit code for the command. */
export async function superviseWorkers(config: Config, count: number, log: (line: string) => void): Promise<number> {
  if (config.databaseUrl === undefined) {
    throw new Error(`${count} workers need PostgreSQL (set DATABASE_URL): the embedded database admits one process; run one worker, or point the workers at PostgreSQL`);
  }
  // Once here, so the workers do not race to migrate (or to create the keyring).
  const runtime = await openRuntime();
  try {
    await migrateToLatest(runtime.database.db);
  } finally {
    await runtime.release();
  }

  /** Running workers, and whether each has started listening. */
  const running = new Map<Worker, { listening: boolean }>();
  let stopping = false;
  let failure: string | undefined;
  let announced = false;
  const fork = () => running.set(cluster.fork(), { listening: false });
  const stopAll = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const worker of running.keys()) worker.process.kill(signal);
  };

  return new Promise<number>((resolve) => {
    cluster.on('listening', (worker, address) => {
      const state = running.get(worker);
      if (state) state.listening = true;
      if (announced || running.size < count || ![...running.values()].every((each) => each.listening)) return;
      announced = true;
      log(`parcelgrid API listening on http://${address.address ?? 'localhost'}:${address.port} with ${count} workers (OpenAPI at /openapi.json); Ctrl-C stops them`);
    });
    cluster.on('exit', (worker, code, signal) => {
      const started = running.get(worker)?.listening ?? false;
      running.delete(worker);
      if (!stopping) {
        const how = signal ? `signal ${signal}` : `code ${code}`;
        // One that never listened fails to start, and so would every replacement.
        if (!started) {
          failure = `worker ${worker.process.pid} exited with ${how} before it listened; stopping the others`;
          log(failure);
          stopAll('SIGTERM');
        } else {
          log(`worker ${worker.process.pid} exited with ${how}; starting another`);
          fork();
        }
      }
      if (running.size === 0) resolve(failure === undefined ? 0 : 1);
    });
    // Ctrl-C reaches every process of the group; a signal sent to the primary alone is passed on.
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) return;
      log(`${signal} received, stopping ${running.size} workers…`);
      stopAll(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    for (let i = 0; i < count; i++) fork();
  });
}
