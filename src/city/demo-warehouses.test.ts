import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_PLATFORMS } from './demo-parties.ts';
import { buildPlatformWarehouses } from './demo-warehouses.ts';
import { districtAt } from './district-at.ts';
import { loadCity } from './load-city.ts';

const city = loadCity('dalian');

test('each platform ships from warehouses in the express parks', () => {
  const warehouses = buildPlatformWarehouses(city);
  // 6 parks shared round-robin by 3 platforms: 2 warehouses each.
  assert.equal(warehouses.length, 6);
  for (const platform of DEMO_PLATFORMS) {
    assert.equal(warehouses.filter((warehouse) => warehouse.platformCode === platform.code).length, 2);
  }
  for (const { location, sender, parkId } of warehouses) {
    assert.equal(districtAt(city, location.lng, location.lat)?.adcode, sender.address.adcode);
    assert.ok(city.parks.some((park) => park.id === parkId));
    assert.match(sender.phone, /^17[01]\d{8}$/);
    assert.ok(sender.address.full.startsWith('辽宁省大连市'));
  }
  assert.deepEqual(buildPlatformWarehouses(city), warehouses);
});
