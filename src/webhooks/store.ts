/** SQL for webhook subscriptions, delivery jobs and the delivery log; nothing else touches these tables. */
import { sql, type Kysely } from 'kysely';
import type { DeliveryAttempt, Subscription, SubscriptionStatus } from './model.ts';
import type { SealedSecrets } from './secrets.ts';
import type { SendResult } from './send.ts';

export interface SubscriptionRow extends SealedSecrets {
  party_id: string;
  url: string;
  event_types: string[];
  description: string | null;
  status: SubscriptionStatus;
  disabled_reason: string | null;
  disabled_at: Date | null;
  consecutive_failures: number;
  created_at: Date;
  updated_at: Date;
}

/** A delivery job to write: one event for one subscription. */
export interface NewJob {
  readonly subscriptionId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly body: string;
  readonly id: string;
}

/** A due job claimed by a worker, with what it needs to send it. */
export interface ClaimedJob extends SealedSecrets {
  readonly job_id: string;
  readonly subscription_id: string;
  readonly event_id: string;
  readonly event_type: string;
  readonly body: string;
  /** Attempts made before this one. */
  readonly attempts: number;
  readonly url: string;
}

/** One attempt for the delivery log. */
export interface LoggedAttempt {
  readonly id: string;
  readonly subscriptionId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly attempt: number;
  readonly result: SendResult;
  readonly attemptedAt: Date;
}

interface DeliveryRow {
  id: string;
  event_id: string;
  event_type: string;
  attempt: number;
  outcome: 'delivered' | 'failed';
  status_code: number | null;
  duration_seconds: number;
  error: string | null;
  attempted_at: Date;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export const toSubscription = (row: SubscriptionRow): Subscription => ({
  id: row.id,
  url: row.url,
  event_types: row.event_types,
  description: row.description,
  status: row.status,
  disabled_reason: row.disabled_reason,
  disabled_at: iso(row.disabled_at),
  consecutive_failures: row.consecutive_failures,
  previous_secret_expires_at: row.previous_secret_expires_at && row.previous_secret_expires_at > new Date() ? row.previous_secret_expires_at.toISOString() : null,
  created_at: row.created_at.toISOString(),
});

export const toDeliveryAttempt = (row: DeliveryRow): DeliveryAttempt => ({ ...row, attempted_at: row.attempted_at.toISOString() });

/** Creates the webhook store over a database or an open transaction. */
export function createWebhookStore(db: Kysely<object>) {
  return {
    async insertSubscription(row: Omit<SubscriptionRow, 'previous_secret_sealed' | 'previous_secret_expires_at' | 'disabled_reason' | 'disabled_at' | 'consecutive_failures'>): Promise<void> {
      await sql`INSERT INTO webhook_subscriptions (id, party_id, url, event_types, description, status, secret_sealed, created_at, updated_at)
        VALUES (${row.id}, ${row.party_id}, ${row.url}, ${row.event_types}::text[], ${row.description}, ${row.status}, ${row.secret_sealed}, ${row.created_at}, ${row.updated_at})`.execute(db);
    },

    async countSubscriptions(partyId: string): Promise<number> {
      const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM webhook_subscriptions WHERE party_id = ${partyId}`.execute(db);
      return result.rows[0]?.n ?? 0;
    },

    /** The subscription if it exists and belongs to the party. */
    async findSubscription(id: string, partyId: string): Promise<SubscriptionRow | undefined> {
      const result = await sql<SubscriptionRow>`SELECT * FROM webhook_subscriptions WHERE id = ${id} AND party_id = ${partyId}`.execute(db);
      return result.rows[0];
    },

    async listSubscriptions(partyId: string, after: string | undefined, limit: number): Promise<SubscriptionRow[]> {
      const result = await sql<SubscriptionRow>`SELECT * FROM webhook_subscriptions
        WHERE party_id = ${partyId} AND (${after ?? null}::text IS NULL OR id > ${after ?? null})
        ORDER BY id LIMIT ${limit + 1}`.execute(db);
      return result.rows;
    },

    /** Active subscriptions of any of the parties, for fan-out. */
    async activeSubscriptionsOf(partyIds: readonly string[]): Promise<SubscriptionRow[]> {
      if (partyIds.length === 0) return [];
      const result = await sql<SubscriptionRow>`SELECT * FROM webhook_subscriptions
        WHERE status = 'active' AND party_id = ANY(${[...partyIds]}::text[])`.execute(db);
      return result.rows;
    },

    async setStatus(id: string, status: SubscriptionStatus, reason: string | null, at: Date): Promise<SubscriptionRow | undefined> {
      const result = await sql<SubscriptionRow>`UPDATE webhook_subscriptions
        SET status = ${status}, disabled_reason = ${reason}, disabled_at = ${status === 'disabled' ? at : null},
            consecutive_failures = CASE WHEN ${status}::text = 'active' THEN 0 ELSE consecutive_failures END, updated_at = ${at}
        WHERE id = ${id} RETURNING *`.execute(db);
      return result.rows[0];
    },

    async rotateSecret(id: string, secretSealed: string, previousSealed: string, previousExpiresAt: Date, at: Date): Promise<SubscriptionRow | undefined> {
      const result = await sql<SubscriptionRow>`UPDATE webhook_subscriptions
        SET secret_sealed = ${secretSealed}, previous_secret_sealed = ${previousSealed}, previous_secret_expires_at = ${previousExpiresAt}, updated_at = ${at}
        WHERE id = ${id} RETURNING *`.execute(db);
      return result.rows[0];
    },

    async deleteSubscription(id: string, partyId: string): Promise<boolean> {
      const result = await sql`DELETE FROM webhook_subscriptions WHERE id = ${id} AND party_id = ${partyId}`.execute(db);
      return Number(result.numAffectedRows ?? 0) > 0;
    },

    /**
     * Writes jobs due at `dueAt`. The stream may hand an event over twice, so an existing
     * (subscription, event) job is left alone; a replay instead puts it back in the queue.
     */
    async enqueueJobs(jobs: readonly NewJob[], dueAt: Date, onExisting: 'keep' | 'requeue'): Promise<void> {
      if (jobs.length === 0) return;
      const conflict = onExisting === 'keep'
        ? sql`DO NOTHING`
        : sql`DO UPDATE SET status = 'pending', attempts = 0, next_attempt_at = EXCLUDED.next_attempt_at, locked_until = NULL`;
      await sql`INSERT INTO webhook_jobs (id, subscription_id, event_id, event_type, body, status, next_attempt_at, created_at)
        SELECT id, subscription_id, event_id, event_type, body, 'pending', ${dueAt}, ${dueAt}
        FROM unnest(${jobs.map((j) => j.id)}::text[], ${jobs.map((j) => j.subscriptionId)}::text[], ${jobs.map((j) => j.eventId)}::text[],
                    ${jobs.map((j) => j.eventType)}::text[], ${jobs.map((j) => j.body)}::text[])
          AS job(id, subscription_id, event_id, event_type, body)
        ON CONFLICT (subscription_id, event_id) ${conflict}`.execute(db);
    },

    /**
     * Claims up to `limit` due jobs of active subscriptions until `lockedUntil`; concurrent
     * workers skip each other's rows, and a crashed worker's claim lapses.
     */
    async claimDueJobs(now: Date, lockedUntil: Date, limit: number): Promise<ClaimedJob[]> {
      const result = await sql<ClaimedJob>`
        UPDATE webhook_jobs AS j SET locked_until = ${lockedUntil}
        FROM webhook_subscriptions AS s
        WHERE s.id = j.subscription_id AND j.id IN (
          SELECT due.id FROM webhook_jobs AS due JOIN webhook_subscriptions AS owner ON owner.id = due.subscription_id
          WHERE due.status = 'pending' AND due.next_attempt_at <= ${now} AND (due.locked_until IS NULL OR due.locked_until < ${now})
            AND owner.status = 'active'
          ORDER BY due.next_attempt_at, due.id LIMIT ${limit}
          FOR UPDATE OF due SKIP LOCKED)
        RETURNING j.id AS job_id, j.subscription_id, j.event_id, j.event_type, j.body, j.attempts, s.url,
          s.id, s.secret_sealed, s.previous_secret_sealed, s.previous_secret_expires_at`.execute(db);
      return result.rows;
    },

    /** Appends one attempt to the delivery log. */
    async logAttempt(entry: LoggedAttempt): Promise<void> {
      await sql`INSERT INTO webhook_deliveries (id, subscription_id, event_id, event_type, attempt, outcome, status_code, duration_seconds, error, attempted_at)
        VALUES (${entry.id}, ${entry.subscriptionId}, ${entry.eventId}, ${entry.eventType}, ${entry.attempt}, ${entry.result.error === null ? 'delivered' : 'failed'},
                ${entry.result.statusCode}, ${entry.result.durationSeconds}, ${entry.result.error}, ${entry.attemptedAt})`.execute(db);
    },

    /** Moves a job on after an attempt: delivered, due again at `retryAt`, or failed for good. */
    async advanceJob(jobId: string, outcome: 'delivered' | 'failed' | { retryAt: Date }): Promise<void> {
      const status = typeof outcome === 'string' ? outcome : 'pending';
      const retryAt = typeof outcome === 'string' ? null : outcome.retryAt;
      await sql`UPDATE webhook_jobs SET status = ${status}, attempts = attempts + 1, locked_until = NULL,
          next_attempt_at = COALESCE(${retryAt}, next_attempt_at)
        WHERE id = ${jobId}`.execute(db);
    },

    /** Resets the failure streak after a success. */
    async markSucceeded(subscriptionId: string): Promise<void> {
      await sql`UPDATE webhook_subscriptions SET consecutive_failures = 0 WHERE id = ${subscriptionId} AND consecutive_failures <> 0`.execute(db);
    },

    /** Counts a failure; the one that reaches `limit` disables the subscription with `reason`. Returns whether it did. */
    async markFailed(subscriptionId: string, limit: number, reason: string, at: Date): Promise<boolean> {
      const result = await sql<{ status: SubscriptionStatus }>`UPDATE webhook_subscriptions
        SET consecutive_failures = consecutive_failures + 1,
            status = CASE WHEN consecutive_failures + 1 >= ${limit} THEN 'disabled' ELSE status END,
            disabled_reason = CASE WHEN consecutive_failures + 1 >= ${limit} THEN ${reason} ELSE disabled_reason END,
            disabled_at = CASE WHEN consecutive_failures + 1 >= ${limit} THEN ${at} ELSE disabled_at END,
            updated_at = ${at}
        WHERE id = ${subscriptionId} AND status = 'active' RETURNING status`.execute(db);
      return result.rows[0]?.status === 'disabled';
    },

    /** Every subscription's sealed secrets, for re-encryption under a new key. */
    async allSealedSecrets(): Promise<SealedSecrets[]> {
      const result = await sql<SealedSecrets>`SELECT id, secret_sealed, previous_secret_sealed, previous_secret_expires_at FROM webhook_subscriptions ORDER BY id`.execute(db);
      return result.rows;
    },

    /** Swaps in re-encrypted secrets unless a rotation changed them meanwhile; returns whether it did. */
    async replaceSealedSecrets(before: SealedSecrets, secretSealed: string, previousSealed: string | null): Promise<boolean> {
      const result = await sql`UPDATE webhook_subscriptions SET secret_sealed = ${secretSealed}, previous_secret_sealed = ${previousSealed}
        WHERE id = ${before.id} AND secret_sealed = ${before.secret_sealed} AND previous_secret_sealed IS NOT DISTINCT FROM ${before.previous_secret_sealed}`.execute(db);
      return Number(result.numAffectedRows ?? 0) > 0;
    },

    /** The delivery log, newest first. */
    async listDeliveries(subscriptionId: string, before: string | undefined, limit: number): Promise<DeliveryRow[]> {
      const result = await sql<DeliveryRow>`SELECT id, event_id, event_type, attempt, outcome, status_code, duration_seconds, error, attempted_at
        FROM webhook_deliveries WHERE subscription_id = ${subscriptionId} AND (${before ?? null}::text IS NULL OR id < ${before ?? null})
        ORDER BY id DESC LIMIT ${limit + 1}`.execute(db);
      return result.rows;
    },
  };
}

export type WebhookStore = ReturnType<typeof createWebhookStore>;
