/**
 * @module Token buckets for per-key rate limits: a bucket holds up to `capacity` tokens and
 * refills continuously at `capacity / periodSeconds`; a request costs some tokens and is refused
 * when the bucket holds fewer. Pure: the caller keeps the state and passes the clock.
 */

/** A limit such as "10 calls per 60 s". */
export interface BucketRule {
  readonly capacity: number;
  readonly periodSeconds: number;
}

/** A bucket's state: tokens left at `atMs`. */
export interface BucketState {
  readonly tokens: number;
  readonly atMs: number;
}

/** What a check found, for the RateLimit-* and Retry-After headers. */
export interface BucketVerdict {
  readonly allowed: boolean;
  /** Whole tokens left after this request (or now, when refused). */
  readonly remaining: number;
  /** Seconds until the bucket is full again. */
  readonly resetSeconds: number;
  /** Seconds until this request's cost would fit; 0 when allowed. */
  readonly retryAfterSeconds: number;
}

/** The bucket refilled up to `nowMs`; a missing bucket is full. */
export function refill(rule: BucketRule, state: BucketState | undefined, nowMs: number): BucketState {
  if (state === undefined) return { tokens: rule.capacity, atMs: nowMs };
  const perMs = rule.capacity / (rule.periodSeconds * 1000);
  const tokens = Math.min(rule.capacity, state.tokens + Math.max(0, nowMs - state.atMs) * perMs);
  return { tokens, atMs: nowMs };
}

/** Whether `cost` fits into the (refilled) bucket, with the header figures either way. */
export function judge(rule: BucketRule, state: BucketState, cost: number): BucketVerdict {
  const perSecond = rule.capacity / rule.periodSeconds;
  const allowed = cost <= state.tokens;
  const left = allowed ? state.tokens - cost : state.tokens;
  return {
    allowed,
    remaining: Math.floor(left),
    resetSeconds: Math.ceil((rule.capacity - left) / perSecond),
    retryAfterSeconds: allowed ? 0 : Math.ceil((Math.min(cost, rule.capacity) - state.tokens) / perSecond),
  };
}
