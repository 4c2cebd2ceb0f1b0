/**
 * Replay: queue a party's past events again for one subscription, from a time, so a receiver
 * that was down or disabled catches up. Events it already received come again (receivers
 * de-duplicate by event id). One call handles a bounded number of events and says where to go on.
 */
import type { Kysely } from 'kysely';
import { readPartyHistory } from '../platform/outbox/history.ts';
import { jobFor, recipientsOf } from './fan-out.ts';
import { createWebhookStore, type SubscriptionRow } from './store.ts';

/** Events read per page, and at most per call. */
const PAGE_SIZE = 1000;
export const MAX_EVENTS_PER_REPLAY = 10_000;

export interface ReplayResult {
  /** Events queued for delivery (those the subscription's filters match). */
  readonly replayed: number;
  readonly has_more: boolean;
  /** Pass as `after_sequence` with the same `from` to continue; null when done. */
  readonly next_after_sequence: number | null;
}

/** Queues the subscription's matching events recorded at or after `from`, after `afterSequence`. */
export async function replayEvents(db: Kysely<object>, subscription: SubscriptionRow, from: string, afterSequence: number): Promise<ReplayResult> {
  const store = createWebhookStore(db);
  let cursor = afterSequence;
  let scanned = 0;
  let replayed = 0;
  for (;;) {
    const events = await readPartyHistory(db, { partyId: subscription.party_id, recordedFrom: from, afterSequence: cursor, limit: PAGE_SIZE });
    const jobs = events.filter((event) => recipientsOf(event, [subscription]).length > 0).map((event) => jobFor(subscription.id, event));
    await store.enqueueJobs(jobs, new Date(), 'requeue');
    replayed += jobs.length;
    scanned += events.length;
    cursor = events.at(-1)?.sequence ?? cursor;
    if (events.length < PAGE_SIZE) return { replayed, has_more: false, next_after_sequence: null };
    if (scanned >= MAX_EVENTS_PER_REPLAY) return { replayed, has_more: true, next_after_sequence: cursor };
  }
}
