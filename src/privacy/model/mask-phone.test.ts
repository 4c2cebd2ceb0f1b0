import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskPhone } from './mask-phone.ts';

test('maskPhone masks by kind of number', () => {
  const cases: Array<[input: string, masked: string]> = [
    ['13812341234', '138****1234'], // mobile: keep 3 + 4
    ['+86 139 0411 5678', '139****5678'], // the country code is dropped
    ['0411-84671234', '0411-****1234'], // landline: area code, then 8 − 4 = 4 stars
    ['010-6552 9988', '010-****9988'], // three-digit area code
    ['0898 6123456', '0898-***3456'], // 7-digit local number: 7 − 4 = 3 stars
    ['0411-84671234转801', '0411-****1234'], // extensions are not shown
    ['+44 20 7946 0958', '+********0958'], // 12 digits − 4 kept = 8 stars
    ['4008123123', '******3123'],
    ['95338', '***38'], // short: keep floor(5 / 2) = 2 so most of it stays hidden
  ];
  for (const [input, masked] of cases) assert.equal(maskPhone(input), masked, input);
});
