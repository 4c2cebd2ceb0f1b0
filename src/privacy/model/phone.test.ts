import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizePhone, phoneLast4 } from './phone.ts';
import { PrivacyError } from '../errors.ts';

test('normalizePhone reduces the ways people write a number to one canonical form', () => {
  const cases: Array<[input: string, expected: object]> = [
    ['13812341234', { kind: 'mobile', canonical: '13812341234' }],
    ['+86 138-1234-1234', { kind: 'mobile', canonical: '13812341234' }],
    ['0086 13812341234', { kind: 'mobile', canonical: '13812341234' }],
    ['8613812341234', { kind: 'mobile', canonical: '13812341234' }],
    ['１３８１２３４１２３４', { kind: 'mobile', canonical: '13812341234' }], // full-width digits
    ['0411-84671234', { kind: 'landline', canonical: '041184671234', areaCode: '0411' }],
    ['(010) 6552 9988', { kind: 'landline', canonical: '01065529988', areaCode: '010' }],
    ['0411-84671234转801', { kind: 'landline', canonical: '041184671234', areaCode: '0411', extension: '801' }],
    ['+44 20 7946 0958', { kind: 'international', canonical: '+442079460958' }],
    ['4008123123', { kind: 'other', canonical: '4008123123' }],
    ['95338', { kind: 'other', canonical: '95338' }],
  ];
  for (const [input, expected] of cases) assert.deepEqual(normalizePhone(input), expected, input);
});

test('normalizePhone rejects text that is not a phone number with a readable reason', () => {
  for (const bad of ['call me', '138abc41234', '1234', '+86 138 1234 1234 5678 9999']) {
    assert.throws(() => normalizePhone(bad), (error: unknown) => {
      assert.ok(error instanceof PrivacyError);
      assert.equal(error.code, 'invalid_phone');
      assert.match(error.message, /a phone number (may contain only|has 5 to 17 digits)/);
      assert.ok(!error.message.includes(bad), 'the message must not repeat the number');
      return true;
    });
  }
});

test('phoneLast4 takes the last four canonical digits, ignoring extensions', () => {
  assert.equal(phoneLast4('+86 138 1234 5678'), '5678');
  assert.equal(phoneLast4('0411-84671234 ext. 9'), '1234');
});
