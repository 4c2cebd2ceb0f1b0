import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, hkdfSync } from 'node:crypto';
import { blindIndex, phoneBlindIndex, phoneLast4BlindIndex } from './blind-index.ts';
import { createEphemeralKeyring, createKeyring } from './keyring.ts';

const keyring = createEphemeralKeyring();

test('blindIndex is HMAC-SHA256 of "purpose\\0value" under the HKDF blind-index key, cut to 32 hex', () => {
  const secret = Buffer.alloc(32, 1);
  const fixed = createKeyring([{ id: 'k1', secret, createdAt: '2026-11-29T00:00:00Z' }], 'k1', 'k1');
  const indexKey = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'parcelgrid blind index v1', 32));
  const expected = createHmac('sha256', indexKey).update('name\0王小明').digest('hex').slice(0, 32);
  assert.equal(blindIndex(fixed, '王小明', 'name'), expected);
  assert.match(expected, /^[0-9a-f]{32}$/);
});

test('blindIndex matches equal values after normalisation and separates purposes', () => {
  assert.equal(blindIndex(keyring, '  John   SMITH ', 'name'), blindIndex(keyring, 'john smith', 'name'));
  assert.notEqual(blindIndex(keyring, '1234', 'name'), blindIndex(keyring, '1234', 'phone_last4'));
  assert.notEqual(blindIndex(keyring, '1234', 'name'), blindIndex(createEphemeralKeyring(), '1234', 'name'));
  assert.throws(() => blindIndex(keyring, 'x', 'Phone Number'), /purpose "Phone Number"/);
});

test('phone indexes see through the way a number is written', () => {
  assert.equal(phoneBlindIndex(keyring, '+86 138-1234-5678'), phoneBlindIndex(keyring, '13812345678'));
  assert.equal(phoneLast4BlindIndex(keyring, '+86 138 1234 5678'), phoneLast4BlindIndex(keyring, '5678'));
  assert.notEqual(phoneLast4BlindIndex(keyring, '13812345678'), phoneLast4BlindIndex(keyring, '1234'));
});
