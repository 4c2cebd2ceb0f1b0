/**
 * Routine upkeep that PostgreSQL's autovacuum does on its own but the embedded PGlite (a single
 * backend, no background workers) does not: planner statistics and dead-row cleanup. Without it a
 * long-running embedded database plans joins from stale estimates and bloats updated tables.
 */
import { sql } from 'kysely';
import type { Database } from './connect.ts';

/** Runs VACUUM (ANALYZE) every `intervalMs` on PGlite; nothing on PostgreSQL. Returns a stopper. */
export function startMaintenance(database: Database, intervalMs = 5 * 60_000, onError: (error: unknown) => void = () => {}): () => void {
  if (database.driver !== 'pglite') return () => {};
  const timer = setInterval(() => {
    sql`VACUUM (ANALYZE)`.execute(database.db).catch(onError);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
