/** Marked statements run prepared on PostgreSQL, once per connection; other statements do not. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openTestDatabase, postgresSkipReason, type TestDatabase } from '../../../test/support/databases.ts';
import { prepared } from './prepared-statements.ts';

describe('prepared statements on postgres', async () => {
  const skip = await postgresSkipReason();
  let database: TestDatabase;
  before(async () => {
    if (!skip) database = await openTestDatabase('postgres');
  });
  after(async () => database?.dispose());

  it('prepares a marked statement once per connection and answers as an unmarked one does', { skip }, async () => {
    await database.db.connection().execute(async (db) => {
      const marked = (n: number) => sql<{ doubled: number }>`${prepared}SELECT ${n}::int * 2 AS doubled`.execute(db);
      assert.deepEqual((await marked(2)).rows, [{ doubled: 4 }]);
      assert.deepEqual((await marked(21)).rows, [{ doubled: 42 }]);
      assert.deepEqual((await sql<{ doubled: number }>`SELECT ${21}::int * 2 AS doubled`.execute(db)).rows, [{ doubled: 42 }]);
      const statements = await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements`.execute(db);
      assert.deepEqual(statements.rows.map((row) => row.statement), ['/* prepared */ SELECT $1::int * 2 AS doubled']);
    });
  });

  it('leaves callback-style and parameterless queries of the pool as they were', { skip }, async () => {
    const client = await database.pool.connect();
    try {
      const viaCallback = await new Promise((resolve, reject) => client.query('SELECT 1 AS one', [], (error, result) => (error ? reject(error) : resolve(result.rows))));
      assert.deepEqual(viaCallback, [{ one: 1 }]);
      assert.deepEqual((await client.query('/* prepared */ SELECT 2 AS two')).rows, [{ two: 2 }]);
    } finally {
      client.release();
    }
  });
});
