import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { generateSigningSecret, signatureHeader } from './signature.ts';
import { verifyWebhookSignature } from './verify.ts';

const body = '{"id":"evt_1"}';
// Reference values from `printf '%s' '1700000000.{"id":"evt_1"}' | openssl dgst -sha256 -hmac whsec_test` (and whsec_old).
const NEW = 'c89214b5b5da833daed6f0b8c5bb6bd58cea9022bd80ccc78230f3942d632925';
const OLD = 'ef1b1b7e4b312671a75ef2a03e10529f7834a6528a49db77ad6568c8c8017843';

it('signs "<t>.<body>" with HMAC-SHA256, one v1 per active secret, newest first', () => {
  assert.equal(signatureHeader(['whsec_test'], 1_700_000_000, body), `t=1700000000,v1=${NEW}`);
  assert.equal(signatureHeader(['whsec_test', 'whsec_old'], 1_700_000_000, body), `t=1700000000,v1=${NEW},v1=${OLD}`);
});

it('verifies with either secret during a rotation', () => {
  const header = signatureHeader(['whsec_test', 'whsec_old'], 1_700_000_000, body);
  assert.equal(verifyWebhookSignature('whsec_test', header, body, 1_700_000_000), true);
  assert.equal(verifyWebhookSignature('whsec_old', header, Buffer.from(body), 1_700_000_000), true);
  assert.equal(verifyWebhookSignature(['whsec_other', 'whsec_old'], header, body, 1_700_000_000), true);
  assert.equal(verifyWebhookSignature('whsec_other', header, body, 1_700_000_000), false);
});

it('rejects a changed body, a stale or future timestamp and a malformed header', () => {
  const header = signatureHeader(['whsec_test'], 1_700_000_000, body);
  assert.equal(verifyWebhookSignature('whsec_test', header, '{"id":"evt_2"}', 1_700_000_000), false);
  // 300 s tolerance: 1_700_000_300 is the last accepted second, 1_700_000_301 is too late.
  assert.equal(verifyWebhookSignature('whsec_test', header, body, 1_700_000_300), true);
  assert.equal(verifyWebhookSignature('whsec_test', header, body, 1_700_000_301), false);
  assert.equal(verifyWebhookSignature('whsec_test', header, body, 1_699_999_699), false);
  assert.equal(verifyWebhookSignature('whsec_test', `v1=${NEW}`, body, 1_700_000_000), false);
  assert.equal(verifyWebhookSignature('whsec_test', 't=1700000000,v1=zz', body, 1_700_000_000), false);
});

it('makes distinct 256-bit secrets', () => {
  const secret = generateSigningSecret();
  assert.match(secret, /^whsec_[A-Za-z0-9_-]{43}$/);
  assert.notEqual(secret, generateSigningSecret());
});

it('docs/webhooks.md shows receivers exactly the verification code tested here', () => {
  const source = readFileSync(new URL('./verify.ts', import.meta.url), 'utf8');
  const docs = readFileSync(new URL('../../docs/webhooks.md', import.meta.url), 'utf8');
  const code = source.slice(source.indexOf("import { createHmac"));
  assert.ok(docs.includes(`\`\`\`ts\n${code}\`\`\``), 'copy src/webhooks/verify.ts (from its import line) into the ts block of docs/webhooks.md');
});
