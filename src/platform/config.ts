/**
 * Runtime configuration, read once from the environment. Every setting has a default that works
 * on a fresh machine: embedded database in ./.parcelgrid, API on 127.0.0.1:8080.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';

export interface Config {
  /** Folder for the embedded database, generated keys and other local state. */
  readonly dataDir: string;
  /** When set, PostgreSQL is used instead of the embedded PGlite database. */
  readonly databaseUrl: string | undefined;
  readonly host: string;
  readonly port: number;
  /** Allow webhook targets on loopback/private addresses (local development and tests only). */
  readonly allowPrivateWebhookTargets: boolean;
  readonly logLevel: string;
  /** Server processes `parcelgrid serve` runs on the shared port; more than one needs PostgreSQL. */
  readonly workers: number;
}

/** Builds the configuration from environment variables (see README "Configuration"). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env['PORT'] ?? '8080');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, got "${env['PORT']}"`);
  }
  return {
    dataDir: resolve(env['PARCELGRID_DATA_DIR'] ?? '.parcelgrid'),
    databaseUrl: env['DATABASE_URL'] || undefined,
    host: env['HOST'] ?? '127.0.0.1',
    port,
    allowPrivateWebhookTargets: env['PARCELGRID_ALLOW_PRIVATE_WEBHOOKS'] === '1',
    logLevel: env['LOG_LEVEL'] ?? 'info',
    workers: parseWorkers(env['PARCELGRID_WORKERS'] ?? '1', 'PARCELGRID_WORKERS'),
  };
}

/** A worker count as written by a user: a whole number from 1, or `auto` for one per core. */
export function parseWorkers(text: string, setting: string): number {
  if (text === 'auto') return availableParallelism();
  const workers = Number(text);
  if (!Number.isInteger(workers) || workers < 1) throw new Error(`${setting} must be a whole number from 1, or auto (one per core), got "${text}"`);
  return workers;
}
