import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { sql } from 'kysely';
import { createPlatform } from '../src/app.ts';
import { loadOrCreateKeyring, rotateKeyring } from '../src/privacy/index.ts';
import { openTestDatabase } from './support/databases.ts';
import { orderBody } from './support/platform.ts';
import { reencryptSealedData } from '../src/cli/keys-rotate.ts';

it('re-encrypts orders, virtual numbers and webhook secrets under the new key, in batches, and they still open', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parcelgrid-rotate-'));
  const database = await openTestDatabase('pglite');
  try {
    const before = await createPlatform({ database, keyring: loadOrCreateKeyring({ dataDir }), logger: false });
    const shop = await before.tenancy.createParty({ kind: 'platform', code: 'SHOPR', name: 'Shop' });
    const carrier = await before.tenancy.createParty({ kind: 'carrier', code: 'GULLR', name: 'Gull' });
    const call = async (key: string, url: string, body: unknown) =>
      JSON.parse((await before.http.inject({ method: 'POST', url, headers: { authorization: `Bearer ${key}` }, payload: body as object })).body);
    const shopKey = (await before.tenancy.issueKey(shop)).key;
    const carrierKey = (await before.tenancy.issueKey(carrier)).key;
    const orderIds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const order = await call(shopKey, '/v1/orders', orderBody());
      const request = await call(shopKey, '/v1/shipping-requests', { order_id: order.id, carrier: 'GULLR', service_level: 'economy' });
      await call(carrierKey, '/v1/waybills', { shipping_request_id: request.id });
      orderIds.push(order.id);
    }
    await before.stream.drain();

    const rotated = rotateKeyring(dataDir);
    // 3 orders in batches of 2: two batches; 3 virtual numbers likewise.
    const counts = await reencryptSealedData(database.db, rotated, 2);
    assert.deepEqual(Object.values(counts), [3, 3, 0]);
    const prefix = `v1.${rotated.activeKeyId}.%`;
    const stale = await sql<{ n: number }>`
      SELECT (SELECT count(*) FROM orders WHERE recipient_sealed NOT LIKE ${prefix} OR sender_sealed NOT LIKE ${prefix})
        + (SELECT count(*) FROM virtual_numbers WHERE phone_sealed NOT LIKE ${prefix}) AS n`.execute(database.db);
    assert.equal(Number(stale.rows[0]?.n), 0);
    assert.deepEqual(Object.values(await reencryptSealedData(database.db, rotated, 2)), [0, 0, 0], 'a second pass has nothing to do');

    await before.http.close();
    const after = await createPlatform({ database, keyring: rotated, logger: false });
    const opened = await after.http.inject({
      method: 'POST',
      url: '/v1/privacy/decrypt',
      headers: { authorization: `Bearer ${shopKey}` },
      payload: { purpose: 'after_sales', actor: { id: 'ops-1' }, items: orderIds.map((order_id) => ({ order_id })) },
    });
    assert.deepEqual(JSON.parse(opened.body).items.map((item: { recipient: { phone: string } }) => item.recipient.phone), ['13812341234', '13812341234', '13812341234']);
    await after.http.close();
  } finally {
    await database.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
