import assert from 'node:assert/strict';
import { test } from 'node:test';
import { arrayOf, documentRoot, numberWhere, objectWith, optional, pairOf, recordOf, type Shape, text } from './json-shape.ts';

interface Stop {
  name: string;
  load?: number[];
  window?: [number, number];
}

const count = numberWhere('a non-negative integer', (n) => Number.isInteger(n) && n >= 0);
const stop = objectWith<Stop>({
  name: text,
  load: optional(arrayOf(count, 'an array of counts')),
  window: optional(pairOf(count, 'a [start, end] pair')),
});

/** Every "<path> <problem>" line `shape` reports for `value`, and whether it passed. */
function mismatches<T>(shape: Shape<T>, value: unknown): { fits: boolean; lines: string[] } {
  const lines: string[] = [];
  const fits = shape.check(value, () => 'stop', (path, problem) => lines.push(`${path} ${problem}`));
  return { fits, lines };
}

test('a fitting value passes with no report', () => {
  assert.deepEqual(mismatches(stop, { name: 'A', load: [0, 3], window: [0, 60] }), { fits: true, lines: [] });
  assert.deepEqual(mismatches(stop, { name: 'B' }), { fits: true, lines: [] });
});

test('every mismatch is reported with its path, unknown fields first', () => {
  const value = { load: [1, -2, 'x'], window: [5], colour: 'red' };
  assert.deepEqual(mismatches(stop, value), {
    fits: false,
    lines: [
      'stop.colour is not a supported field',
      'stop is missing name',
      'stop.load[1] must be a non-negative integer',
      'stop.load[2] must be a non-negative integer',
      'stop.window must be a [start, end] pair, got 1 items',
    ],
  });
});

test('containers of the wrong kind are named by their description', () => {
  assert.deepEqual(mismatches(stop, [1]).lines, ['stop must be an object']);
  const wrongKinds = mismatches(stop, { name: 7, load: 4 }).lines;
  assert.deepEqual(wrongKinds, ['stop.name must be a string', 'stop.load must be an array of counts']);
  assert.deepEqual(mismatches(arrayOf(stop, 'an array of stops', true), []).lines, ['stop must not be empty']);
});

test('a record checks every value under its key; the root path is the bare field name', () => {
  const byDepot = recordOf(stop, 'an object mapping depot names to stops');
  const depots = { north: { name: 'N' }, south: { name: 1 } };
  assert.deepEqual(mismatches(byDepot, depots).lines, ['stop.south.name must be a string']);
  assert.deepEqual(mismatches(byDepot, 'north').lines, ['stop must be an object mapping depot names to stops']);
  const root: string[] = [];
  stop.check({ name: 'A', extra: 1 }, documentRoot, (path, problem) => root.push(`${path} ${problem}`));
  assert.deepEqual(root, ['extra is not a supported field']);
});
