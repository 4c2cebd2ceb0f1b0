import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { readCvrplib } from '../io/read-cvrplib.ts';
import { readSolomon } from '../io/read-solomon.ts';
import { checkRoutes } from './check-routes.ts';
import { readCvrplibSolutionRoutes, readSintefRoutes } from './read-bks-routes.ts';

const fixture = (name: string): string => readFileSync(new URL(`../io/fixtures/${name}`, import.meta.url), 'utf8');
const vrpData = new URL('../../../../shared/data/vrp/', import.meta.url);
const tiny3 = readSolomon(fixture('tiny3.txt'));
const tiny4 = readCvrplib(fixture('tiny4.vrp'));

test('tiny Solomon instance: a feasible plan and its hand-computed distance', () => {
  // Route [1, 2]: 0→1 = 5 (start 5 ≤ due 15, leave 7); 1→2 = 5 (start 12 in [10, 30], leave 14);
  // 2→0 = 10, back at 24 ≤ 100. Load 5 + 5 = 10 ≤ 10. Route [3]: 5 + 5. Total 20 + 10 = 30.
  assert.deepEqual(checkRoutes(tiny3, [[1, 2], [3]]), { feasible: true, errors: [], distance: 30, vehicles: 2 });
});

test('tiny Solomon instance: every kind of violation is reported', () => {
  // [2, 1]: 0→2 = 10 (ready 10, leave 12); 2→1 = 5 → starts at 17 > due 15.
  assert.match(checkRoutes(tiny3, [[2, 1], [3]]).errors.join('\n'), /customer 1 starts service at 17\.0000, after its due date 15/);
  // [1, 2, 3]: load 5 + 5 + 3 = 13 > 10.
  assert.match(checkRoutes(tiny3, [[1, 2, 3]]).errors.join('\n'), /route 1: load 13 exceeds capacity 10/);
  const broken = checkRoutes(tiny3, [[1], [1, 2], [7]]);
  assert.equal(broken.feasible, false);
  assert.deepEqual(broken.errors, [
    'route 3: 7 is not a customer of tiny3',
    'customer 1 is visited 2 times',
    'not served (1): customers 3',
    '3 routes but the fleet has 2 vehicles',
  ]);
  const lateHome = readSolomon(fixture('tiny3.txt').replace('0        100', '0         20'));
  // [1, 2] is back at 24 > horizon 20.
  assert.match(checkRoutes(lateHome, [[1, 2], [3]]).errors.join('\n'), /returns to the depot at 24\.0000, after the horizon 20/);
});

test('tiny CVRPLIB instance: nint arcs', () => {
  // [1, 3]: nint 5 + nint 3.606 = 4 + nint 1.414 = 1 → 10; [4]: 5 + 5 → 10. Total 20.
  assert.deepEqual(checkRoutes(tiny4, [[1, 3], [4]]), { feasible: true, errors: [], distance: 20, vehicles: 2 });
  assert.match(checkRoutes(tiny4, [[1, 3, 4]]).errors.join('\n'), /load 15 exceeds capacity 10/);
});

/** Rows of a BKS csv as objects keyed by the header. */
function readCsv(url: URL): Record<string, string>[] {
  const [header, ...rows] = readFileSync(url, 'utf8').trim().split(/\r?\n/);
  const names = header!.split(',');
  return rows.map((row) => Object.fromEntries(row.split(',').map((value, i) => [names[i], value])));
}

test('accepts every Gehring-Homberger 200 BKS route file and reproduces its distance', (t) => {
  const dir = new URL('gehring-homberger/', vrpData);
  if (!existsSync(dir)) return t.skip('../shared/data absent');
  const rows = readCsv(new URL('bks.csv', dir)).filter((row) => row['customers'] === '200');
  assert.equal(rows.length, 60);
  for (const row of rows) {
    const name = row['instance']!;
    const instance = readSolomon(readFileSync(new URL(`instances/200/${name}.txt`, dir), 'utf8'), name);
    const routes = readSintefRoutes(readFileSync(new URL(`solutions/200/${name}.txt`, dir), 'utf8'));
    const check = checkRoutes(instance, routes);
    assert.deepEqual(check.errors, [], name);
    assert.equal(check.vehicles, Number(row['vehicles']), name);
    assert.ok(Math.abs(check.distance - Number(row['distance'])) < 1e-3, `${name}: ${check.distance} vs ${row['distance']}`);
  }
});

test('accepts every CVRPLIB X BKS solution and reproduces bks_cost exactly', (t) => {
  const dir = new URL('cvrplib-x/', vrpData);
  if (!existsSync(dir)) return t.skip('../shared/data absent');
  const rows = readCsv(new URL('bks.csv', dir));
  assert.equal(rows.length, 100);
  for (const row of rows) {
    const name = row['instance']!;
    const instance = readCvrplib(readFileSync(new URL(`instances/${name}.vrp`, dir), 'utf8'), name);
    const routes = readCvrplibSolutionRoutes(readFileSync(new URL(`solutions/${name}.sol`, dir), 'utf8'), instance);
    const check = checkRoutes(instance, routes);
    assert.deepEqual(check.errors, [], name);
    assert.equal(check.vehicles, Number(row['bks_routes']), name);
    assert.equal(check.distance, Number(row['bks_cost']), name);
  }
});
