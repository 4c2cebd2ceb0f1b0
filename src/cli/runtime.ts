/**
 * What every CLI command that runs the platform needs: configuration, the database it names,
 * the keyring, a logger that never writes personal data, and a guard so two processes never
 * open the same embedded database at once.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { loadConfig, type Config } from '../platform/config.ts';
import { openDatabase, type Database } from '../platform/db/connect.ts';
import { configuredKeysFromEnv, loadOrCreateKeyring, LOG_REDACT_PATHS, redactForLog, type Keyring } from '../privacy/index.ts';

export interface Runtime {
  readonly config: Config;
  readonly database: Database;
  readonly keyring: Keyring;
  readonly logger: pino.Logger;
  release(): Promise<void>;
}

/** A pino logger with personal data and secrets redacted at any depth; stdout unless a destination is given (tests capture logs). */
export function createLogger(level: string, destination?: pino.DestinationStream): pino.Logger {
  const options = { level, redact: { paths: [...LOG_REDACT_PATHS] }, formatters: { log: redactForLog } };
  return destination ? pino(options, destination) : pino(options);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Claims the embedded database for this process; a clear error if another live process has it. */
function claimDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const lock = join(dataDir, 'pglite.pid');
  let holder: number | undefined;
  try {
    holder = Number(readFileSync(lock, 'utf8'));
  } catch {
    holder = undefined;
  }
  if (holder && holder !== process.pid && isAlive(holder)) {
    throw new Error(`the embedded database in ${dataDir} is in use by process ${holder} (a running parcelgrid server?); stop it first, or use the HTTP API`);
  }
  writeFileSync(lock, String(process.pid));
  return () => rmSync(lock, { force: true });
}

/** Opens everything a command needs, from the environment. */
export async function openRuntime(): Promise<Runtime> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const release = config.databaseUrl ? () => {} : claimDataDir(config.dataDir);
  try {
    const database = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
    const configuredKey = configuredKeysFromEnv(process.env);
    const keyring = loadOrCreateKeyring({ dataDir: config.dataDir, ...(configuredKey ? { configuredKey } : {}) });
    return {
      config,
      database,
      keyring,
      logger,
      async release() {
        await database.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
