/**
 * The storage contract, run on both drivers: data and outbox cursors survive a restart, an event
 * a subscriber failed on is delivered again, a rolled-back write leaves nothing behind, events
 * packed into one outbox row reach subscribers one by one with stable ids, each subscriber is
 * leased to one process at a time, and migrations are idempotent.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createPlatform, type Platform } from '../src/app.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { appendEvents } from '../src/platform/outbox/append.ts';
import { createOutboxStream, type OutboxStream } from '../src/platform/outbox/stream.ts';
import { readPartyHistory } from '../src/platform/outbox/history.ts';
import type { EventEnvelope } from '../src/platform/outbox/envelope.ts';
import { createEphemeralKeyring } from '../src/privacy/index.ts';
import { DRIVERS, postgresSkipReason, reopenableTestDatabase, type ReopenableDatabase } from './support/databases.ts';
import { waitUntil } from './support/wait.ts';

const keyring = createEphemeralKeyring();

const event = (subject: string, audience: readonly string[] = []) => ({ type: 'test.happened', occurredAt: new Date().toISOString(), source: 'test', subject, audience, data: { subject } });

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

    it('packs a write\'s events of one audience into one row and unpacks them for every reader', { skip }, async () => {
      await withPlatform(async (platform) => {
        const { db } = platform.database;
        const before = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM outbox`.execute(db)).rows[0]?.n);
        await appendEvents(db, [event('p1', ['PACKER']), event('p2', ['PACKER']), event('p3', ['PACKER']), event('other', ['ELSE'])]);
        await appendEvents(db, [event('p4', ['PACKER'])]);
        const after = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM outbox`.execute(db)).rows[0]?.n);
        assert.equal(after - before, 3, 'one packed row for PACKER, one row each for ELSE and the second write');

        // A batch size below the packed row's size still hands the row over whole, then goes on.
        const stream = createOutboxStream(db, { batchSize: 2 });
        const handed: string[][] = [];
        const ids: string[] = [];
        const subscriber = {
          name: 'packed',
          types: ['test.*'],
          handle: async (events: readonly EventEnvelope[]) => {
            const mine = events.filter((e) => e.subject.startsWith('p'));
            if (mine.length > 0) handed.push(mine.map((e) => e.subject));
            ids.push(...mine.map((e) => e.id));
          },
        };
        stream.subscribe(subscriber);
        await stream.drain();
        assert.deepEqual(handed.flat(), ['p1', 'p2', 'p3', 'p4']);
        assert.ok(handed.some((batch) => batch.join() === 'p1,p2,p3'), 'the packed row is never split');
        assert.equal(new Set(ids).size, 4);
        assert.match(ids[1] ?? '', /^evt_\w+:1$/);

        // Replay reads the same events with the same ids.
        const history = await readPartyHistory(db, { partyId: 'PACKER', recordedFrom: '2000-01-01T00:00:00Z', afterSequence: 0, limit: 2 });
        assert.deepEqual(history.map((e) => e.id), ids.slice(0, 3));
        assert.deepEqual(history.map((e) => e.data), [{ subject: 'p1' }, { subject: 'p2' }, { subject: 'p3' }]);
      });
    });

    /**
     * Streams over one database as separate processes would run them, each with the subscriber
     * `name` recording what it gets; `owners` gives each one's lease length. A process that is to
     * keep its lease through a step gets a long one, so the steps do not depend on the machine's speed.
     */
    function leasedStreams(db: Platform['database']['db'], name: string, owners: Record<string, number>, handled: (owner: string) => Promise<void> = async () => {}) {
      const seen = new Map(Object.keys(owners).map((owner) => [owner, [] as string[]]));
      const streams = Object.entries(owners).map(([owner, leaseMs]) => {
        const stream = createOutboxStream(db, { owner, leaseMs });
        stream.subscribe({
          name,
          types: ['test.*'],
          handle: async (events: readonly EventEnvelope[]) => {
            seen.get(owner)?.push(...events.map((e) => e.subject).filter((subject) => subject.startsWith(name)));
            await handled(owner);
          },
        });
        return stream;
      });
      return { streams, seen: () => Object.fromEntries(seen) };
    }

    /** Drains `stream` until `done` holds, as its poll would; whether it did within 10 s. */
    const drainUntil = (stream: OutboxStream, done: () => boolean) =>
      waitUntil(async () => {
        await stream.drain();
        return done();
      }, 10_000);

    it('leases each subscriber to one process at a time, handed over on a clean stop or when the lease lapses', { skip }, async () => {
      await withPlatform(async (platform) => {
        const db = platform.database.db;
        const { streams: [first, second, third], seen } = leasedStreams(db, 'lease', { first: 60_000, second: 2_000, third: 60_000 });
        assert.ok(first && second && third);
        await appendEvents(db, [event('lease-1')]);
        await first.drain();
        await second.drain();
        assert.deepEqual(seen(), { first: ['lease-1'], second: [], third: [] }, 'the holder alone gets the event');

        await appendEvents(db, [event('lease-2')]);
        await second.drain();
        assert.deepEqual(seen()['second'], [], 'not while another process holds the lease');
        await first.stop();
        await second.drain();
        assert.deepEqual(seen(), { first: ['lease-1'], second: ['lease-2'], third: [] }, 'a clean stop hands over at once, from the cursor');

        // `second` now goes quiet as a crashed process would: its lease lapses and `third` carries on.
        await appendEvents(db, [event('lease-3')]);
        await third.drain();
        assert.deepEqual(seen()['third'], [], 'not before the lease lapses');
        assert.ok(await drainUntil(third, () => seen()['third']?.length === 1));
        assert.deepEqual(seen(), { first: ['lease-1'], second: ['lease-2'], third: ['lease-3'] });
      });
    });

    it('does not move a cursor whose lease another process took while a page was handled', { skip }, async () => {
      await withPlatform(async (platform) => {
        const db = platform.database.db;
        let release = () => {};
        const slowFirstPage = new Promise<void>((resolve) => (release = resolve));
        const { streams: [slow, fast], seen } = leasedStreams(db, 'takeover', { slow: 300, fast: 60_000 }, (owner) => (owner === 'slow' ? slowFirstPage : Promise.resolve()));
        assert.ok(slow && fast);
        await appendEvents(db, [event('takeover-1')]);
        const slowPass = slow.drain();
        assert.ok(await drainUntil(fast, () => seen()['fast']?.length === 1), 'the stuck holder\'s lease lapses');
        await appendEvents(db, [event('takeover-2')]);
        await fast.drain();
        // `slow` finishes its page only now, with the cursor already past it.
        release();
        await slowPass;
        await fast.drain();
        assert.deepEqual(seen(), { slow: ['takeover-1'], fast: ['takeover-1', 'takeover-2'] }, 'at least once, and the late cursor move did not rewind the cursor');
        await slow.drain();
        assert.deepEqual(seen()['slow'], ['takeover-1'], 'the process that lost the lease stays out');
      });
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
