import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestPlatform, type TestPlatform } from '../../../test/support/platform.ts';

describe('the caller\'s own API keys', () => {
  let t: TestPlatform;
  before(async () => {
    t = await startTestPlatform('pglite');
  });
  after(async () => t?.close());

  it('tells who is calling', async () => {
    const me = await t.call(t.keys.carrier, 'GET', '/v1/me');
    assert.equal(me.status, 200);
    assert.deepEqual([me.body.party.code, me.body.party.kind], ['GULL', 'carrier']);
  });

  it('creates a key shown once, lists it, and revokes it so it stops working', async () => {
    const created = await t.call(t.keys.shop, 'POST', '/v1/keys', { label: 'warehouse scanner', scopes: ['tracking:read'] });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.match(created.body.key, /^pgk_test_/);
    assert.ok(created.body.key.startsWith(created.body.display_prefix));
    assert.equal((await t.call(created.body.key, 'GET', '/v1/me')).status, 200);

    const list = await t.call(t.keys.shop, 'GET', '/v1/keys');
    assert.deepEqual(list.body.data.map((k: { label: string }) => k.label).sort(), ['default', 'warehouse scanner']);
    assert.equal(list.body.data.some((k: Record<string, unknown>) => 'key' in k || 'key_hash' in k), false);

    const revoked = await t.call(t.keys.shop, 'POST', `/v1/keys/${created.body.id}/revoke`);
    assert.equal(revoked.status, 200);
    assert.ok(revoked.body.revoked_at);
    assert.equal((await t.call(created.body.key, 'GET', '/v1/me')).status, 401);
  });

  it('answers 404 for another party\'s key and refuses scopes the party kind cannot hold', async () => {
    const shopKeys = await t.call(t.keys.shop, 'GET', '/v1/keys');
    const foreign = await t.call(t.keys.otherShop, 'POST', `/v1/keys/${shopKeys.body.data[0].id}/revoke`);
    assert.equal(foreign.status, 404);
    const tooWide = await t.call(t.keys.regulator, 'POST', '/v1/keys', { label: 'x', scopes: ['events:write'] });
    assert.equal(tooWide.status, 403);
  });
});
