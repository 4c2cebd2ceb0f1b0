/**
 * Test databases on both drivers. PGlite starts from a migrated data directory dumped once and
 * cached under .tmp/ (opening a fresh PGlite takes 5-15 s; loading a dump takes about 1 s).
 * PostgreSQL gets a fresh database per test file, dropped afterwards. Without a reachable server
 * the PostgreSQL runs are skipped with a message, except in CI (CI=true), where they must run.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase, type Database, type Driver } from '../../src/platform/db/connect.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';

const root = new URL('../../', import.meta.url).pathname;
const adminUrl = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A hash of the migration sources, so the cached PGlite dump is rebuilt when they change. */
function migrationsHash(): string {
  const dir = join(root, 'src/platform/db/migrations');
  const hash = createHash('sha256');
  for (const file of readdirSync(dir).sort()) hash.update(file).update(readFileSync(join(dir, file)));
  return hash.digest('hex').slice(0, 16);
}

async function migratedPgliteDump(): Promise<Blob> {
  const cacheDir = join(root, '.tmp');
  const path = join(cacheDir, `pglite-migrated-${migrationsHash()}.tar.gz`);
  if (!existsSync(path)) {
    const fresh = await PGlite.create();
    const database = await openDatabase({ pglite: fresh });
    await migrateToLatest(database.db);
    const dump = await fresh.dumpDataDir('gzip');
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
    await database.close();
    await fresh.close();
  }
  return new Blob([readFileSync(path)]);
}

let postgresReachable: Promise<boolean> | undefined;

/** Why PostgreSQL tests cannot run here, or undefined when they can (always undefined in CI). */
export async function postgresSkipReason(): Promise<string | undefined> {
  postgresReachable ??= (async () => {
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch {
      return false;
    }
  })();
  if (await postgresReachable) return undefined;
  if (process.env['CI'] === 'true') throw new Error(`CI=true but PostgreSQL is not reachable at ${adminUrl}`);
  return `PostgreSQL not reachable at ${adminUrl}; set TEST_DATABASE_URL to run these tests`;
}

export interface TestDatabase extends Database {
  /** Set for PostgreSQL: where the scratch database is. */
  readonly databaseUrl?: string;
  /** Closes the database and, for PostgreSQL, drops it. */
  dispose(): Promise<void>;
}

/** A migrated, empty database on the given driver. */
export async function openTestDatabase(driver: Driver): Promise<TestDatabase> {
  if (driver === 'pglite') {
    const pglite = await PGlite.create({ loadDataDir: await migratedPgliteDump() });
    const database = await openDatabase({ pglite });
    return { ...database, async dispose() { await database.close(); await pglite.close(); } };
  }
  const name = `parcelgrid_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  await migrateToLatest(database.db);
  return {
    ...database,
    databaseUrl: url.toString(),
    async dispose() {
      await database.close().catch(() => {});
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** A database that can be closed and opened again, as a server restart does. */
export interface ReopenableDatabase {
  /** Set for PGlite: the data folder, for a server process to open. */
  readonly dataDir?: string;
  open(): Promise<Database>;
  dispose(): Promise<void>;
}

/** A migrated database on disk (PGlite data folder) or a scratch PostgreSQL database. */
export async function reopenableTestDatabase(driver: Driver): Promise<ReopenableDatabase> {
  if (driver === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'parcelgrid-test-'));
    // Seed the folder from the migrated dump once; every open() after that reads it from disk.
    const seeded = await PGlite.create({ dataDir: join(dataDir, 'pglite'), loadDataDir: await migratedPgliteDump() });
    await seeded.close();
    return {
      dataDir,
      open: () => openDatabase({ dataDir }),
      dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const first = await openTestDatabase('postgres');
  const url = first.databaseUrl ?? '';
  await first.close();
  return { open: () => openDatabase({ databaseUrl: url }), dispose: () => first.dispose() };
}

/** Both storage drivers; suites loop over them and ask postgresSkipReason() before PostgreSQL. */
export const DRIVERS: readonly Driver[] = ['pglite', 'postgres'];
