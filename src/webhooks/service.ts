/**
 * Webhook subscriptions as a party manages them: create (the signing secret is shown once),
 * list, pause, re-enable, rotate the secret with a grace period, replay, test-fire and read the
 * delivery log. Another party's subscription answers 404.
 */
import type { Kysely } from 'kysely';
import { DomainError, notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import type { Principal } from '../platform/tenancy/model.ts';
import type { Keyring } from '../privacy/index.ts';
import { sendSigned } from './delivery-worker.ts';
import {
  DEFAULT_ROTATION_GRACE_SECONDS,
  eventTypeFilterProblems,
  MAX_SUBSCRIPTIONS_PER_PARTY,
  webhookUrlProblem,
  type DeliverySettings,
  type Subscription,
} from './model.ts';
import { replayEvents, type ReplayResult } from './replay.ts';
import { sealSecret } from './secrets.ts';
import { generateSigningSecret } from './signature.ts';
import { createWebhookStore, toSubscription, type SubscriptionRow } from './store.ts';
import { assertAllowedTarget } from './target-guard.ts';

export interface WebhookServiceDeps {
  readonly db: Kysely<object>;
  readonly keyring: Keyring;
  readonly settings: DeliverySettings;
  /** Wakes the delivery worker after jobs were queued. */
  readonly wake: () => void;
}

export interface NewSubscription {
  readonly url: string;
  readonly event_types: readonly string[];
  readonly description?: string;
}

/** A subscription together with a secret that is shown this once. */
export type SubscriptionWithSecret = Subscription & { readonly secret: string };

export interface TestFireResult {
  readonly event_id: string;
  readonly delivered: boolean;
  readonly status_code: number | null;
  readonly duration_seconds: number;
  readonly error: string | null;
}

/** Creates the webhook service. */
export function createWebhookService(deps: WebhookServiceDeps) {
  const store = createWebhookStore(deps.db);

  async function owned(principal: Principal, id: string): Promise<SubscriptionRow> {
    const row = await store.findSubscription(id, principal.partyId);
    if (!row) throw notFound(`webhook subscription ${id}`);
    return row;
  }

  async function changed(row: SubscriptionRow | undefined, id: string): Promise<Subscription> {
    if (!row) throw notFound(`webhook subscription ${id}`);
    return toSubscription(row);
  }

  return {
    async create(principal: Principal, input: NewSubscription): Promise<SubscriptionWithSecret> {
      const urlProblem = webhookUrlProblem(input.url);
      const problems = [...(urlProblem ? [urlProblem] : []), ...eventTypeFilterProblems(input.event_types)];
      if (problems.length > 0) throw new DomainError('validation_failed', problems.join('; '), { details: problems });
      if ((await store.countSubscriptions(principal.partyId)) >= MAX_SUBSCRIPTIONS_PER_PARTY) {
        throw new DomainError('invalid_state', `a party may have at most ${MAX_SUBSCRIPTIONS_PER_PARTY} webhook subscriptions; delete one first`);
      }
      await assertAllowedTarget(new URL(input.url), deps.settings.allowPrivateTargets);
      const id = newId('whs');
      const secret = generateSigningSecret();
      const now = new Date();
      const row = {
        id,
        party_id: principal.partyId,
        url: input.url,
        event_types: [...input.event_types],
        description: input.description ?? null,
        status: 'active' as const,
        secret_sealed: sealSecret(deps.keyring, id, secret),
        created_at: now,
        updated_at: now,
      };
      await store.insertSubscription(row);
      return { ...toSubscription({ ...row, previous_secret_sealed: null, previous_secret_expires_at: null, disabled_reason: null, disabled_at: null, consecutive_failures: 0 }), secret };
    },

    async list(principal: Principal, after: string | undefined, limit: number): Promise<SubscriptionRow[]> {
      return store.listSubscriptions(principal.partyId, after, limit);
    },

    async get(principal: Principal, id: string): Promise<Subscription> {
      return toSubscription(await owned(principal, id));
    },

    async remove(principal: Principal, id: string): Promise<void> {
      if (!(await store.deleteSubscription(id, principal.partyId))) throw notFound(`webhook subscription ${id}`);
    },

    async disable(principal: Principal, id: string): Promise<Subscription> {
      await owned(principal, id);
      return changed(await store.setStatus(id, 'disabled', `disabled through the API by ${principal.partyCode}`, new Date()), id);
    },

    /** Re-enables a subscription; jobs that were waiting resume, missed events need a replay. */
    async enable(principal: Principal, id: string): Promise<Subscription> {
      await owned(principal, id);
      const subscription = await changed(await store.setStatus(id, 'active', null, new Date()), id);
      deps.wake();
      return subscription;
    },

    /** A new secret signs from now on; the old one also signs for `graceSeconds` so receivers can switch over. */
    async rotateSecret(principal: Principal, id: string, graceSeconds = DEFAULT_ROTATION_GRACE_SECONDS): Promise<SubscriptionWithSecret> {
      const row = await owned(principal, id);
      const secret = generateSigningSecret();
      const now = new Date();
      const rotated = await store.rotateSecret(id, sealSecret(deps.keyring, id, secret), row.secret_sealed, new Date(now.getTime() + graceSeconds * 1000), now);
      return { ...(await changed(rotated, id)), secret };
    },

    async replay(principal: Principal, id: string, from: string, afterSequence = 0): Promise<ReplayResult> {
      const row = await owned(principal, id);
      if (row.status !== 'active') throw new DomainError('invalid_state', `webhook subscription ${id} is disabled; enable it before replaying`);
      if (new Date(from) > new Date()) throw new DomainError('validation_failed', `from ${from} is in the future`);
      const result = await replayEvents(deps.db, row, from, afterSequence);
      if (result.replayed > 0) deps.wake();
      return result;
    },

    /**
     * Sends one signed `webhook.test` event now and reports what the receiver answered. It is
     * logged like any delivery but never retried and does not count towards auto-disable, so it
     * also works on a disabled subscription (check the endpoint before re-enabling).
     */
    async testFire(principal: Principal, id: string): Promise<TestFireResult> {
      const row = await owned(principal, id);
      const now = new Date();
      const eventId = newId('evt');
      const envelope = {
        id: eventId,
        type: 'webhook.test',
        occurred_at: now.toISOString(),
        recorded_at: now.toISOString(),
        source: 'parcelgrid',
        subject: `webhook/${id}`,
        sequence: 0,
        schema_version: 1,
        data: { subscription_id: id, message: 'This is a test event from parcelgrid.' },
      };
      const job = { ...row, event_id: eventId, event_type: envelope.type, body: JSON.stringify(envelope), attempts: 0 };
      const result = await sendSigned(deps.keyring, deps.settings, job, now);
      await store.logAttempt({ id: newId('whd'), subscriptionId: id, eventId, eventType: envelope.type, attempt: 1, result, attemptedAt: now });
      return { event_id: eventId, delivered: result.error === null, status_code: result.statusCode, duration_seconds: result.durationSeconds, error: result.error };
    },

    async deliveries(principal: Principal, id: string, before: string | undefined, limit: number) {
      await owned(principal, id);
      return store.listDeliveries(id, before, limit);
    },
  };
}

export type WebhookService = ReturnType<typeof createWebhookService>;
