import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDemoNetwork, carriersServing } from './demo-network.ts';
import { DEMO_CARRIERS, DEMO_PLATFORMS, demoRegulator } from './demo-parties.ts';
import { districtAt } from './district-at.ts';
import { loadCity } from './load-city.ts';

const city = loadCity('dalian');
const networks = buildDemoNetwork(city);

test('demo parties have unique codes and cover the required code sets', () => {
  const codes = [...DEMO_CARRIERS, ...DEMO_PLATFORMS, demoRegulator(city)].map((party) => party.code);
  assert.equal(new Set(codes).size, codes.length);
  assert.ok(codes.every((code) => /^[A-Z]{2,12}$/.test(code)));
  const codeSets = new Set(DEMO_CARRIERS.map((carrier) => carrier.codeSet));
  assert.ok(codeSets.has('kuaidi100') && codeSets.has('kdniao'));
  assert.equal(demoRegulator(city).nameZh, '大连市邮政管理局（演示）');
});

test('coverage rules give different networks and every district at least one carrier', () => {
  const served = Object.fromEntries(networks.map((network) => [network.carrier.code, network.districts.length]));
  // SGX: urbanisation ≥ 0.85 → the 6 districts from Zhongshan to Jinzhou (0.887);
  // AMB: all 10; KTE: all but Changhai (66,824 < 100,000 residents).
  assert.deepEqual(served, { SGX: 6, AMB: 10, KTE: 9 });
  for (const district of city.districts) assert.ok(carriersServing(networks, district.adcode).length >= 1);
  assert.deepEqual(carriersServing(networks, 210224).map((network) => network.carrier.code), ['AMB']);
});

test('every facility stands inside its district and every station has its hub', () => {
  for (const network of networks) {
    const hubIds = new Set(network.sortingCentres.map((hub) => hub.id));
    for (const facility of [...network.sortingCentres, ...network.stations]) {
      assert.equal(districtAt(city, facility.location.lng, facility.location.lat)?.adcode, facility.districtAdcode, facility.id);
    }
    for (const station of network.stations) assert.ok(station.sortingCentreId !== null && hubIds.has(station.sortingCentreId));
    const districtsWithStations = new Set(network.stations.map((station) => station.districtAdcode));
    assert.equal(districtsWithStations.size, network.districts.length);
  }
});

test('the network is the same for the same seed', () => {
  assert.deepEqual(buildDemoNetwork(city), networks);
  assert.notDeepEqual(buildDemoNetwork(city, 'another seed'), networks);
});
