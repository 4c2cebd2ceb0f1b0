/**
 * Personal data never rests in plaintext: orders with distinctive names, phones and addresses go
 * through every write route (orders, shipping requests and rejections, waybills, scans, audited
 * decryption, virtual numbers, retention), then every column of every table, cast to text, and
 * every log line the platform wrote are searched for those values. On both drivers.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createPlatform, type Platform } from '../src/app.ts';
import { createLogger } from '../src/cli/runtime.ts';
import { createEphemeralKeyring } from '../src/privacy/index.ts';
import { DRIVERS, openTestDatabase, postgresSkipReason, type TestDatabase } from './support/databases.ts';
import { orderBody } from './support/platform.ts';

/** Values that must appear nowhere: whole values and the parts masking hides. */
const PERSON = {
  recipientName: '欧阳泄露测试',
  recipientGiven: '阳泄露测试',
  recipientPhone: '13987650123',
  recipientDetail: '泄漏路777号88栋9901室',
  recipientRoom: '9901室',
  senderName: '司马不外传',
  senderPhone: '15811112222',
  senderDetail: '保密街13号4单元602室',
  idLike: '210202199001011234',
};
const SECRETS = Object.values(PERSON);

const person = (name: string, phone: string, detail: string, street: string) => ({
  name, phone, address: { province: '辽宁省', city: '大连市', district: '中山区', street, detail, admin_code: '210202', lng: 121.64, lat: 38.92 },
});

for (const driver of DRIVERS) {
  describe(`no plaintext personal data at rest or in logs on ${driver}`, async () => {
    const skip = driver === 'postgres' ? await postgresSkipReason() : undefined;
    const logLines: string[] = [];
    let database: TestDatabase;
    let platform: Platform;

    before(async () => {
      if (skip) return;
      database = await openTestDatabase(driver);
      const sink = new Writable({ write(chunk, _encoding, done) { logLines.push(String(chunk)); done(); } });
      platform = await createPlatform({ database, keyring: createEphemeralKeyring(), logger: createLogger('trace', sink) });
    });
    after(async () => {
      if (skip) return;
      await platform.http.close();
      await database.dispose();
    });

    async function keyFor(kind: 'platform' | 'carrier' | 'regulator', code: string): Promise<string> {
      const party = await platform.tenancy.createParty({ kind, code, name: `Leak ${code}`, ...(kind === 'carrier' ? { codeSet: 'generic' } : {}) });
      return (await platform.tenancy.issueKey(party)).key;
    }

    async function call(key: string, method: 'GET' | 'POST', url: string, body?: unknown, headers: Record<string, string> = {}) {
      const response = await platform.http.inject({
        method, url, headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
        ...(body ? { payload: JSON.stringify(body) } : {}),
      });
      return { status: response.statusCode, body: JSON.parse(response.body || 'null') };
    }

    it('finds none of the values in any table or log line', { skip }, async () => {
      const shop = await keyFor('platform', 'LEAKSHOP');
      const carrier = await keyFor('carrier', 'LEAKCAR');
      const regulator = await keyFor('regulator', 'LEAKREG');
      const order = (externalId: string) => orderBody({
        external_id: externalId,
        sender: person(PERSON.senderName, PERSON.senderPhone, PERSON.senderDetail, '保密社区'),
        recipient: person(PERSON.recipientName, PERSON.recipientPhone, `${PERSON.recipientDetail}(证件${PERSON.idLike})`, '泄漏社区'),
      });

      const created = await call(shop, 'POST', '/v1/orders', order('leak-1'), { 'idempotency-key': 'leak-order-1' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal((await call(shop, 'POST', '/v1/orders', order('leak-1'), { 'idempotency-key': 'leak-order-1' })).status, 201, 'replayed');
      assert.equal((await call(shop, 'POST', '/v1/orders', order('leak-1'))).status, 409);
      assert.equal((await call(shop, 'POST', '/v1/orders', { ...order('leak-bad'), weight_g: -1 })).status, 400);
      const rejectedOrder = await call(shop, 'POST', '/v1/orders', order('leak-2'));
      const toReject = await call(shop, 'POST', '/v1/shipping-requests', { order_id: rejectedOrder.body.id, carrier: 'LEAKCAR', service_level: 'express' });
      assert.equal((await call(carrier, 'POST', `/v1/shipping-requests/${toReject.body.id}/reject`, { reason: 'area not served' })).status, 200);

      const request = await call(shop, 'POST', '/v1/shipping-requests', { order_id: created.body.id, carrier: 'LEAKCAR', service_level: 'standard' }, { 'idempotency-key': 'leak-sr-1' });
      const waybill = await call(carrier, 'POST', '/v1/waybills', { shipping_request_id: request.body.id }, { 'idempotency-key': 'leak-wb-1' });
      assert.equal(waybill.status, 201, JSON.stringify(waybill.body));
      const no = waybill.body.waybill_no as string;
      // Delivered yesterday, so the virtual number still works; retention then runs 91 days on.
      const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
      const scan = (id: string, at: string, code: string, message: string) => ({ event_id: `${no}-${id}`, waybill_no: no, occurred_at: at, code, message, facility: { code: 'DL01', name: '大连中山营业部', admin_code: '210202', lng: 121.64, lat: 38.92 } });
      assert.equal((await call(carrier, 'POST', '/v1/events', scan('a', hoursAgo(30), 'COLLECTED', '已揽收'))).status, 201);
      const batch = await call(carrier, 'POST', '/v1/events/batch', { events: [scan('b', hoursAgo(28), 'DEPARTED_ORIGIN', '运输中'), scan('c', hoursAgo(24), 'DELIVERED_SIGNED', '已签收'), scan('d', hoursAgo(23), 'no-such-code', '未知')] });
      assert.equal(batch.status, 200, JSON.stringify(batch.body));
      await platform.stream.drain();

      const decrypted = await call(shop, 'POST', '/v1/privacy/decrypt', { purpose: 'after_sales', actor: { id: 'cs-1' }, items: [{ order_id: created.body.id }, { order_id: 'ord_absent' }] });
      assert.equal(decrypted.body.items[0].recipient.name, PERSON.recipientName, 'the data is really there, sealed');
      assert.equal((await call(regulator, 'POST', '/v1/privacy/decrypt', { purpose: 'law_enforcement', case_ref: 'DL-LEAK-1', actor: { id: 'officer-1' }, items: [{ order_id: created.body.id, fields: ['recipient'] }] })).status, 200);
      const number = await call(carrier, 'GET', `/v1/privacy/virtual-numbers/${waybill.body.id}`);
      const resolved = await call(carrier, 'POST', '/v1/privacy/virtual-numbers/resolve', { host: number.body.host, extension: number.body.extension });
      assert.equal(resolved.body.phone, PERSON.recipientPhone);
      // A careless log line with a whole order: redaction must still keep the values out.
      platform.http.log.info({ order: order('leak-log') }, 'order received');
      const erased = await platform.privacy.eraseExpired(new Date(Date.now() + 91 * 86_400_000));
      assert.equal(erased.orders_erased, 1);

      const tables = await sql<{ name: string }>`
        SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`.execute(database.db);
      assert.ok(tables.rows.length >= 10);
      const found: string[] = [];
      for (const { name } of tables.rows) {
        const rows = await sql<{ row: string }>`SELECT t::text AS row FROM ${sql.table(name)} t`.execute(database.db);
        for (const { row } of rows.rows) for (const secret of SECRETS) if (row.includes(secret)) found.push(`${name}: ${secret}`);
      }
      assert.deepEqual(found, [], 'plaintext personal data in the database');
      assert.ok(logLines.some((line) => line.includes('order received')), 'the logger captured lines');
      const inLogs = logLines.flatMap((line) => SECRETS.filter((secret) => line.includes(secret)).map((secret) => `${secret} in ${line.slice(0, 200)}`));
      assert.deepEqual(inLogs, [], 'plaintext personal data in the logs');
    });
  });
}
