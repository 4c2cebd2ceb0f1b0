/**
 * Per-key limits on decryption: calls per minute and items per hour, each a token bucket kept in
 * the database (rate-limit-store.ts), so every server process on one database spends from the
 * same buckets and a restart keeps them.
 */
import { judge, refill, type BucketRule } from './model/token-bucket.ts';
import type { RateLimitStore } from './rate-limit-store.ts';

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
export function createRateLimiter(store: RateLimitStore, rules: { calls: BucketRule; items: BucketRule }, now: () => Date) {
  return {
    /** Charges one call and `items` items to the key when both fit; charges nothing otherwise. */
    take(keyId: string, items: number): Promise<RateLimitVerdict> {
      // What a key's first call finds: both buckets full.
      const startMs = now().getTime();
      const fresh = { calls: refill(rules.calls, undefined, startMs), items: refill(rules.items, undefined, startMs) };
      return store.charge(keyId, fresh, (held) => {
        // The clock is read under the key's lock: a charge that queued behind another is timed
        // after it, so the time it waited is not refilled twice.
        const nowMs = now().getTime();
        const calls = refill(rules.calls, held.calls, nowMs);
        const itemBucket = refill(rules.items, held.items, nowMs);
        const callVerdict = judge(rules.calls, calls, 1);
        const itemVerdict = judge(rules.items, itemBucket, items);
        const allowed = callVerdict.allowed && itemVerdict.allowed;
        return {
          next: allowed
            ? { calls: { tokens: calls.tokens - 1, atMs: nowMs }, items: { tokens: itemBucket.tokens - items, atMs: nowMs } }
            : { calls, items: itemBucket },
          result: {
            allowed,
            limit: rules.calls.capacity,
            remaining: callVerdict.remaining,
            resetSeconds: callVerdict.resetSeconds,
            retryAfterSeconds: Math.max(callVerdict.retryAfterSeconds, itemVerdict.retryAfterSeconds),
            ...(callVerdict.allowed ? {} : { exceeded: `${rules.calls.capacity} calls per ${rules.calls.periodSeconds} s` }),
            ...(itemVerdict.allowed ? {} : { exceeded: `${rules.items.capacity} items per ${rules.items.periodSeconds} s` }),
          },
        };
      });
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
