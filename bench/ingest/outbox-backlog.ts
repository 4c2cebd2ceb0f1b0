/** How far the server's outbox subscribers lag behind the events already committed. */
import { sql } from 'kysely';
import type { Database } from '../../src/platform/db/connect.ts';

/** Events committed to the outbox that the slowest subscriber has not yet been handed. */
export async function outboxBacklog(database: Database): Promise<number> {
  const result = await sql<{ pending: number | null }>`
    SELECT sum(coalesce(packed_items, 1))::int AS pending FROM outbox
    WHERE (txid, seq) > (SELECT last_txid, last_seq FROM outbox_consumers ORDER BY last_txid, last_seq LIMIT 1)`.execute(database.db);
  return result.rows[0]?.pending ?? 0;
}

/** Waits until every subscriber has caught up; how long that took, in seconds. */
export async function waitForOutboxDrained(database: Database, timeoutSeconds = 120): Promise<number> {
  const started = performance.now();
  while ((await outboxBacklog(database)) > 0) {
    if (performance.now() - started > timeoutSeconds * 1000) throw new Error(`outbox backlog not drained after ${timeoutSeconds} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return (performance.now() - started) / 1000;
}
