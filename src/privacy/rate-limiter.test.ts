/**
 * Decrypt rate limits kept in the database, on both drivers: the limits and header figures of a
 * key, one budget for every limiter on the database (as several server processes have), and no
 * overspending under concurrent calls.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openDatabase, type Database } from '../platform/db/connect.ts';
import { DRIVERS, openTestDatabase, postgresSkipReason, type TestDatabase } from '../../test/support/databases.ts';
import { createRateLimitStore } from './rate-limit-store.ts';
import { createRateLimiter } from './rate-limiter.ts';

// 10 calls per 60 s (a token back every 6 s) and 100 items per hour.
const RULES = { calls: { capacity: 10, periodSeconds: 60 }, items: { capacity: 100, periodSeconds: 3600 } };

for (const driver of DRIVERS) {
  describe(`shared rate limits on ${driver}`, async () => {
    const skip = driver === 'postgres' ? await postgresSkipReason() : undefined;
    let database: TestDatabase;
    /** A second handle on the same database, as another server process has: its own pool on PostgreSQL; PGlite is one process, so the same one. */
    let other: Database;
    let clockMs = Date.parse('2026-03-01T08:00:00Z');
    const now = () => new Date(clockMs);
    const limiterOn = (on: Database) => createRateLimiter(createRateLimitStore(on.db), RULES, now);

    before(async () => {
      if (skip) return;
      database = await openTestDatabase(driver);
      other = database.databaseUrl === undefined ? database : await openDatabase({ databaseUrl: database.databaseUrl });
    });
    after(async () => {
      if (other !== database) await other?.close();
      await database?.dispose();
    });

    it('allows 10 calls a minute, refuses the eleventh with the header figures and refills a token every 6 s', { skip }, async () => {
      const limiter = limiterOn(database);
      for (let i = 9; i >= 0; i--) {
        assert.deepEqual(await limiter.take('key_calls', 1), { allowed: true, limit: 10, remaining: i, resetSeconds: 6 * (10 - i), retryAfterSeconds: 0 });
      }
      assert.deepEqual(await limiter.take('key_calls', 1), { allowed: false, limit: 10, remaining: 0, resetSeconds: 60, retryAfterSeconds: 6, exceeded: '10 calls per 60 s' });
      clockMs += 6_000;
      assert.equal((await limiter.take('key_calls', 1)).allowed, true);
      assert.equal((await limiter.take('key_calls', 1)).allowed, false);
    });

    it('refuses a call whose items do not fit and charges it nothing', { skip }, async () => {
      const limiter = limiterOn(database);
      assert.equal((await limiter.take('key_items', 60)).allowed, true);
      // 40 items left: 50 more need 10 × 36 s.
      const refused = await limiter.take('key_items', 50);
      assert.equal(refused.allowed, false);
      assert.equal(refused.exceeded, '100 items per 3600 s');
      assert.equal(refused.retryAfterSeconds, 360);
      const fits = await limiter.take('key_items', 40);
      assert.equal(fits.allowed, true);
      assert.equal(fits.remaining, 8, 'the refused call took no call token');
      assert.equal((await limiter.take('key_items', 1)).allowed, false, 'the refused call took no items');
    });

    it('gives limiters on one database one budget per key', { skip }, async () => {
      const first = limiterOn(database);
      const second = limiterOn(other);
      for (let i = 0; i < 6; i++) assert.equal((await first.take('key_shared', 1)).allowed, true);
      for (let i = 0; i < 4; i++) assert.equal((await second.take('key_shared', 1)).allowed, true);
      assert.equal((await second.take('key_shared', 1)).allowed, false);
      assert.equal((await first.take('key_shared', 1)).allowed, false);
      assert.equal((await first.take('key_another', 1)).remaining, 9, 'another key has its own buckets');
    });

    it('never spends the same tokens twice under concurrent calls from two limiters', { skip }, async () => {
      const first = limiterOn(database);
      const second = limiterOn(other);
      // A new key, so the calls also race to create its buckets.
      const verdicts = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? first : second).take('key_race', 1)));
      const allowed = verdicts.filter((verdict) => verdict.allowed);
      assert.equal(allowed.length, 10);
      assert.deepEqual(allowed.map((verdict) => verdict.remaining).sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    });
  });
}
