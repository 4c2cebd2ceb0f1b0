import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CITIES_ROOT, loadCity } from './load-city.ts';

const city = loadCity('dalian');

test('Dalian has its 10 county-level districts with the 2020 census total', () => {
  assert.equal(city.adcode, 210200);
  assert.equal(city.timezone, 'Asia/Shanghai');
  assert.deepEqual(
    city.districts.map((district) => district.adcode),
    [210202, 210203, 210204, 210211, 210212, 210213, 210214, 210224, 210281, 210283],
  );
  const residents = city.districts.reduce((sum, district) => sum + district.population2020, 0);
  assert.equal(residents, 7_450_785);
  // 300,000,000 parcels a year / 365 = 821,918 a day, rounded to 820,000.
  assert.equal(city.dailyParcelTarget, 820_000);
});

test('district polygons come with bboxes and part areas close to the source areas', () => {
  const changhai = city.districts.find((district) => district.adcode === 210224);
  assert.equal(changhai?.parts.length, 5);
  const total = changhai?.parts.reduce((sum, part) => sum + part.areaKm2, 0) ?? 0;
  // The boundary file states 69.6 km² (equal-area); the local projection lands within 1 %.
  assert.ok(Math.abs(total - 69.6) < 0.7, `Changhai parts sum to ${total} km²`);
});

test('metro stations, exits and parks are loaded and located in districts', () => {
  assert.equal(city.metroStations.length, 139);
  assert.equal(city.metroStations.filter((station) => station.mode === 'metro').length, 100);
  assert.equal(city.metroExits.length, 240);
  assert.ok(city.metroStations.every((station) => station.districtAdcode !== null));
  assert.equal(city.parks.length, 6);
  assert.ok(city.parks.every((park) => park.approximate));
  assert.equal(city.sortingRegions.flatMap((region) => region.districts).length, 10);
});

test('a city name that is not a folder is refused with the available names', () => {
  assert.throws(() => loadCity('atlantis'), /no city "atlantis" in .*available: .*dalian/);
  assert.throws(() => loadCity('../etc'), /lower-case letters, digits and hyphens/);
});

test('a broken city file is reported with its path and field', () => {
  const root = mkdtempSync(join(tmpdir(), 'parcelgrid-city-'));
  try {
    cpSync(join(CITIES_ROOT, 'dalian'), join(root, 'brokenville'), { recursive: true });
    writeFileSync(join(root, 'brokenville', 'districts.json'), JSON.stringify({ districts: [{ adcode: 210202 }] }));
    assert.throws(() => loadCity('brokenville', { root }), /districts\.json does not have the expected shape: \/districts\/0/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
