import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskIdNumber } from './mask-id-number.ts';
import { PrivacyError } from '../errors.ts';

test('maskIdNumber keeps the first and last character only', () => {
  const cases: Array<[input: string, masked: string]> = [
    ['210202199003071234', '2****************4'], // 18 characters: 1 + 16 stars + 1
    ['21020219900307123x', '2****************X'], // a lower-case check character is upper-cased
    ['210202900307123', '2*************3'], // old 15-digit form
    ['E 1234 5678', 'E*******8'], // passport, spaces removed
  ];
  for (const [input, masked] of cases) assert.equal(maskIdNumber(input), masked, input);
});

test('maskIdNumber rejects values that are not document numbers', () => {
  for (const bad of ['', '1234', '2102-0219', '身份证']) {
    assert.throws(
      () => maskIdNumber(bad),
      (error: unknown) => error instanceof PrivacyError && error.code === 'invalid_id_number',
    );
  }
});
