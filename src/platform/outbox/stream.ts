/**
 * Delivers outbox events to in-process subscribers, at least once and in commit order.
 *
 * Each subscriber has a durable cursor (txid, seq) in `outbox_consumers`. A batch is handed to
 * the subscriber and the cursor moves only after the handler returns, so a crash or restart
 * re-delivers the unfinished batch instead of losing it. Rows are read only below the oldest
 * running transaction (`pg_snapshot_xmin`), so an event whose transaction commits late cannot be
 * passed over. Later this same contract is served by NATS JetStream when configured.
 */
import { sql, type Kysely } from 'kysely';
import type { RoutedEnvelope } from './envelope.ts';
import { eventCount, readOutboxRows, toEnvelopes } from './rows.ts';

export interface Subscriber {
  /** Durable name; the cursor is stored under it. */
  readonly name: string;
  /** Event types to receive, exact or with a trailing `*` (e.g. `parcel.*`); all when absent. */
  readonly types?: readonly string[];
  handle(events: readonly RoutedEnvelope[]): Promise<void>;
}

export interface OutboxStream {
  subscribe(subscriber: Subscriber): void;
  /** Wakes the dispatcher after a commit instead of waiting for the next poll. */
  notify(): void;
  /** Delivers everything committed so far to every subscriber (used by tests and shutdown). */
  drain(): Promise<void>;
  start(): void;
  stop(): Promise<void>;
}

export interface StreamOptions {
  readonly pollMs?: number;
  /** Events handed to a subscriber at once; a packed row is never split, so a batch may pass it. */
  readonly batchSize?: number;
  readonly onError?: (subscriber: string, error: unknown) => void;
}

/** Creates the dispatcher; call `start()` to begin polling. */
export function createOutboxStream(db: Kysely<object>, options: StreamOptions = {}): OutboxStream {
  const pollMs = options.pollMs ?? 1000;
  const batchSize = options.batchSize ?? 500;
  const subscribers: Subscriber[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let wakeRequested = false;

  /** Subscribers whose cursor row is known to exist, so a poll does not insert it again. */
  const registered = new Set<string>();

  async function deliverOnce(subscriber: Subscriber): Promise<boolean> {
    if (!registered.has(subscriber.name)) {
      await sql`INSERT INTO outbox_consumers (name) VALUES (${subscriber.name}) ON CONFLICT DO NOTHING`.execute(db);
      registered.add(subscriber.name);
    }
    const cursor = await sql<{ last_txid: number; last_seq: number }>`
      SELECT last_txid, last_seq FROM outbox_consumers WHERE name = ${subscriber.name}`.execute(db);
    const position = cursor.rows[0] ?? { last_txid: 0, last_seq: 0 };
    const rows = await readOutboxRows(
      db,
      sql`(txid, seq) > (${position.last_txid}, ${position.last_seq}) AND txid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint`,
      sql`txid, seq`,
      batchSize,
    );
    const last = rows.at(-1);
    if (!last) return false;
    const wanted = rows.filter((row) => matchesEventTypes(subscriber.types, row.type)).flatMap(toEnvelopes);
    if (wanted.length > 0) await subscriber.handle(wanted);
    await sql`UPDATE outbox_consumers SET last_txid = ${last.txid}, last_seq = ${last.seq}, updated_at = now()
      WHERE name = ${subscriber.name}`.execute(db);
    return eventCount(rows) >= batchSize;
  }

  async function deliverAll(): Promise<void> {
    for (const subscriber of subscribers) {
      try {
        while (await deliverOnce(subscriber));
      } catch (error) {
        options.onError?.(subscriber.name, error);
      }
    }
  }

  /** Runs one delivery pass at a time; a wake-up during a pass schedules one more pass. */
  function tick(): Promise<void> {
    if (running) {
      wakeRequested = true;
      return running;
    }
    running = deliverAll().finally(() => {
      running = undefined;
      if (wakeRequested) {
        wakeRequested = false;
        void tick();
      }
    });
    return running;
  }

  return {
    subscribe(subscriber) {
      subscribers.push(subscriber);
    },
    notify() {
      if (timer) void tick();
    },
    async drain() {
      await running;
      await tick();
    },
    start() {
      timer ??= setInterval(() => void tick(), pollMs);
      void tick();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}

/** Whether `type` matches one of the patterns (exact or with a trailing `*`); absent patterns match all. */
export function matchesEventTypes(types: readonly string[] | undefined, type: string): boolean {
  if (!types) return true;
  return types.some((pattern) => (pattern.endsWith('*') ? type.startsWith(pattern.slice(0, -1)) : pattern === type));
}
