import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { readCvrplib, unlimitedFleetBound } from './read-cvrplib.ts';

const tiny = readFileSync(new URL('./fixtures/tiny4.vrp', import.meta.url), 'utf8');
const xDir = new URL('../../../../shared/data/vrp/cvrplib-x/instances/', import.meta.url);

test('reads the tab/CRLF fixture; the depot (node 2) moves to the front', () => {
  const instance = readCvrplib(tiny, 'tiny4.vrp');
  assert.equal(instance.name, 'tiny4');
  assert.equal(instance.rounding, 'nint');
  assert.equal(instance.capacity, 10);
  assert.deepEqual(instance.depot, { id: 2, x: 0, y: 0, demand: 0, ready: 0, due: Infinity, service: 0 });
  assert.deepEqual(
    instance.customers.map((c) => [c.id, c.demand]),
    [
      [1, 6],
      [3, 3],
      [4, 6],
    ],
  );
  // Demand 15, capacity 10: floor(2 * 15 / 10) + 1 = 4 routes, capped by the 3 customers.
  assert.equal(instance.fleetSize, 3);
});

test('unlimited fleet bound: floor(2 * demand / capacity) + 1', () => {
  const customers = Array.from({ length: 10 }, (_, i) => ({ id: i, x: 0, y: 0, demand: 7, ready: 0, due: Infinity, service: 0 }));
  // 70 demand, capacity 20 → floor(140 / 20) + 1 = 8 (at most one route is half full or less).
  assert.equal(unlimitedFleetBound(customers, 20), 8);
});

test('malformed files are reported with what to fix', () => {
  assert.throws(() => readCvrplib(tiny.replace('EUC_2D', 'GEO'), 'a.vrp'), /a\.vrp: EDGE_WEIGHT_TYPE GEO is not supported \(only EUC_2D\)/);
  assert.throws(() => readCvrplib(tiny.replace('CAPACITY : \t10', 'CAPACITY : \tmany'), 'a.vrp'), /CAPACITY must be a positive integer, found "many"/);
  assert.throws(() => readCvrplib(tiny.replace('3\t1\t1\r\n', '3\t1\r\n'), 'a.vrp'), /a\.vrp line 10: expected 3 numbers \(node x y\), found 2/);
  assert.throws(() => readCvrplib(tiny.replace('4\t6\t\r\n', ''), 'a.vrp'), /DEMAND_SECTION has 3 rows but DIMENSION is 4/);
  assert.throws(() => readCvrplib(tiny.replace('\t2\t\r\n\t-1', '\t9\t\r\n\t-1'), 'a.vrp'), /DEPOT_SECTION must list exactly one node in 1\.\.4, found \[9\]/);
  assert.throws(() => readCvrplib('NAME : x\r\nbroken line\r\n', 'a.vrp'), /a\.vrp line 2: expected "KEY : value"/);
});

test('reads X-n101-k25 from the shared data', (t) => {
  const file = new URL('X-n101-k25.vrp', xDir);
  if (!existsSync(file)) return t.skip('../shared/data absent');
  const instance = readCvrplib(readFileSync(file, 'utf8'), 'X-n101-k25.vrp');
  assert.equal(instance.customers.length, 100);
  assert.equal(instance.capacity, 206);
  assert.deepEqual([instance.depot.x, instance.depot.y], [365, 689]);
  assert.equal(instance.customers[0]?.id, 2);
});
