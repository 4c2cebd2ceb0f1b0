/** Rows loaded by COPY arrive as sent, join the caller's transaction and fail it on a broken key, on both drivers. */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { sql } from 'kysely';
import { DRIVERS, openTestDatabase, postgresSkipReason, type TestDatabase } from '../../../test/support/databases.ts';
import { copyRows } from './copy-rows.ts';
import { isUniqueViolation } from './errors.ts';

interface Row {
  name: string;
  note: string | null;
  doc: unknown;
  at: Date;
}

for (const driver of DRIVERS) {
  describe(`copy rows on ${driver}`, async () => {
    const skip = driver === 'postgres' ? await postgresSkipReason() : undefined;
    let database: TestDatabase;
    const rows = async () => (await sql<Row>`SELECT name, note, doc, at FROM copy_probe ORDER BY name`.execute(database.db)).rows;
    before(async () => {
      if (skip) return;
      database = await openTestDatabase(driver);
      await sql`CREATE TABLE copy_probe (name text PRIMARY KEY, note text, doc jsonb, at timestamptz NOT NULL, made_at timestamptz NOT NULL DEFAULT now())`.execute(database.db);
    });
    beforeEach(async () => {
      if (!skip) await sql`TRUNCATE copy_probe`.execute(database.db);
    });
    after(async () => database?.dispose());

    it('loads text with tabs, newlines and backslashes, nulls, JSON and times as sent, and says how many', { skip }, async () => {
      const result = await copyRows('copy_probe', {
        name: ['a plain', 'b tab\there', 'c 大连\nline \\N and \\ back\\slash\r'],
        note: [null, '\\N', 'comma, "quote" {brace}'],
        doc: [{ code: 'F1', name: 'tab\t"q"' }, null, ['x', 2]],
        at: ['2026-11-28T01:02:03.004Z', '2026-11-28T02:00:00.000Z', '2026-11-28T03:00:00.000Z'],
      }).execute(database.db);
      assert.equal(result.numAffectedRows, 3n);
      assert.deepEqual(await rows(), [
        { name: 'a plain', note: null, doc: { code: 'F1', name: 'tab\t"q"' }, at: new Date('2026-11-28T01:02:03.004Z') },
        { name: 'b tab\there', note: '\\N', doc: null, at: new Date('2026-11-28T02:00:00.000Z') },
        { name: 'c 大连\nline \\N and \\ back\\slash\r', note: 'comma, "quote" {brace}', doc: ['x', 2], at: new Date('2026-11-28T03:00:00.000Z') },
      ]);
    });

    it('loads a batch of thousands of rows, every row whole', { skip }, async () => {
      const names = Array.from({ length: 3000 }, (_, i) => `row ${String(i).padStart(4, '0')} ${'大连'.repeat(i % 40)}`);
      await copyRows('copy_probe', { name: names, at: names.map(() => '2026-11-28T00:00:00Z') }).execute(database.db);
      assert.deepEqual((await rows()).map((row) => row.name), names);
    });

    it('belongs to the transaction it runs in', { skip }, async () => {
      await assert.rejects(
        database.db.transaction().execute(async (trx) => {
          await copyRows('copy_probe', { name: ['rolled back'], at: ['2026-11-28T00:00:00Z'] }).execute(trx);
          assert.equal((await sql<{ n: number }>`SELECT count(*)::int AS n FROM copy_probe`.execute(trx)).rows[0]?.n, 1);
          throw new Error('abort');
        }),
        /abort/,
      );
      assert.deepEqual(await rows(), []);
    });

    it('fails as a whole on a duplicate key, and the transaction goes on after rolling back to a savepoint', { skip }, async () => {
      await copyRows('copy_probe', { name: ['kept'], at: ['2026-11-28T00:00:00Z'] }).execute(database.db);
      await database.db.transaction().execute(async (trx) => {
        await sql`SAVEPOINT probe`.execute(trx);
        const failure = await copyRows('copy_probe', { name: ['new', 'kept'], at: ['2026-11-28T00:00:00Z', '2026-11-28T00:00:00Z'] }).execute(trx).then(() => undefined, (error: unknown) => error);
        assert.ok(isUniqueViolation(failure), `expected a unique violation, got ${String(failure)}`);
        await sql`ROLLBACK TO SAVEPOINT probe`.execute(trx);
        await copyRows('copy_probe', { name: ['after'], at: ['2026-11-28T00:00:00Z'] }).execute(trx);
      });
      assert.deepEqual((await rows()).map((row) => row.name), ['after', 'kept']);
    });

    it('leaves other statements alone, with or without parameters', { skip }, async () => {
      const result = await sql<{ copy: string }>`SELECT ${'/* copy */ COPY'}::text AS copy`.execute(database.db);
      assert.deepEqual(result.rows, [{ copy: '/* copy */ COPY' }]);
    });
  });
}
