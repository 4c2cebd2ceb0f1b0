/** A query answered through its callback settles our promise with the result or the error. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { settledByCallback } from './settled-by-callback.ts';

type Callback = (error: Error | null, result?: unknown) => void;

describe('settledByCallback', () => {
  it('passes the arguments with a callback last and resolves with the result', async () => {
    const seen: unknown[][] = [];
    const query = (...args: unknown[]) => {
      seen.push(args.slice(0, -1));
      (args.at(-1) as Callback)(null, { rows: [1] });
    };
    assert.deepEqual(await settledByCallback(query, ['SELECT $1', [1]]), { rows: [1] });
    assert.deepEqual(seen, [['SELECT $1', [1]]]);
  });

  it('rejects with the error the callback gets', async () => {
    const query = (...args: unknown[]) => setImmediate(() => (args.at(-1) as Callback)(new Error('relation does not exist')));
    await assert.rejects(settledByCallback(query, ['SELECT * FROM nowhere']), /relation does not exist/);
  });
});
