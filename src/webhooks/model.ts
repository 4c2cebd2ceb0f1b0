/**
 * Webhook rules with no I/O: subscription shapes, event-type filters, the retry schedule and the
 * delivery settings an operator can tune.
 */

export type SubscriptionStatus = 'active' | 'disabled';

/** A party's webhook endpoint as the API shows it (never with its secret). */
export interface Subscription {
  readonly id: string;
  readonly url: string;
  readonly event_types: string[];
  readonly description: string | null;
  readonly status: SubscriptionStatus;
  readonly disabled_reason: string | null;
  readonly disabled_at: string | null;
  readonly consecutive_failures: number;
  /** While a rotated-out secret still signs, when it stops; null outside a rotation. */
  readonly previous_secret_expires_at: string | null;
  readonly created_at: string;
}

/** One attempt to deliver one event, as the delivery log shows it. */
export interface DeliveryAttempt {
  readonly id: string;
  readonly event_id: string;
  readonly event_type: string;
  readonly attempt: number;
  readonly outcome: 'delivered' | 'failed';
  /** The receiver's HTTP status, or null when no response came (refused, timeout, DNS). */
  readonly status_code: number | null;
  readonly duration_seconds: number;
  readonly error: string | null;
  readonly attempted_at: string;
}

/** How deliveries are retried and when an endpoint is given up on. Durations in seconds. */
export interface DeliverySettings {
  /** Deliver to loopback, private and link-local addresses (local development and tests only). */
  readonly allowPrivateTargets: boolean;
  /** Per request, connection to last byte. */
  readonly requestTimeoutSeconds: number;
  /** Delay before the first retry; each later retry waits `retryFactor` times longer. */
  readonly firstRetrySeconds: number;
  readonly retryFactor: number;
  readonly maxRetrySeconds: number;
  /** After this many attempts one event is marked failed (replay can send it again). */
  readonly maxAttemptsPerEvent: number;
  /** This many failed attempts in a row, with no success between, disable the subscription. */
  readonly disableAfterFailures: number;
  /** How often the worker looks for due jobs when nothing wakes it. */
  readonly pollSeconds: number;
  /** Requests in flight at once per worker. */
  readonly concurrency: number;
}

export const DEFAULT_DELIVERY_SETTINGS: DeliverySettings = {
  allowPrivateTargets: false,
  requestTimeoutSeconds: 10,
  firstRetrySeconds: 10,
  retryFactor: 3,
  maxRetrySeconds: 3600,
  maxAttemptsPerEvent: 15,
  disableAfterFailures: 10,
  pollSeconds: 1,
  concurrency: 16,
};

/** How long a rotated-out secret keeps signing unless the caller says otherwise: 24 h. */
export const DEFAULT_ROTATION_GRACE_SECONDS = 24 * 3600;
export const MAX_ROTATION_GRACE_SECONDS = 7 * 24 * 3600;
export const MAX_SUBSCRIPTIONS_PER_PARTY = 25;

/**
 * Wait before retry number `attempt` (1 = the first retry): first × factor^(attempt-1), capped,
 * then "equal jitter" — half fixed, half random — so receivers that failed together do not get
 * every retry at the same instant. `random` is in [0, 1).
 */
export function retryDelaySeconds(attempt: number, settings: DeliverySettings, random: number): number {
  const base = Math.min(settings.maxRetrySeconds, settings.firstRetrySeconds * settings.retryFactor ** (attempt - 1));
  return base / 2 + (base / 2) * random;
}

const FILTER_PATTERN = /^(\*|[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*(\.\*)?)$/;

/** Problems with a list of event-type filters, for a 400 the caller can act on; empty when fine. */
export function eventTypeFilterProblems(filters: readonly string[]): string[] {
  const problems = filters
    .filter((filter) => !FILTER_PATTERN.test(filter))
    .map((filter) => `event_types: "${filter}" is neither an event type (parcel.tracking_updated) nor a prefix ending in .* (parcel.*)`);
  if (new Set(filters).size !== filters.length) problems.push('event_types: a filter is listed twice');
  return problems;
}

/** Why a URL cannot be a webhook target (scheme, credentials, fragment), or undefined when it can. */
export function webhookUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `url "${url}" is not an absolute URL such as https://example.com/hooks`;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return `url must use https (or http), not ${parsed.protocol}`;
  if (parsed.username || parsed.password) return 'url must not carry a user name or password; authenticate by checking X-Signature';
  if (parsed.hash) return 'url must not have a #fragment';
  return undefined;
}
