import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildDemoNetwork, loadCity } from '../city/index.ts';
import { cityMapLayers } from './model.ts';

test('Dalian map layers: 10 districts with population, facilities of every demo carrier', () => {
  const city = loadCity('dalian');
  const layers = cityMapLayers(city, buildDemoNetwork(city));
  assert.equal(layers.districts.features.length, 10);
  assert.ok(layers.districts.features.every((feature) => Number(feature.properties['population']) > 0));
  const carriers = new Set(layers.sorting_centres.features.map((feature) => feature.properties['carrier']));
  assert.deepEqual([...carriers].sort(), ['AMB', 'KTE', 'SGX']);
  assert.ok(layers.delivery_stations.features.length >= 10);
  assert.ok(layers.parks.features.length >= 6);
});
