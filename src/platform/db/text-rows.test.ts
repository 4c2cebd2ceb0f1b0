/** Rows aggregated as text come back with their values, NULLs as null, on both drivers. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { DRIVERS, openTestDatabase, postgresSkipReason, type TestDatabase } from '../../../test/support/databases.ts';
import { isoText } from './iso-text.ts';
import { parseTextRows, textRowsAgg } from './text-rows.ts';

describe('parseTextRows', () => {
  it('reads no rows from null', () => assert.deepEqual(parseTextRows(null, 3), []));

  it('refuses a row of the wrong width instead of shifting columns', () => {
    assert.throws(() => parseTextRows('a\tb\nc', 2), /1 columns where 2 were read/);
  });
});

for (const driver of DRIVERS) {
  describe(`text rows on ${driver}`, async () => {
    const skip = driver === 'postgres' ? await postgresSkipReason() : undefined;
    let database: TestDatabase;
    before(async () => {
      if (!skip) database = await openTestDatabase(driver);
    });
    after(async () => database?.dispose());

    it('gives each row its columns as text, NULL as null and times as API text', { skip }, async () => {
      const result = await sql<{ rows: string | null }>`
        SELECT ${textRowsAgg(['id', 'count', 'code', isoText('at')])} AS rows FROM (VALUES
          ('prc_1', 1, 'in_transit', timestamptz '2026-12-01 10:00:00.25+08'),
          ('prc_2', 20, NULL, NULL)) v(id, count, code, at)`.execute(database.db);
      const rows = parseTextRows(result.rows[0]?.rows ?? null, 4).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
      assert.deepEqual(rows, [
        ['prc_1', '1', 'in_transit', '2026-12-01T02:00:00.250Z'],
        ['prc_2', '20', null, null],
      ]);
    });

    it('aggregates no rows to null', { skip }, async () => {
      const result = await sql<{ rows: string | null }>`SELECT ${textRowsAgg(['id'])} AS rows FROM (SELECT 'x' AS id WHERE false) v`.execute(database.db);
      assert.deepEqual(parseTextRows(result.rows[0]?.rows ?? null, 1), []);
    });
  });
}
