import { test } from 'node:test';
import assert from 'node:assert/strict';
import { METRES_PER_DEGREE, offsetByMetres, polygonParts, ringAreaKm2 } from './geometry.ts';

test('ringAreaKm2 of a 0.01° square on the equator', () => {
  // 0.01° = 1.11195 km on both axes at latitude 0 (cos 0 = 1): area = 1.11195² = 1.23643 km².
  const square = [[0, 0], [0.01, 0], [0.01, 0.01], [0, 0.01], [0, 0]];
  assert.ok(Math.abs(ringAreaKm2(square) - 1.23643) < 1e-4);
});

test('polygonParts subtracts holes and gives each part its bbox', () => {
  // Outer 0.02° square (4 × 1.23643 = 4.94573 km²) with a 0.01° hole (1.23643 km²): 3.70930 km².
  const outer = [[0, 0], [0.02, 0], [0.02, 0.02], [0, 0.02], [0, 0]];
  const hole = [[0.005, 0.005], [0.005, 0.015], [0.015, 0.015], [0.015, 0.005], [0.005, 0.005]];
  const [part] = polygonParts({ type: 'Polygon', coordinates: [outer, hole] });
  assert.ok(part !== undefined && Math.abs(part.areaKm2 - 3.7093) < 1e-3);
  assert.deepEqual(part?.bbox, [0, 0, 0.02, 0.02]);
});

test('offsetByMetres moves north by degrees of latitude and east by cos-scaled degrees', () => {
  // 1,111.95 m north is 0.01°; at latitude 60° (cos = 0.5) 1,111.95 m east is 0.02°.
  const [lng, lat] = offsetByMetres(10, 60, METRES_PER_DEGREE / 100, METRES_PER_DEGREE / 100);
  assert.ok(Math.abs(lat - 60.01) < 1e-9);
  assert.ok(Math.abs(lng - 10.02) < 1e-9);
});
