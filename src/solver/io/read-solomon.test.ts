import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { readSolomon } from './read-solomon.ts';

const tiny = readFileSync(new URL('./fixtures/tiny3.txt', import.meta.url), 'utf8');
const solomonC101 = new URL('../../../../shared/data/vrp/solomon/instances/c101.txt', import.meta.url);

test('reads the CRLF fixture with trailing blanks: fleet, capacity, depot horizon, customers', () => {
  const instance = readSolomon(tiny, 'tiny3.txt');
  assert.equal(instance.name, 'tiny3');
  assert.equal(instance.fleetSize, 2);
  assert.equal(instance.capacity, 10);
  assert.deepEqual(instance.depot, { id: 0, x: 0, y: 0, demand: 0, ready: 0, due: 100, service: 0 });
  assert.deepEqual(
    instance.customers.map((c) => [c.id, c.x, c.y, c.demand, c.ready, c.due, c.service]),
    [
      [1, 3, 4, 5, 0, 15, 2],
      [2, 6, 8, 5, 10, 30, 2],
      [3, 0, -5, 3, 0, 50, 0],
    ],
  );
});

test('malformed rows are reported with the file name and line number', () => {
  const shortRow = tiny.replace('    2      6          8           5         10         30          2', '    2      6   8');
  assert.throws(() => readSolomon(shortRow, 'bad.txt'), /bad\.txt line 12: expected 7 numbers \(id x y demand ready due service\), found 3/);
  const notNumber = tiny.replace('  2         10', '  2         ten');
  assert.throws(() => readSolomon(notNumber, 'bad.txt'), /bad\.txt line 5: "ten" is not a number/);
  const inverted = tiny.replace('10         30', '40         30');
  assert.throws(() => readSolomon(inverted, 'bad.txt'), /line 12: ready time 40 is after due date 30/);
  assert.throws(() => readSolomon('', 'empty.txt'), /empty\.txt: file is empty/);
  assert.throws(() => readSolomon('X\nVEHICLE\n', 'cut.txt'), /cut\.txt: missing "NUMBER" header/);
});

test('reads Solomon c101 from the shared data', (t) => {
  if (!existsSync(solomonC101)) return t.skip('../shared/data absent');
  const instance = readSolomon(readFileSync(solomonC101, 'utf8'), 'c101.txt');
  assert.equal(instance.name, 'c101');
  assert.equal(instance.customers.length, 100);
  assert.equal(instance.fleetSize, 25);
  assert.equal(instance.capacity, 200);
  assert.equal(instance.depot.due, 1236);
  assert.deepEqual(instance.customers[0], { id: 1, x: 45, y: 68, demand: 10, ready: 912, due: 967, service: 90 });
});
