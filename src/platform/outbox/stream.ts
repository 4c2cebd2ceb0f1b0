/**
 * Delivers outbox events to in-process subscribers, at least once and in commit order.
 *
 * Each subscriber has a durable cursor (txid, seq) in `outbox_consumers`. A batch is handed to
 * the subscriber and the cursor moves only after the handler returns, so a crash or restart
 * re-delivers the unfinished batch instead of losing it. Rows are read only below the oldest
 * running transaction (`pg_snapshot_xmin`), so an event whose transaction commits late cannot be
 * passed over. Later this same contract is served by NATS JetStream when configured.
 *
 * Several processes may run a stream over one database (`serve --workers`, or servers behind a
 * load balancer). Each subscriber is leased to one of them at a time (`lease_owner`,
 * `lease_until`): a pass delivers only to the subscribers whose lease it holds or takes, every
 * pass and every cursor move renews the lease, and a cursor moves only while the lease is still
 * held. So each event is handled once however many processes run, and when the holder stops
 * cleanly (it gives its leases up) or crashes (they lapse) another process carries on from the
 * cursor. A hand-over in the middle of a page can deliver that page twice: at least once, as ever.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { sql, type Kysely } from 'kysely';
import type { RoutedEnvelope } from './envelope.ts';
import { eventCount, readOutboxRows, toEnvelopes, type OutboxRow } from './rows.ts';

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
  /** How long a subscriber's lease lasts without renewal, i.e. how soon another process takes over from a crashed one. */
  readonly leaseMs?: number;
  /** Who holds the leases; unique per stream unless given (tests name their processes). */
  readonly owner?: string;
}

/** Long enough that a slow page does not lose its lease, short enough that a crash is covered within a minute. */
const DEFAULT_LEASE_MS = 30_000;

/** Creates the dispatcher; call `start()` to begin polling. */
export function createOutboxStream(db: Kysely<object>, options: StreamOptions = {}): OutboxStream {
  const pollMs = options.pollMs ?? 1000;
  // Above one packed batch (1,000 scans), so a pass that has caught up sees a short page and stops
  // instead of reading once more to find nothing.
  const batchSize = options.batchSize ?? 2000;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const owner = options.owner ?? `${hostname()}/${process.pid}/${randomUUID()}`;
  const leaseUntil = sql`now() + ${leaseMs} * interval '1 millisecond'`;
  const subscribers: Subscriber[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let wakeRequested = false;

  /** Subscribers whose cursor row is known to exist, so a poll does not insert it again. */
  const registered = new Set<string>();
  /** Whether the last pass held any lease; a process that holds none waits for the poll, not for every commit. */
  let holdsLeases = false;

  /**
   * Takes or renews the lease of every subscriber that is free, lapsed or already ours, and
   * answers their cursors; subscribers leased to another process are left out of the pass.
   */
  async function claimCursors(active: Subscriber[]): Promise<Map<string, Position>> {
    const missing = active.filter((subscriber) => !registered.has(subscriber.name)).map((subscriber) => subscriber.name);
    if (missing.length > 0) {
      await sql`INSERT INTO outbox_consumers (name) SELECT unnest(${missing}::text[]) ON CONFLICT DO NOTHING`.execute(db);
      for (const name of missing) registered.add(name);
    }
    const result = await sql<{ name: string } & Position>`
      UPDATE outbox_consumers SET lease_owner = ${owner}, lease_until = ${leaseUntil}
      WHERE name = ANY(${active.map((subscriber) => subscriber.name)}::text[])
        AND (lease_owner IS NULL OR lease_owner = ${owner} OR lease_until < now())
      RETURNING name, last_txid, last_seq`.execute(db);
    const cursors = new Map(result.rows.map(({ name, last_txid, last_seq }) => [name, { last_txid, last_seq }]));
    for (const subscriber of active.filter(({ name }) => !cursors.has(name))) leaveOutOfPass(active, cursors, subscriber);
    holdsLeases = cursors.size > 0;
    return cursors;
  }

  /**
   * Hands one page to every subscriber that has not seen all of it; the subscribers that failed
   * leave `active`. The page is read once for all of them, from the cursor furthest behind, so
   * catching up costs one read and one parse of each packed row however many subscribers there are.
   * Whether a full page was read (there may be more).
   */
  async function deliverPage(active: Subscriber[], cursors: Map<string, Position>): Promise<boolean> {
    const from = [...cursors.values()].reduce((lowest, position) => (isBefore(position, lowest) ? position : lowest));
    const rows = await readOutboxRows(
      db,
      sql`(txid, seq) > (${from.last_txid}, ${from.last_seq}) AND txid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint`,
      sql`txid, seq`,
      batchSize,
    );
    const last = rows.at(-1);
    if (!last) return false;
    const end = { last_txid: last.txid, last_seq: last.seq };
    // Unpacked once per page: subscribers at the same cursor share the envelopes.
    const envelopes = new Map<OutboxRow, RoutedEnvelope[]>();
    const envelopesOf = (row: OutboxRow): RoutedEnvelope[] => {
      const known = envelopes.get(row);
      if (known) return known;
      const unpacked = toEnvelopes(row);
      envelopes.set(row, unpacked);
      return unpacked;
    };
    const handled: string[] = [];
    for (const subscriber of [...active]) {
      const position = cursors.get(subscriber.name) ?? from;
      if (!isBefore(position, end)) continue;
      try {
        const unseen = rows.filter((row) => isBefore(position, { last_txid: row.txid, last_seq: row.seq }) && matchesEventTypes(subscriber.types, row.type));
        const wanted = unseen.flatMap(envelopesOf);
        if (wanted.length > 0) await subscriber.handle(wanted);
        handled.push(subscriber.name);
      } catch (error) {
        options.onError?.(subscriber.name, error);
        leaveOutOfPass(active, cursors, subscriber);
      }
    }
    // One write moves every cursor that took the page; a crash before it re-delivers the page. A
    // cursor whose lease another process took meanwhile stays where that process has it.
    if (handled.length > 0) {
      const moved = await sql<{ name: string }>`UPDATE outbox_consumers
        SET last_txid = ${end.last_txid}, last_seq = ${end.last_seq}, updated_at = now(), lease_until = ${leaseUntil}
        WHERE name = ANY(${handled}::text[]) AND lease_owner = ${owner} RETURNING name`.execute(db);
      const kept = new Set(moved.rows.map((row) => row.name));
      for (const subscriber of active.filter(({ name }) => handled.includes(name))) {
        if (kept.has(subscriber.name)) cursors.set(subscriber.name, end);
        else leaveOutOfPass(active, cursors, subscriber);
      }
    }
    return eventCount(rows) >= batchSize;
  }

  async function deliverAll(): Promise<void> {
    const active = [...subscribers];
    if (active.length === 0) return;
    try {
      const cursors = await claimCursors(active);
      while (active.length > 0 && (await deliverPage(active, cursors))) {
        // Catching up on a backlog is a run of pages; between two, requests waiting on the event
        // loop go first, so a busy stream adds at most one page of work to their latency.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      // Reading the page or the cursors failed: every subscriber still in the pass waits for the next.
      for (const subscriber of active) options.onError?.(subscriber.name, error);
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
      if (timer && holdsLeases) void tick();
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
      // Handing the leases over now spares the other processes waiting for them to lapse. If the
      // database cannot be reached they lapse anyway, so that does not fail the stop.
      await sql`UPDATE outbox_consumers SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ${owner}`.execute(db).catch(() => {});
    },
  };
}

/** Leaves a subscriber out of the rest of the pass: it failed, or another process holds its lease. */
function leaveOutOfPass(active: Subscriber[], cursors: Map<string, Position>, subscriber: Subscriber): void {
  active.splice(active.indexOf(subscriber), 1);
  cursors.delete(subscriber.name);
}

interface Position {
  readonly last_txid: number;
  readonly last_seq: number;
}

/** Whether `a` comes before `b` in commit order. */
function isBefore(a: Position, b: Position): boolean {
  return a.last_txid < b.last_txid || (a.last_txid === b.last_txid && a.last_seq < b.last_seq);
}

/** Whether `type` matches one of the patterns (exact or with a trailing `*`); absent patterns match all. */
export function matchesEventTypes(types: readonly string[] | undefined, type: string): boolean {
  if (!types) return true;
  return types.some((pattern) => (pattern.endsWith('*') ? type.startsWith(pattern.slice(0, -1)) : pattern === type));
}
