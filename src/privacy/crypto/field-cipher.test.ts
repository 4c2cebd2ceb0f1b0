import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decryptField, encryptField, needsReencryption, reencryptField } from './field-cipher.ts';
import { createEphemeralKeyring, createKeyring, generateMasterKey } from './keyring.ts';
import { PrivacyError, type PrivacyErrorCode } from '../errors.ts';

const keyring = createEphemeralKeyring();
const AAD = 'orders/o_1/recipient.name';

function failsWith(code: PrivacyErrorCode, pattern: RegExp) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof PrivacyError, String(error));
    assert.equal(error.code, code);
    assert.match(error.message, pattern);
    return true;
  };
}

test('encryptField and decryptField round-trip any text', () => {
  for (const plaintext of ['王小明', '', '辽宁省大连市甘井子区软件园路1号', 'O’Neil 😀']) {
    assert.equal(decryptField(keyring, encryptField(keyring, plaintext, AAD), AAD), plaintext);
  }
});

test('a token is v1.<keyId>.<iv>.<ciphertext>.<tag> with a fresh iv each time', () => {
  // '王' is 3 UTF-8 bytes → 3 ciphertext bytes → 4 base64url characters;
  // the 12-byte iv → 16 characters; the 16-byte tag → ⌈16 × 4 / 3⌉ = 22 characters.
  const token = encryptField(keyring, '王', AAD);
  assert.match(token, new RegExp(`^v1\\.${keyring.activeKeyId}\\.[\\w-]{16}\\.[\\w-]{4}\\.[\\w-]{22}$`));
  assert.notEqual(encryptField(keyring, '王', AAD), token);
});

test('a ciphertext moved to another row or field does not decrypt', () => {
  const token = encryptField(keyring, '13812341234', 'orders/o_1/recipient.phone');
  for (const otherAad of ['orders/o_2/recipient.phone', 'orders/o_1/sender.phone']) {
    const decrypt = (): string => decryptField(keyring, token, otherAad);
    assert.throws(decrypt, failsWith('decrypt_failed', /copied from another row or field/));
  }
});

test('a tampered tag, ciphertext or key id fails with a clear error', () => {
  const token = encryptField(keyring, '王小明', AAD);
  const [version, keyId, iv, ciphertext, tag] = token.split('.') as [string, string, string, string, string];
  const flipFirst = (part: string): string => (part.startsWith('A') ? 'B' : 'A') + part.slice(1);
  const tampered = [
    [version, keyId, iv, ciphertext, flipFirst(tag)],
    [version, keyId, iv, flipFirst(ciphertext), tag],
    [version, keyId, flipFirst(iv), ciphertext, tag],
  ];
  for (const parts of tampered) {
    assert.throws(() => decryptField(keyring, parts.join('.'), AAD), failsWith('decrypt_failed', /did not authenticate/));
  }
});

test('the key id in a token is authenticated, not just a hint', () => {
  // Two ids for one secret: only the AAD binding can tell a relabelled token apart.
  const { secret, createdAt } = generateMasterKey(new Date());
  const aliased = createKeyring([{ id: 'a', secret, createdAt }, { id: 'b', secret, createdAt }], 'a', 'a');
  const relabelled = encryptField(aliased, '王小明', AAD).replace(/^v1\.a\./, 'v1.b.');
  assert.throws(() => decryptField(aliased, relabelled, AAD), failsWith('decrypt_failed', /under key "b"/));
});

test('malformed tokens and unknown keys are named as such', () => {
  const token = encryptField(keyring, 'x', AAD);
  const malformedCases: Array<[text: string, reason: RegExp]> = [
    ['hello', /1 dot-separated parts, expected 5/],
    [token.replace(/^v1/, 'v9'), /version "v9"/],
    [token.slice(0, -2), /15-byte tag, expected 16/], // 22 − 2 = 20 base64url characters = 15 bytes
    [`${token.slice(0, -1)}!`, /tag that is not base64url/],
  ];
  for (const [text, reason] of malformedCases) {
    assert.throws(() => decryptField(keyring, text, AAD), failsWith('malformed_token', reason));
  }
  const foreign = encryptField(createEphemeralKeyring(), 'x', AAD);
  assert.throws(() => decryptField(keyring, foreign, AAD), failsWith('unknown_key', /reload the keyring after a rotation/));
  assert.throws(() => encryptField(keyring, 'x', ''), failsWith('invalid_argument', /non-empty AAD/));
});

test('reencryptField moves a token to the active key and leaves current ones alone', () => {
  const oldKey = generateMasterKey(new Date());
  const newKey = generateMasterKey(new Date());
  const before = createKeyring([oldKey], oldKey.id, oldKey.id);
  const after = createKeyring([oldKey, newKey], newKey.id, oldKey.id);
  const oldToken = encryptField(before, '王小明', AAD);
  assert.equal(needsReencryption(after, oldToken), true);
  const newToken = reencryptField(after, oldToken, AAD);
  assert.ok(newToken.startsWith(`v1.${newKey.id}.`));
  assert.equal(needsReencryption(after, newToken), false);
  assert.equal(reencryptField(after, newToken, AAD), newToken);
  assert.equal(decryptField(after, newToken, AAD), '王小明');
  assert.equal(decryptField(after, oldToken, AAD), '王小明'); // old tokens stay readable meanwhile
});
