/** Rows sent as JSON column arrays come back as the values that went in, on both drivers. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { DRIVERS, openTestDatabase, postgresSkipReason, type TestDatabase } from '../../../test/support/databases.ts';
import { jsonRows } from './json-rows.ts';

for (const driver of DRIVERS) {
  describe(`json rows on ${driver}`, async () => {
    const skip = driver === 'postgres' ? await postgresSkipReason() : undefined;
    let database: TestDatabase;
    before(async () => {
      if (!skip) database = await openTestDatabase(driver);
    });
    after(async () => database?.dispose());

    it('zips the columns into rows, text columns as text and json columns as JSON values', { skip }, async () => {
      const rows = jsonRows('r', {
        name: ['plain', 'quote " and \\ back,slash', '大连 {comma, brace}', null],
        count: [1, 2, 3, 4],
        doc: [{ a: 1 }, 'a string', null, [1, 'two']],
      }, ['doc']);
      const result = await sql<{ name: string | null; count: number; doc: unknown }>`
        SELECT name, count::int AS count, doc FROM ${rows}`.execute(database.db);
      assert.deepEqual(result.rows, [
        { name: 'plain', count: 1, doc: { a: 1 } },
        { name: 'quote " and \\ back,slash', count: 2, doc: 'a string' },
        { name: '大连 {comma, brace}', count: 3, doc: null },
        { name: null, count: 4, doc: [1, 'two'] },
      ]);
    });
  });
}
