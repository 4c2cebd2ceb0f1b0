/**
 * Turns outbox events into delivery jobs: each event goes to the active subscriptions of the
 * parties in its audience whose filters match. The stream hands events over at least once, and
 * the (subscription, event) key makes a second hand-over write nothing.
 */
import type { Kysely } from 'kysely';
import { newId } from '../platform/ids.ts';
import type { RoutedEnvelope } from '../platform/outbox/envelope.ts';
import { matchesEventTypes, type Subscriber } from '../platform/outbox/stream.ts';
import { createWebhookStore, type NewJob, type SubscriptionRow } from './store.ts';

/** The job that sends `event` to one subscription; the body is the envelope without its routing audience. */
export function jobFor(subscriptionId: string, event: RoutedEnvelope): NewJob {
  const { audience, ...envelope } = event;
  return { id: newId('whj'), subscriptionId, eventId: event.id, eventType: event.type, body: JSON.stringify(envelope) };
}

/** Which of `subscriptions` should receive `event`. */
export function recipientsOf(event: RoutedEnvelope, subscriptions: readonly SubscriptionRow[]): SubscriptionRow[] {
  return subscriptions.filter((subscription) => event.audience.includes(subscription.party_id) && matchesEventTypes(subscription.event_types, event.type));
}

/** The outbox subscriber that writes delivery jobs, then wakes the worker. */
export function webhookFanOut(db: Kysely<object>, wake: () => void): Subscriber {
  const store = createWebhookStore(db);
  return {
    name: 'webhooks',
    async handle(events) {
      const subscriptions = await store.activeSubscriptionsOf([...new Set(events.flatMap((event) => event.audience))]);
      if (subscriptions.length === 0) return;
      const jobs = events.flatMap((event) => recipientsOf(event, subscriptions).map((subscription) => jobFor(subscription.id, event)));
      await store.enqueueJobs(jobs, new Date(), 'keep');
      if (jobs.length > 0) wake();
    },
  };
}
