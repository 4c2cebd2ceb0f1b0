/**
 * Sends due delivery jobs: claims a batch, POSTs each signed, logs every attempt, schedules a
 * retry with backoff or gives the event up, and disables a subscription after too many failures
 * in a row. Delivery is at least once and not ordered: a retry can overtake a later event.
 */
import type { Kysely } from 'kysely';
import { newId } from '../platform/ids.ts';
import type { Keyring } from '../privacy/index.ts';
import { retryDelaySeconds, type DeliverySettings } from './model.ts';
import { activeSecrets } from './secrets.ts';
import { postWebhook, type SendResult } from './send.ts';
import { deliveryHeaders } from './signature.ts';
import { createWebhookStore, type ClaimedJob } from './store.ts';

export interface DeliveryWorkerDeps {
  readonly db: Kysely<object>;
  readonly keyring: Keyring;
  readonly settings: DeliverySettings;
  /** Told when a subscription is disabled, for the operator's log. */
  readonly onDisabled: (subscriptionId: string, reason: string) => void;
  readonly onError: (error: unknown) => void;
  /** Source of jitter in [0, 1); tests may fix it. */
  readonly random?: () => number;
}

export interface DeliveryWorker {
  /** Polls every `pollSeconds` and whenever woken, until stopped. */
  start(): void;
  /** Asks for a pass now (new jobs were written). */
  wake(): void;
  /** Sends everything due now, including retries that fall due meanwhile; used by tests. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

/** What signing and sending one body needs: the subscription's secrets and URL, the event and its attempt count. */
export type SignedSend = Pick<ClaimedJob, 'id' | 'secret_sealed' | 'previous_secret_sealed' | 'previous_secret_expires_at' | 'url' | 'event_id' | 'event_type' | 'body' | 'attempts'>;

/** Signs and POSTs one event body to a subscription's URL. */
export async function sendSigned(keyring: Keyring, settings: DeliverySettings, job: SignedSend, now: Date): Promise<SendResult> {
  const secrets = activeSecrets(keyring, job, now);
  const headers = deliveryHeaders(secrets, { id: job.event_id, type: job.event_type }, job.body, job.attempts + 1, now);
  return postWebhook(job.url, job.body, { headers, timeoutSeconds: settings.requestTimeoutSeconds, allowPrivateTargets: settings.allowPrivateTargets });
}

/** Creates the worker; nothing is sent until `start()` or `drain()`. */
export function createDeliveryWorker(deps: DeliveryWorkerDeps): DeliveryWorker {
  const { settings } = deps;
  const random = deps.random ?? Math.random;
  const store = createWebhookStore(deps.db);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let wakeRequested = false;

  async function deliver(job: ClaimedJob): Promise<void> {
    const attemptedAt = new Date();
    const result = await sendSigned(deps.keyring, settings, job, attemptedAt);
    const attempt = job.attempts + 1;
    await deps.db.transaction().execute(async (trx) => {
      const tx = createWebhookStore(trx);
      await tx.logAttempt({ id: newId('whd'), subscriptionId: job.subscription_id, eventId: job.event_id, eventType: job.event_type, attempt, result, attemptedAt });
      if (result.error === null) {
        await tx.advanceJob(job.job_id, 'delivered');
        await tx.markSucceeded(job.subscription_id);
        return;
      }
      const givenUp = attempt >= settings.maxAttemptsPerEvent;
      const retryAt = new Date(Date.now() + retryDelaySeconds(attempt, settings, random()) * 1000);
      await tx.advanceJob(job.job_id, givenUp ? 'failed' : { retryAt });
      const reason = `${settings.disableAfterFailures} deliveries failed in a row; the last: ${result.error}`;
      if (await tx.markFailed(job.subscription_id, settings.disableAfterFailures, reason, attemptedAt)) deps.onDisabled(job.subscription_id, reason);
    });
  }

  /** Claims and sends batches until nothing is due. */
  async function deliverDue(): Promise<void> {
    const lockSeconds = settings.requestTimeoutSeconds + 30;
    for (;;) {
      const now = new Date();
      const jobs = await store.claimDueJobs(now, new Date(now.getTime() + lockSeconds * 1000), settings.concurrency);
      await Promise.all(jobs.map(deliver));
      if (jobs.length < settings.concurrency) return;
    }
  }

  /** One pass at a time; a wake-up during a pass schedules one more. */
  function tick(): Promise<void> {
    if (running) {
      wakeRequested = true;
      return running;
    }
    running = deliverDue().catch(deps.onError).finally(() => {
      running = undefined;
      if (wakeRequested && timer) {
        wakeRequested = false;
        void tick();
      }
    });
    return running;
  }

  return {
    start() {
      timer ??= setInterval(() => void tick(), settings.pollSeconds * 1000);
      void tick();
    },
    wake() {
      if (timer) void tick();
    },
    async drain() {
      await running;
      await tick();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
