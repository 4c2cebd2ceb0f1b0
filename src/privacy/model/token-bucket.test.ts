import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { judge, refill, type BucketRule } from './token-bucket.ts';

// 10 calls per 60 s: one token comes back every 6 s.
const calls: BucketRule = { capacity: 10, periodSeconds: 60 };

describe('token bucket', () => {
  it('starts full and refuses the eleventh call in the same instant', () => {
    let state = refill(calls, undefined, 0);
    for (let i = 0; i < 10; i++) {
      const verdict = judge(calls, state, 1);
      assert.equal(verdict.allowed, true);
      state = { tokens: state.tokens - 1, atMs: 0 };
    }
    const refused = judge(calls, state, 1);
    // 0 tokens left; 1 token needs 1 / (10/60) = 6 s; full again after 10 × 6 = 60 s.
    assert.deepEqual(refused, { allowed: false, remaining: 0, resetSeconds: 60, retryAfterSeconds: 6 });
  });

  it('refills continuously and never beyond capacity', () => {
    // 3 tokens at t = 0; after 12 s, 12 × 10/60 = 2 more → 5.
    assert.equal(refill(calls, { tokens: 3, atMs: 0 }, 12_000).tokens, 5);
    assert.equal(refill(calls, { tokens: 3, atMs: 0 }, 3_600_000).tokens, 10);
  });

  it('charges a cost of several tokens at once', () => {
    // 1,000 items per hour with 40 left: 100 items do not fit; 60 more need 60 × 3.6 s = 216 s.
    const items: BucketRule = { capacity: 1000, periodSeconds: 3600 };
    assert.equal(judge(items, { tokens: 40, atMs: 0 }, 100).retryAfterSeconds, 216);
    assert.equal(judge(items, { tokens: 400, atMs: 0 }, 100).remaining, 300);
  });
});
