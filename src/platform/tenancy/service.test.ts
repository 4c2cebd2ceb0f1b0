/** Authentication reads the key store once per key and cache period, and writes last-used rarely. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashApiKey } from './model.ts';
import { createTenancyService } from './service.ts';
import type { KeyRecord, TenancyStore } from './store.ts';

function countingStore() {
  const calls = { lookups: 0, touches: 0 };
  const key: KeyRecord & { party: { id: string; kind: 'platform'; code: string; name: string; codeSet: null } } = {
    id: 'key_1',
    partyId: 'pty_1',
    label: 'default',
    displayPrefix: 'pgk_test_abc',
    mode: 'test',
    scopes: ['tracking:read'],
    createdAt: '2026-11-29T00:00:00.000Z',
    lastUsedAt: null,
    revokedAt: null,
    party: { id: 'pty_1', kind: 'platform', code: 'SHOP', name: 'Shop', codeSet: null },
  };
  const store = {
    async findActiveKeyByHash(hash: string) {
      calls.lookups += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return hash === hashApiKey('pgk_test_known') ? key : undefined;
    },
    async touchKey() {
      calls.touches += 1;
    },
  } as unknown as TenancyStore;
  return { store, calls };
}

describe('authenticate', () => {
  it('shares one store lookup among concurrent requests and serves the rest from the cache', async () => {
    const { store, calls } = countingStore();
    const tenancy = createTenancyService(store);
    const principals = await Promise.all(Array.from({ length: 20 }, () => tenancy.authenticate('pgk_test_known')));
    assert.ok(principals.every((principal) => principal?.partyId === 'pty_1'));
    for (let i = 0; i < 100; i++) await tenancy.authenticate('pgk_test_known');
    assert.deepEqual(calls, { lookups: 1, touches: 1 });
  });

  it('does not remember unknown keys', async () => {
    const { store, calls } = countingStore();
    const tenancy = createTenancyService(store);
    assert.equal(await tenancy.authenticate('pgk_test_unknown'), undefined);
    assert.equal(await tenancy.authenticate('pgk_test_unknown'), undefined);
    assert.equal(calls.lookups, 2);
  });
});
