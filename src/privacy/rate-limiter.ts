/**
 * Per-key limits on decryption: calls per minute and items per hour, each a token bucket kept in
 * this process's memory (one server per database today; a restart refills the buckets).
 */
import { judge, refill, type BucketRule, type BucketState } from './model/token-bucket.ts';

/** What the route puts in the RateLimit-* headers, and whether the call may go on. */
export interface RateLimitVerdict {
  readonly allowed: boolean;
  readonly limit: number;
  readonly remaining: number;
  readonly resetSeconds: number;
  readonly retryAfterSeconds: number;
  /** The binding limit, for the 429 message. */
  readonly exceeded?: string;
}

/** Creates a limiter with a calls bucket and an items bucket per key id. */
export function createRateLimiter(rules: { calls: BucketRule; items: BucketRule }, now: () => Date) {
  const buckets = new Map<string, { calls: BucketState; items: BucketState }>();
  return {
    /** Charges one call and `items` items to the key when both fit; charges nothing otherwise. */
    take(keyId: string, items: number): RateLimitVerdict {
      const nowMs = now().getTime();
      const held = buckets.get(keyId);
      const calls = refill(rules.calls, held?.calls, nowMs);
      const itemBucket = refill(rules.items, held?.items, nowMs);
      const callVerdict = judge(rules.calls, calls, 1);
      const itemVerdict = judge(rules.items, itemBucket, items);
      const allowed = callVerdict.allowed && itemVerdict.allowed;
      buckets.set(keyId, allowed
        ? { calls: { tokens: calls.tokens - 1, atMs: nowMs }, items: { tokens: itemBucket.tokens - items, atMs: nowMs } }
        : { calls, items: itemBucket });
      return {
        allowed,
        limit: rules.calls.capacity,
        remaining: callVerdict.remaining,
        resetSeconds: callVerdict.resetSeconds,
        retryAfterSeconds: Math.max(callVerdict.retryAfterSeconds, itemVerdict.retryAfterSeconds),
        ...(callVerdict.allowed ? {} : { exceeded: `${rules.calls.capacity} calls per ${rules.calls.periodSeconds} s` }),
        ...(itemVerdict.allowed ? {} : { exceeded: `${rules.items.capacity} items per ${rules.items.periodSeconds} s` }),
      };
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
