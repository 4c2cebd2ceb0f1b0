/**
 * The storage contract, run on both drivers: data and outbox cursors survive a restart, an event
 * a subscriber failed on is delivered again, a rolled-back write leaves nothing behind, and
 * migrations are idempotent.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createPlatform, type Platform } from '../src/app.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { appendEvents } from '../src/platform/outbox/append.ts';
import type { EventEnvelope } from '../src/platform/outbox/envelope.ts';
import { createEphemeralKeyring } from '../src/privacy/index.ts';
import { DRIVERS, postgresSkipReason, reopenableTestDatabase, type ReopenableDatabase } from './support/databases.ts';

const keyring = createEphemeralKeyring();

const event = (subject: string) => ({ type: 'test.happened', occurredAt: new Date().toISOString(), source: 'test', subject, audience: [], data: { subject } });

for (const driver of DRIVERS) {
  describe(`storage contract on ${driver}`, async () => {
    const skip = driver === 'postgres' ? await postgresSkipReason() : undefined;
    let store: ReopenableDatabase;
    before(async () => {
      if (!skip) store = await reopenableTestDatabase(driver);
    });
    after(async () => store?.dispose());

    async function withPlatform<T>(body: (platform: Platform) => Promise<T>): Promise<T> {
      const platform = await createPlatform({ database: await store.open(), keyring, logger: false });
      try {
        return await body(platform);
      } finally {
        await platform.close();
      }
    }

    it('applies migrations idempotently', { skip }, async () => {
      const database = await store.open();
      try {
        assert.deepEqual(await migrateToLatest(database.db), []);
      } finally {
        await database.close();
      }
    });

    it('keeps data and undelivered events across a restart, and delivers each once', { skip }, async () => {
      const seen: string[] = [];
      const subscriber = { name: 'contract', types: ['test.*'], handle: async (events: readonly EventEnvelope[]) => void seen.push(...events.map((e) => e.subject)) };
      await withPlatform(async (platform) => {
        await platform.tenancy.createParty({ kind: 'platform', code: 'DURABLE', name: 'Durable shop' });
        platform.stream.subscribe(subscriber);
        await appendEvents(platform.database.db, [event('a')]);
        await platform.stream.drain();
        await appendEvents(platform.database.db, [event('b')]);
      });
      assert.deepEqual(seen, ['a']);
      await withPlatform(async (platform) => {
        assert.equal((await platform.tenancy.findPartyByCode('DURABLE'))?.name, 'Durable shop');
        platform.stream.subscribe(subscriber);
        await platform.stream.drain();
      });
      assert.deepEqual(seen, ['a', 'b']);
    });

    it('redelivers a batch its subscriber failed on', { skip }, async () => {
      const seen: string[] = [];
      let failures = 1;
      await withPlatform(async (platform) => {
        platform.stream.subscribe({
          name: 'flaky',
          types: ['test.*'],
          handle: async (events) => {
            if (failures-- > 0) throw new Error('receiver down');
            seen.push(...events.map((e) => e.subject));
          },
        });
        await appendEvents(platform.database.db, [event('c')]);
        await platform.stream.drain();
        assert.deepEqual(seen, []);
        await platform.stream.drain();
      });
      assert.ok(seen.includes('c'));
    });

    it('leaves nothing behind when a transaction rolls back', { skip }, async () => {
      await withPlatform(async (platform) => {
        const count = async () => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM outbox WHERE subject = 'rolled-back'`.execute(platform.database.db)).rows[0]?.n);
        await assert.rejects(
          platform.database.db.transaction().execute(async (trx) => {
            await appendEvents(trx, [event('rolled-back')]);
            throw new Error('abort');
          }),
        );
        assert.equal(await count(), 0);
      });
    });
  });
}
