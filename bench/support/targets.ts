/**
 * Fresh databases for a benchmark run and a server process over them. The server runs as its own
 * process (the real `parcelgrid serve`), so the load generator does not share its event loop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database, type Driver } from '../../src/platform/db/connect.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { SERVER_NODE_OPTIONS } from '../../src/cli/server-process.ts';
import { closedLoopbackPort } from '../../test/support/ports.ts';

const ADMIN_URL = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const root = new URL('../../', import.meta.url).pathname;
/** A server that has not said it listens by then is stuck (migrating a 1 M-event database takes seconds). */
const SERVER_START_TIMEOUT_MS = 120_000;

export interface BenchTarget {
  readonly driver: Driver;
  /** Environment that points `parcelgrid serve` at this database. */
  readonly env: Record<string, string>;
  open(): Promise<Database>;
  dispose(): Promise<void>;
}

/** A new empty database of the driver: a temp data folder, or a scratch PostgreSQL database. */
export async function createTarget(driver: Driver): Promise<BenchTarget> {
  if (driver === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'parcelgrid-bench-'));
    return {
      driver,
      env: { PARCELGRID_DATA_DIR: dataDir },
      open: async () => {
        const database = await openDatabase({ dataDir });
        await migrateToLatest(database.db);
        return database;
      },
      dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  return postgresTarget(`parcelgrid_bench_${process.pid}`, { reuse: false });
}

/**
 * The PostgreSQL database `name`: recreated empty, or with `reuse` kept as it is when it exists
 * (so several runs can measure against the same data). `fresh` says whether it started empty.
 */
export async function postgresTarget(name: string, options: { reuse: boolean }): Promise<BenchTarget & { readonly fresh: boolean }> {
  const exists = (await adminQuery(`SELECT 1 FROM pg_database WHERE datname = '${name}'`)) > 0;
  const fresh = !(options.reuse && exists);
  if (fresh) {
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await adminQuery(`CREATE DATABASE ${name}`);
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'parcelgrid-bench-'));
  return {
    driver: 'postgres',
    fresh,
    env: { DATABASE_URL: url.toString(), PARCELGRID_DATA_DIR: dataDir },
    open: async () => {
      const database = await openDatabase({ databaseUrl: url.toString() });
      await migrateToLatest(database.db);
      return database;
    },
    dispose: async () => {
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs `text` on the admin database; how many rows it returned. */
async function adminQuery(text: string): Promise<number> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return (await client.query(text)).rows.length;
  } finally {
    await client.end();
  }
}

export interface ServerProcess {
  readonly url: string;
  /** The server's process id (for its CPU time, with its workers'). */
  readonly pid: number;
  stop(): Promise<void>;
}

/** "1 server process", "2 server processes": how reports name `workers`. */
export const serverProcesses = (workers: number): string => `${workers} server process${workers > 1 ? 'es' : ''}`;

/** Node options that make the server write a V8 CPU profile into `dir` when it stops (none without a dir). */
export const cpuProfileArgs = (dir: string | undefined): string[] => (dir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${dir}`]);

/**
 * Starts `parcelgrid serve` on a free loopback port and waits until it says it listens: with
 * `--workers`, the primary says so once every worker listens, and a load that connected earlier
 * would find only the first one (a kept-alive connection stays with its worker). `nodeArgs` go
 * to node (e.g. --cpu-prof), `workers` to `serve --workers`.
 */
export async function startServerProcess(target: BenchTarget, { nodeArgs = [], workers = 1 }: { nodeArgs?: readonly string[]; workers?: number } = {}): Promise<ServerProcess> {
  const port = await closedLoopbackPort();
  const child: ChildProcess = spawn(process.execPath, [...SERVER_NODE_OPTIONS, ...nodeArgs, join(root, 'bin/parcelgrid.js'), 'serve', '--workers', String(workers)], {
    env: { ...process.env, ...target.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.pipe(process.stderr);
  await new Promise<void>((resolve, reject) => {
    let said = '';
    const timeout = setTimeout(() => {
      child.kill('SIGINT');
      reject(new Error(`server did not say it listens within ${SERVER_START_TIMEOUT_MS / 1000} s`));
    }, SERVER_START_TIMEOUT_MS);
    const listen = (chunk: Buffer) => {
      said += chunk.toString();
      if (!said.includes('listening on')) return;
      child.stderr?.off('data', listen);
      clearTimeout(timeout);
      resolve();
    };
    child.stderr?.on('data', listen);
    child.once('exit', (code) => {
      clearTimeout(timeout);
      reject(new Error(`server exited with code ${code}`));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    pid: child.pid ?? 0,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGINT');
      }),
  };
}
