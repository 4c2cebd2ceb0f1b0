/**
 * The privacy service through the HTTP stack on both drivers: audited decryption with its limits,
 * the append-only audit log and its export, virtual numbers from issue to expiry, and retention
 * run with an injected clock.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { DRIVERS, postgresSkipReason } from './support/databases.ts';
import { orderBody, startTestPlatform, type TestPlatform } from './support/platform.ts';

const DAY_MS = 86_400_000;

for (const driver of DRIVERS) {
  describe(`privacy on ${driver}`, async () => {
    const skip = driver === 'postgres' ? await postgresSkipReason() : undefined;
    let t: TestPlatform;
    before(async () => {
      if (!skip) t = await startTestPlatform(driver);
    });
    after(async () => t?.close());

    /** A fresh key for a cast member's party, so each test has its own rate-limit buckets. */
    async function freshKey(code: string): Promise<string> {
      const party = await t.platform.tenancy.findPartyByCode(code);
      assert.ok(party);
      return (await t.platform.tenancy.issueKey(party)).key;
    }

    async function shipped(deliveredAt?: string) {
      const order = await t.call(t.keys.shop, 'POST', '/v1/orders', orderBody());
      const request = await t.call(t.keys.shop, 'POST', '/v1/shipping-requests', { order_id: order.body.id, carrier: 'GULL', service_level: 'standard' });
      const waybill = await t.call(t.keys.carrier, 'POST', '/v1/waybills', { shipping_request_id: request.body.id });
      assert.equal(waybill.status, 201, JSON.stringify(waybill.body));
      if (deliveredAt) {
        const no = waybill.body.waybill_no;
        const delivered = await t.call(t.keys.carrier, 'POST', '/v1/events', { event_id: `${no}-3`, waybill_no: no, occurred_at: deliveredAt, code: '3' });
        assert.equal(delivered.status, 201, JSON.stringify(delivered.body));
      }
      await t.platform.stream.drain();
      return { orderId: order.body.id as string, waybill: waybill.body };
    }

    const decrypt = (key: string, orderIds: string[], extra: Record<string, unknown> = {}) =>
      t.call(key, 'POST', '/v1/privacy/decrypt', { purpose: 'delivery', actor: { id: 'staff-7', name: 'Courier Qian' }, items: orderIds.map((order_id) => ({ order_id })), ...extra });

    it('decrypts the caller\'s own orders, answers 404 per item for others and audits the call', { skip }, async () => {
      const { orderId } = await shipped();
      const mine = await decrypt(t.keys.shop, [orderId]);
      assert.equal(mine.status, 200, JSON.stringify(mine.body));
      assert.equal(mine.body.items[0].recipient.phone, '13812341234');
      assert.equal(mine.body.items[0].sender.name, '李小龙');
      assert.equal(mine.headers['ratelimit-limit'], '10');

      const carrier = await decrypt(t.keys.carrier, [orderId]);
      assert.equal(carrier.body.items[0].status, 200, 'the carrier of the waybill sees it');
      const other = await decrypt(t.keys.otherShop, [orderId, 'ord_missing']);
      assert.deepEqual(other.body.items.map((item: { status: number }) => item.status), [404, 404]);
      assert.equal(other.body.items[0].recipient, undefined);

      const log = await t.call(t.keys.regulator, 'GET', `/v1/privacy/audit?party=SHOPA`);
      const entry = log.body.data.find((e: { id: string }) => e.id === mine.body.audit_id);
      assert.equal(entry.purpose, 'delivery');
      assert.equal(entry.actor_id, 'staff-7');
      assert.deepEqual(entry.items, [{ order_id: orderId, fields: ['sender', 'recipient'], status: 200 }]);
      assert.equal(JSON.stringify(entry).includes('13812341234'), false);
    });

    it('refuses unknown purposes, oversized batches and regulators without a case', { skip }, async () => {
      const key = await freshKey('SHOPA');
      const unknown = await decrypt(key, ['ord_x'], { purpose: 'curiosity' });
      assert.equal(unknown.status, 400);
      assert.equal(unknown.body.code, 'unknown_purpose');
      assert.ok(unknown.body.errors.valid_purposes.includes('delivery'));
      const oversized = await decrypt(key, Array.from({ length: 101 }, (_, i) => `ord_${i}`));
      assert.equal(oversized.status, 413);
      assert.match(oversized.body.detail, /at most 100 items/);
      const regulatorKey = await freshKey('DLPOST');
      assert.equal((await decrypt(regulatorKey, ['ord_x'], { purpose: 'law_enforcement' })).status, 400);
      assert.equal((await decrypt(regulatorKey, ['ord_x'], { purpose: 'delivery', case_ref: 'C-1' })).status, 403);
      assert.equal((await decrypt(key, ['ord_x'], { purpose: 'law_enforcement', case_ref: 'C-1' })).status, 403);
      const { orderId } = await shipped();
      const inspection = await decrypt(regulatorKey, [orderId], { purpose: 'regulatory_inspection', case_ref: 'DL-2026-118' });
      assert.equal(inspection.body.items[0].status, 200);
      const withKey = await t.call(key, 'POST', '/v1/privacy/decrypt', { purpose: 'delivery', actor: { id: 'a' }, items: [{ order_id: orderId }] }, { 'idempotency-key': 'k1' });
      assert.equal(withKey.status, 400, 'plaintext responses are never stored for replay');
    });

    it('limits decryption to 10 calls a minute per key with RateLimit headers', { skip }, async () => {
      const key = await freshKey('SHOPA');
      for (let i = 0; i < 10; i++) assert.equal((await decrypt(key, ['ord_none'])).status, 200);
      const limited = await decrypt(key, ['ord_none']);
      assert.equal(limited.status, 429);
      assert.equal(limited.body.code, 'rate_limited');
      assert.equal(limited.headers['ratelimit-remaining'], '0');
      assert.ok(Number(limited.headers['retry-after']) >= 1);
    });

    it('keeps the audit log append-only and exports it as CSV', { skip }, async () => {
      await assert.rejects(sql`UPDATE privacy_audit SET purpose = 'x'`.execute(t.platform.database.db), /append-only/);
      await assert.rejects(sql`DELETE FROM privacy_audit`.execute(t.platform.database.db), /append-only/);
      const csv = await t.platform.http.inject({ method: 'GET', url: '/v1/privacy/audit/export?party=SHOPA', headers: { authorization: `Bearer ${t.keys.regulator}` } });
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers['content-type']), /^text\/csv/);
      const lines = csv.body.trim().split('\r\n');
      assert.ok(lines[0]?.startsWith('id,occurred_at,action'));
      assert.ok(lines.length >= 2);
      assert.equal((await t.call(t.keys.shop, 'GET', '/v1/privacy/audit')).status, 403);
    });

    it('gives each waybill a virtual number that resolves until 15 days after delivery', { skip }, async () => {
      const live = await shipped();
      const number = await t.call(t.keys.carrier, 'GET', `/v1/privacy/virtual-numbers/${live.waybill.id}`);
      assert.equal(number.status, 200, JSON.stringify(number.body));
      assert.match(number.body.dial, /^17100000000-\d{4}$/);
      assert.equal(number.body.expires_at, null);
      assert.equal((await t.call(t.keys.otherShop, 'GET', `/v1/privacy/virtual-numbers/${live.waybill.id}`)).status, 404);
      const body = { host: number.body.host, extension: number.body.extension };
      const resolved = await t.call(t.keys.carrier, 'POST', '/v1/privacy/virtual-numbers/resolve', body);
      assert.equal(resolved.status, 200, JSON.stringify(resolved.body));
      assert.equal(resolved.body.phone, '13812341234');
      assert.equal((await t.call(t.keys.kdniaoCarrier, 'POST', '/v1/privacy/virtual-numbers/resolve', body)).status, 404);

      // Delivered 20 days ago: the number expired 5 days ago.
      const old = await shipped(new Date(Date.now() - 20 * DAY_MS).toISOString());
      const oldNumber = await t.call(t.keys.shop, 'GET', `/v1/privacy/virtual-numbers/${old.waybill.id}`);
      assert.ok(oldNumber.body.expires_at);
      const expired = await t.call(t.keys.carrier, 'POST', '/v1/privacy/virtual-numbers/resolve', { host: oldNumber.body.host, extension: oldNumber.body.extension });
      assert.equal(expired.status, 410);
      assert.equal(expired.body.code, 'virtual_number_expired');
      assert.match(expired.body.detail, /expired at/);
    });

    it('erases personal data 90 days after delivery, keeps masked copies and reports it', { skip }, async () => {
      const deliveredAt = '2026-06-01T08:00:00.000Z';
      const { orderId } = await shipped(deliveredAt);
      const early = await t.platform.privacy.eraseExpired(new Date(Date.parse(deliveredAt) + 89 * DAY_MS));
      assert.equal(early.orders_erased, 0);
      // 2026-06-01 + 90 days = 2026-08-30; the run a day later erases it.
      const report = await t.platform.privacy.eraseExpired(new Date('2026-08-31T00:00:00Z'));
      assert.equal(report.cutoff, '2026-06-02T00:00:00.000Z');
      assert.ok(report.orders_erased >= 1);
      assert.ok(report.virtual_numbers_erased >= 1);
      const again = await t.platform.privacy.eraseExpired(new Date('2026-08-31T00:00:00Z'));
      assert.equal(again.orders_erased, 0, 'a second run finds nothing left');

      const order = await t.call(t.keys.shop, 'GET', `/v1/orders/${orderId}`);
      assert.equal(order.body.recipient.phone, '138****1234', 'masked copies stay');
      const gone = await decrypt(await freshKey('SHOPA'), [orderId]);
      assert.equal(gone.body.items[0].status, 410);
      assert.equal(gone.body.items[0].error.code, 'personal_data_erased');
      const log = await t.call(t.keys.regulator, 'GET', '/v1/privacy/audit?from=2026-08-30T00:00:00Z&to=2026-09-01T00:00:00Z');
      const erasure = log.body.data.find((e: { action: string }) => e.action === 'erase_expired');
      assert.ok(erasure.items.some((item: { order_id: string }) => item.order_id === orderId));
      assert.equal(erasure.party_code, null);
    });
  });
}
