/**
 * The batch routes on both drivers: POST /v1/orders/batch (orders with their shipping requests)
 * and POST /v1/waybills/batch. Good items are stored even when others fail, rejected items write
 * nothing, oversize batches are refused whole, Idempotency-Key replays, and another party's
 * request answers as not found.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { DRIVERS, postgresSkipReason } from '../../test/support/databases.ts';
import { orderBody, startTestPlatform, type TestPlatform } from '../../test/support/platform.ts';
import { MAX_EXCHANGE_BATCH } from './schemas.ts';

const shipping = (carrier = 'GULL') => ({ carrier, service_level: 'standard' });

for (const driver of DRIVERS) {
  describe(`exchange batches on ${driver}`, async () => {
    const skip = driver === 'postgres' ? await postgresSkipReason() : undefined;
    let t: TestPlatform;
    const delivered: Record<string, number> = {};
    before(async () => {
      if (skip) return;
      t = await startTestPlatform(driver);
      t.platform.stream.subscribe({
        name: 'batch-test',
        types: ['order.*', 'shipping_request.*', 'waybill.*'],
        handle: async (events) => events.forEach((event) => void (delivered[event.type] = (delivered[event.type] ?? 0) + 1)),
      });
    });
    after(async () => t?.close());

    /** Rows per table and events delivered per type, to prove what a call did and did not write. */
    async function counts(): Promise<Record<string, number>> {
      const db = t.platform.database.db;
      await t.platform.stream.drain();
      const result: Record<string, number> = { ...delivered };
      for (const table of ['orders', 'shipping_requests', 'waybills', 'parcels'] as const) {
        result[table] = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(db)).rows[0]?.n);
      }
      return result;
    }

    const delta = (before: Record<string, number>, after: Record<string, number>) =>
      Object.fromEntries(Object.keys(after).map((key) => [key, (after[key] ?? 0) - (before[key] ?? 0)]).filter(([, n]) => n !== 0));

    /** Places `n` orders with shipping to GULL in one batch; returns their shipping request ids. */
    async function pendingRequests(n: number): Promise<string[]> {
      const reply = await t.call(t.keys.shop, 'POST', '/v1/orders/batch', { orders: Array.from({ length: n }, () => ({ ...orderBody(), shipping: shipping() })) });
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      return reply.body.results.map((item: { shipping_request_id: string }) => item.shipping_request_id);
    }

    it('stores the good orders of a mixed batch with their shipping requests and rejects the rest one by one', { skip }, async () => {
      const existing = orderBody();
      assert.equal((await t.call(t.keys.shop, 'POST', '/v1/orders', existing)).status, 201);
      const start = await counts();
      const good = orderBody();
      const twin = orderBody();
      const reply = await t.call(t.keys.shop, 'POST', '/v1/orders/batch', {
        orders: [
          { ...good, shipping: shipping() },
          { ...orderBody(), weight_g: -1 },
          { ...orderBody(), declared_value_fen: 1 },
          { ...orderBody(), shipping: shipping('NOSUCH') },
          existing,
          twin,
          { ...twin },
          'not an order',
        ],
      });
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      assert.deepEqual([reply.body.created, reply.body.duplicates, reply.body.rejected], [2, 0, 6]);
      const results = reply.body.results as { index: number; external_id: string | null; result: string; order_id?: string; shipping_request_id?: string; error?: { code: string } }[];
      assert.deepEqual(results.map((item) => item.index), [0, 1, 2, 3, 4, 5, 6, 7]);
      assert.deepEqual(results.map((item) => item.result === 'created' ? 'created' : item.error?.code), [
        'created', 'validation_failed', 'validation_failed', 'validation_failed', 'duplicate_external_id', 'created', 'duplicate_external_id', 'validation_failed',
      ]);
      assert.equal(results[0]?.external_id, good.external_id);
      assert.equal(results[7]?.external_id, null);
      assert.ok(results[0]?.shipping_request_id);
      assert.equal(results[5]?.shipping_request_id, undefined, 'no shipping asked, none created');

      const stored = await t.call(t.keys.shop, 'GET', `/v1/orders/${results[0]?.order_id}`);
      assert.equal(stored.status, 200);
      assert.equal(stored.body.recipient.phone, '138****1234', 'masked like a single order');
      assert.deepEqual(delta(start, await counts()), { orders: 2, shipping_requests: 1, 'order.created': 2, 'shipping_request.created': 1 });
    });

    it('refuses an oversize batch whole with 413 and writes nothing', { skip }, async () => {
      const start = await counts();
      const orders = Array.from({ length: MAX_EXCHANGE_BATCH + 1 }, () => orderBody());
      const reply = await t.call(t.keys.shop, 'POST', '/v1/orders/batch', { orders });
      assert.equal(reply.status, 413);
      assert.equal(reply.body.code, 'batch_too_large');
      const waybills = await t.call(t.keys.carrier, 'POST', '/v1/waybills/batch', { waybills: Array.from({ length: MAX_EXCHANGE_BATCH + 1 }, (_, k) => ({ shipping_request_id: `shr_${k}` })) });
      assert.equal(waybills.status, 413);
      assert.equal((await t.call(t.keys.shop, 'POST', '/v1/orders/batch', { orders: [] })).status, 400);
      assert.equal((await t.call(t.keys.shop, 'POST', '/v1/orders/batch', { items: [orderBody()] })).status, 400);
      assert.deepEqual(delta(start, await counts()), {});
    });

    it('needs the shipping:write scope for orders that name a carrier', { skip }, async () => {
      const shop = await t.platform.tenancy.findPartyByCode('SHOPA');
      assert.ok(shop);
      const { key } = await t.platform.tenancy.issueKey(shop, { scopes: ['orders:write'] });
      const start = await counts();
      const refused = await t.call(key, 'POST', '/v1/orders/batch', { orders: [orderBody(), { ...orderBody(), shipping: shipping() }] });
      assert.equal(refused.status, 403);
      assert.deepEqual(delta(start, await counts()), {});
      assert.equal((await t.call(key, 'POST', '/v1/orders/batch', { orders: [orderBody()] })).body.created, 1);
    });

    it('replays an order batch sent again with the same Idempotency-Key', { skip }, async () => {
      const body = { orders: [{ ...orderBody(), shipping: shipping() }, orderBody()] };
      const headers = { 'idempotency-key': `orders-batch-${driver}` };
      const first = await t.call(t.keys.shop, 'POST', '/v1/orders/batch', body, headers);
      assert.equal(first.status, 200);
      const start = await counts();
      const again = await t.call(t.keys.shop, 'POST', '/v1/orders/batch', body, headers);
      assert.equal(again.status, 200);
      assert.equal(again.headers['idempotent-replayed'], 'true');
      assert.deepEqual(again.body, first.body);
      assert.deepEqual(delta(start, await counts()), {});
      const changed = await t.call(t.keys.shop, 'POST', '/v1/orders/batch', { orders: [orderBody()] }, headers);
      assert.equal(changed.status, 422);
    });

    it('issues the waybills of a mixed batch and registers their parcels; the rest write nothing', { skip }, async () => {
      const [first, second, settled, numbered] = await pendingRequests(4);
      assert.ok(first && second && settled && numbered);
      const other = await t.call(t.keys.shop, 'POST', '/v1/orders/batch', { orders: [{ ...orderBody(), shipping: shipping('BOHAI') }] });
      const othersRequest = other.body.results[0].shipping_request_id as string;
      assert.equal((await t.call(t.keys.carrier, 'POST', '/v1/waybills', { shipping_request_id: settled })).status, 201);
      const taken = await t.call(t.keys.carrier, 'POST', '/v1/waybills/batch', { waybills: [{ shipping_request_id: first, waybill_no: `TAKEN${driver}01` }] });
      assert.equal(taken.body.created, 1);

      const start = await counts();
      const reply = await t.call(t.keys.carrier, 'POST', '/v1/waybills/batch', {
        waybills: [
          { shipping_request_id: second },
          { shipping_request_id: othersRequest },
          { shipping_request_id: 'shr_does_not_exist' },
          { shipping_request_id: settled },
          { shipping_request_id: second },
          { shipping_request_id: numbered, waybill_no: `TAKEN${driver}01` },
          { waybill_no: 'NOREQUEST1' },
        ],
      });
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      const results = reply.body.results as { result: string; shipping_request_id: string | null; waybill_no?: string; parcel_id?: string; error?: { code: string } }[];
      assert.deepEqual(results.map((item) => item.result === 'created' ? 'created' : item.error?.code), [
        'created', 'not_found', 'not_found', 'invalid_state', 'conflict', 'duplicate_waybill_number', 'validation_failed',
      ]);
      assert.equal(results[1]?.shipping_request_id, othersRequest);
      assert.match(results[0]?.waybill_no ?? '', /^GULL\d{13}$/);
      assert.ok(results[0]?.parcel_id);
      assert.deepEqual(delta(start, await counts()), { waybills: 1, parcels: 1, 'waybill.created': 1 });

      const timeline = await t.call(t.keys.shop, 'GET', `/v1/tracking/${results[0]?.waybill_no}`);
      assert.equal(timeline.status, 200);
      assert.equal(timeline.body.status, 'created');
      // The request refused for a taken number is still pending: the carrier can issue it with a new number.
      const retry = await t.call(t.keys.carrier, 'POST', '/v1/waybills/batch', { waybills: [{ shipping_request_id: numbered }] });
      assert.equal(retry.body.created, 1, JSON.stringify(retry.body));
    });

    it('replays a waybill batch sent again with the same Idempotency-Key', { skip }, async () => {
      const requests = await pendingRequests(2);
      const body = { waybills: requests.map((id) => ({ shipping_request_id: id })) };
      const headers = { 'idempotency-key': `waybills-batch-${driver}` };
      const first = await t.call(t.keys.carrier, 'POST', '/v1/waybills/batch', body, headers);
      assert.equal(first.body.created, 2);
      const start = await counts();
      const again = await t.call(t.keys.carrier, 'POST', '/v1/waybills/batch', body, headers);
      assert.equal(again.headers['idempotent-replayed'], 'true');
      assert.deepEqual(again.body, first.body);
      assert.deepEqual(delta(start, await counts()), {});
      const resent = await t.call(t.keys.carrier, 'POST', '/v1/waybills/batch', body);
      assert.deepEqual(resent.body.results.map((item: { error?: { code: string } }) => item.error?.code), ['invalid_state', 'invalid_state'], 'without the key, a re-sent batch finds the requests accepted');
    });
  });
}
