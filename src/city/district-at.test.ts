import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRandom } from '../platform/random.ts';
import { districtAt, districtByAdcode } from './district-at.ts';
import { loadCity } from './load-city.ts';
import { uniformPoint } from './recipient-points.ts';

const city = loadCity('dalian');

test('districtAt finds each district for points sampled inside it', () => {
  const random = createRandom('district-at');
  for (const district of city.districts) {
    for (let i = 0; i < 20; i++) {
      const { lng, lat } = uniformPoint(district, random);
      assert.equal(districtAt(city, lng, lat)?.adcode, district.adcode, `${lng},${lat} should be in ${district.nameZh}`);
    }
  }
});

test('districtAt knows well-known places and the sea', () => {
  // Zhongshan Square (中山广场) and Lüshun old town, WGS84.
  assert.equal(districtAt(city, 121.6392, 38.9197)?.nameZh, '中山区');
  assert.equal(districtAt(city, 121.262, 38.851)?.nameZh, '旅顺口区');
  // The Yellow Sea south of the city.
  assert.equal(districtAt(city, 121.6, 38.6), undefined);
});

test('districtByAdcode names the known codes when a code is unknown', () => {
  assert.equal(districtByAdcode(city, 210224).nameEn, 'Changhai County');
  assert.throws(() => districtByAdcode(city, 110101), /no district with adcode 110101; this city has 210202, /);
});
