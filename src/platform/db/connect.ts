/**
 * Opens the one database the platform uses: PostgreSQL when a URL is given, otherwise the
 * embedded PGlite with its files on disk. Both are reached the same way (Kysely over pg.Pool),
 * so every store and every query is written once.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { copyStatements } from './copy-rows.ts';
import { routeMarkedStatements } from './marked-statements.ts';
import { preparedStatements } from './prepared-statements.ts';

export type Driver = 'pglite' | 'postgres';

/** An open database: the query builder, the pool under it, and how to close both. */
export interface Database {
  readonly db: Kysely<object>;
  readonly pool: pg.Pool;
  readonly driver: Driver;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { readonly databaseUrl: string }
  | { readonly dataDir: string }
  | { readonly pglite: PGlite };

// Bigint columns (counts, sequence numbers) fit in a JS number for this platform's volumes.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** Opens PostgreSQL (`databaseUrl`), an on-disk PGlite (`dataDir`) or a PGlite already open. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if ('databaseUrl' in target) {
    const pool = new pg.Pool({ connectionString: target.databaseUrl, max: 10 });
    const marked = [preparedStatements, copyStatements()];
    pool.on('connect', (client) => routeMarkedStatements(client, marked));
    return wrap(pool, 'postgres', async () => {});
  }
  let pglite: PGlite;
  let ownsPglite = false;
  if ('pglite' in target) {
    pglite = target.pglite;
  } else {
    const dir = join(target.dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
    pglite = await PGlite.create(dir);
    ownsPglite = true;
  }
  // PGlite is a single connection; the bridge gives pg.Pool a pool size of 1.
  const pool = new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig);
  // Marked as prepared, a statement runs unnamed here: PGlite is one session, shared by the pool.
  const marked = [copyStatements(pglite)];
  pool.on('connect', (client) => routeMarkedStatements(client, marked));
  return wrap(pool, 'pglite', async () => {
    if (ownsPglite) await pglite.close();
  });
}

function wrap(pool: pg.Pool, driver: Driver, closeUnderlying: () => Promise<void>): Database {
  // An idle pooled connection can be cut by the server (restart, admin termination). The pool
  // drops it and opens a new one on the next query; without a listener the event would crash the
  // process instead.
  pool.on('error', () => {});
  const db = new Kysely<object>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    pool,
    driver,
    async close() {
      await db.destroy();
      await closeUnderlying();
    },
  };
}
