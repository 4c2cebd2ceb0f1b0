import { test } from 'node:test';
import assert from 'node:assert/strict';
import { joinAddress, maskAddress } from './mask-address.ts';

test('maskAddress hides house, building, unit and room numbers in the detail', () => {
  const cases: Array<[detail: string, masked: string]> = [
    ['高新园区软件园路1号3栋502室', '高新园区软件园路*号*栋***室'], // 502 → three stars
    ['中山路136号万达公寓B座2单元1801', '中山路***号万达公寓*座*单元****'],
    ['星海湾壹号12A-3F', '星海湾壹号***-**'], // letters touching digits go with them
    ['长江路五号院三号楼二单元', '长江路*号院*号楼*单元'],
    ['204国道旁李家村三组', '204国道旁李家村*组'], // a road's own number stays
    ['红旗西路６６６号', '红旗西路***号'], // full-width digits
    ['大连理工大学西部校区', '大连理工大学西部校区'], // nothing to hide
  ];
  for (const [detail, masked] of cases) assert.equal(maskAddress({ detail }).detail, masked, detail);
});

test('maskAddress keeps province, city, district and street in full', () => {
  const address = { province: '辽宁省', city: '大连市', district: '甘井子区', street: '凌水街道', detail: '软件园路1号' };
  assert.deepEqual(maskAddress(address), { ...address, detail: '软件园路*号' });
  assert.equal(joinAddress(maskAddress(address)), '辽宁省大连市甘井子区凌水街道软件园路*号');
});
