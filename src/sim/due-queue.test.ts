import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDueQueue } from './due-queue.ts';

test('takes exactly the items due, earliest first, and keeps the rest', () => {
  const queue = createDueQueue<string>();
  for (const [due, item] of [[30, 'c'], [10, 'a'], [50, 'e'], [20, 'b'], [40, 'd']] as const) queue.push(due, item);
  // Due at or before 30: a (10), b (20), c (30); d (40) and e (50) stay.
  assert.deepEqual(queue.takeDue(30), ['a', 'b', 'c']);
  assert.equal(queue.size, 2);
  assert.equal(queue.peekDueMs(), 40);
  assert.deepEqual(queue.takeDue(100), ['d', 'e']);
  assert.equal(queue.peekDueMs(), undefined);
});
