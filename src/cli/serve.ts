/** `parcelgrid serve`: migrate, then serve the API (and the console, once built) until stopped. */
import cluster from 'node:cluster';
import { parseArgs } from 'node:util';
import { createPlatform, type Platform } from '../app.ts';
import { privacySettingsFromEnv } from '../privacy/index.ts';
import { startMaintenance } from '../platform/db/maintenance.ts';
import { loadConfig, parseWorkers } from '../platform/config.ts';
import { openRuntime, type Runtime } from './runtime.ts';
import { superviseWorkers } from './workers.ts';

export interface RunningServer {
  readonly platform: Platform;
  readonly runtime: Runtime;
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts the platform and its outbox stream; resolves once it is listening. */
export async function startServer(): Promise<RunningServer> {
  const runtime = await openRuntime();
  const platform = await createPlatform({ database: runtime.database, keyring: runtime.keyring, logger: runtime.logger, privacy: privacySettingsFromEnv(process.env), webhooks: { allowPrivateTargets: runtime.config.allowPrivateWebhookTargets } });
  const address = await platform.http.listen({ host: runtime.config.host, port: runtime.config.port });
  platform.stream.start();
  platform.webhookDelivery.start();
  platform.privacy.startSchedule();
  const stopMaintenance = startMaintenance(runtime.database, undefined, (error) => runtime.logger.warn({ err: error }, 'database maintenance failed'));
  let stopping: Promise<void> | undefined;
  return {
    platform,
    runtime,
    url: address.replace('[::1]', 'localhost'),
    stop() {
      stopping ??= (async () => {
        stopMaintenance();
        platform.privacy.stopSchedule();
        await platform.stream.stop();
        await platform.webhookDelivery.stop();
        await platform.http.close();
        await runtime.release();
      })();
      return stopping;
    },
  };
}

/**
 * Stops cleanly on Ctrl-C or SIGTERM, so the embedded database is closed properly. A signal
 * during the stop is ignored: Ctrl-C reaches both `bin/parcelgrid.js` and the server it started,
 * and the first passes it on, so one keypress arrives twice.
 */
export function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`\n${signal} received, stopping…\n`);
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`error while stopping: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

/** `serve [--workers N|auto]`: one server in this process, or a primary over N worker processes (workers.ts). */
export async function runServe(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { workers: { type: 'string' } } });
  const config = loadConfig();
  const workers = values.workers === undefined ? config.workers : parseWorkers(values.workers, '--workers');
  const log = (line: string) => process.stderr.write(`${line}\n`);
  if (cluster.isPrimary && workers > 1) return superviseWorkers(config, workers, log);
  const server = await startServer().catch((error: unknown) => {
    // The channel to the primary would keep a worker that failed to start alive; it must end for the primary to see it.
    if (cluster.isWorker) {
      log(`parcelgrid serve: worker ${process.pid} did not start: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
    throw error;
  });
  stopOnSignals(() => server.stop());
  // A worker's primary says once for all of them where they listen.
  if (cluster.isPrimary) log(`parcelgrid API listening on ${server.url} (OpenAPI at ${server.url}/openapi.json); Ctrl-C stops it`);
  return new Promise<number>(() => {});
}
