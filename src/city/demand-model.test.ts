import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDemandModel } from './demand-model.ts';
import { districtByAdcode } from './district-at.ts';
import { geometryContains } from './geometry.ts';
import { loadCity } from './load-city.ts';

const city = loadCity('dalian');
const residents = city.districts.reduce((sum, district) => sum + district.population2020, 0);

test('the same seed gives the same 1,000 recipients; another seed does not', () => {
  const first = createDemandModel(city, 2026);
  const again = createDemandModel(city, 2026);
  const other = createDemandModel(city, 2027);
  const a = Array.from({ length: 1_000 }, () => first.nextRecipient());
  const b = Array.from({ length: 1_000 }, () => again.nextRecipient());
  const c = Array.from({ length: 1_000 }, () => other.nextRecipient());
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});

test('recipients do not depend on how parcel and time draws are interleaved', () => {
  const plain = createDemandModel(city, 'streams');
  const mixed = createDemandModel(city, 'streams');
  const expected = Array.from({ length: 200 }, () => plain.nextRecipient());
  const actual = Array.from({ length: 200 }, () => mixed.nextOrder('2026-11-29').recipient);
  assert.deepEqual(actual, expected);
});

test('20,000 recipients follow census shares and stay inside their districts', () => {
  const model = createDemandModel(city, 'shares');
  const n = 20_000;
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const { address, location } = model.nextRecipient();
    const district = districtByAdcode(city, address.adcode);
    assert.ok(
      geometryContains(district.boundary, district.bbox, location.lng, location.lat),
      `${location.lng},${location.lat} is not inside ${district.nameZh}`,
    );
    counts.set(address.adcode, (counts.get(address.adcode) ?? 0) + 1);
  }
  for (const district of city.districts) {
    const expected = district.population2020 / residents;
    const observed = (counts.get(district.adcode) ?? 0) / n;
    // Binomial standard error is at most sqrt(0.25 / 20,000) = 0.0035; 5 standard errors of the
    // district's own share keeps the test stable while catching any real skew.
    const tolerance = 5 * Math.sqrt((expected * (1 - expected)) / n);
    assert.ok(Math.abs(observed - expected) < tolerance, `${district.nameEn}: ${observed} vs ${expected}`);
  }
  // Changhai: 66,824 / 7,450,785 = 0.897 %.
  const changhai = (counts.get(210224) ?? 0) / n;
  assert.ok(changhai > 0.006 && changhai < 0.012, `Changhai share ${changhai}`);
});

test('urban districts get urban addresses, and addresses and phones look right', () => {
  const model = createDemandModel(city, 'identity');
  for (let i = 0; i < 500; i++) {
    const { name, phone, address, settlement } = model.nextRecipient();
    assert.match(name, /^\p{Script=Han}{2,3}$/u);
    assert.match(phone, /^17[01]\d{8}$/);
    assert.ok(address.full.startsWith(`辽宁省大连市${address.districtZh}`));
    assert.match(address.full, settlement === 'urban' ? /路|街/ : /村.*组.*号$/);
    // Zhongshan, Xigang and Shahekou are 100 % urban in the 2020 census.
    if ([210202, 210203, 210204].includes(address.adcode)) assert.equal(settlement, 'urban');
  }
});

test('order times fall on the local date and follow the daily curve', () => {
  const model = createDemandModel(city, 'times');
  const byHour = new Array<number>(24).fill(0);
  for (let i = 0; i < 5_000; i++) {
    const placedAt = Date.parse(model.nextOrderTime('2026-11-29'));
    // 2026-11-29 in Asia/Shanghai (UTC+8) runs from 2026-11-28T16:00Z to 2026-11-29T16:00Z.
    assert.ok(placedAt >= Date.parse('2026-11-28T16:00:00Z') && placedAt < Date.parse('2026-11-29T16:00:00Z'));
    const localHour = new Date(placedAt + 8 * 3_600_000).getUTCHours();
    byHour[localHour] = (byHour[localHour] ?? 0) + 1;
  }
  const at = (hour: number): number => byHour[hour] ?? 0;
  assert.ok(at(21) > 5 * at(4), 'evening peak well above the small hours');
  assert.ok(at(10) > at(7), 'late morning above early morning');
});
