/**
 * Signed webhooks: subscriptions per party, one delivery job per (subscription, event), and a log
 * of every attempt.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE webhook_subscriptions (
      id text PRIMARY KEY,
      party_id text NOT NULL REFERENCES parties(id),
      url text NOT NULL,
      -- filters, exact (parcel.tracking_updated) or with a trailing * (parcel.*)
      event_types text[] NOT NULL,
      description text,
      status text NOT NULL CHECK (status IN ('active', 'disabled')),
      disabled_reason text,
      disabled_at timestamptz,
      -- the signing secret, encrypted under the platform keyring (aad webhooks/<id>/secret);
      -- during a rotation the previous secret also signs until previous_secret_expires_at.
      secret_sealed text NOT NULL,
      previous_secret_sealed text,
      previous_secret_expires_at timestamptz,
      -- failed attempts since the last success; reaching the limit disables the subscription.
      consecutive_failures integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX webhook_subscriptions_party ON webhook_subscriptions (party_id, id);
    CREATE TABLE webhook_jobs (
      id text PRIMARY KEY,
      subscription_id text NOT NULL REFERENCES webhook_subscriptions(id) ON DELETE CASCADE,
      event_id text NOT NULL,
      event_type text NOT NULL,
      -- the exact body sent (the event envelope as JSON text, no audience, no personal data),
      -- kept as text so every retry sends and signs the same bytes.
      body text NOT NULL,
      status text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL,
      -- a worker that claimed the job owns it until then; a crashed worker's claim simply expires.
      locked_until timestamptz,
      created_at timestamptz NOT NULL,
      UNIQUE (subscription_id, event_id)
    );
    CREATE INDEX webhook_jobs_due ON webhook_jobs (next_attempt_at) WHERE status = 'pending';
    CREATE TABLE webhook_deliveries (
      id text PRIMARY KEY,
      subscription_id text NOT NULL REFERENCES webhook_subscriptions(id) ON DELETE CASCADE,
      event_id text NOT NULL,
      event_type text NOT NULL,
      attempt integer NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('delivered', 'failed')),
      status_code integer,
      duration_seconds double precision NOT NULL,
      error text,
      attempted_at timestamptz NOT NULL
    );
    CREATE INDEX webhook_deliveries_log ON webhook_deliveries (subscription_id, id);
    -- replay reads a party's events from a time
    CREATE INDEX outbox_recorded_at ON outbox (recorded_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX outbox_recorded_at;
    DROP TABLE webhook_deliveries, webhook_jobs, webhook_subscriptions;
  `.execute(db);
}
