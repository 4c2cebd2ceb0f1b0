/**
 * End to end through the HTTP stack on both storage drivers: a platform pushes an order, a
 * carrier issues a waybill and pushes scans (late, duplicated, out of order), and the canonical
 * timeline comes out right; bad input gets a problem+json and writes nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TimelineSchema } from '../src/tracking/schemas.ts';
import { DRIVERS, postgresSkipReason } from './support/databases.ts';
import { orderBody, startTestPlatform, type TestPlatform } from './support/platform.ts';
import { assertMatchesSchema } from './support/schema.ts';

for (const driver of DRIVERS) {
  describe(`platform spine on ${driver}`, async () => {
    const skip = driver === 'postgres' ? await postgresSkipReason() : undefined;
    let t: TestPlatform;
    before(async () => {
      if (!skip) t = await startTestPlatform(driver);
    });
    after(async () => t?.close());

    async function shippedWaybill() {
      const order = await t.call(t.keys.shop, 'POST', '/v1/orders', orderBody());
      assert.equal(order.status, 201, JSON.stringify(order.body));
      const request = await t.call(t.keys.shop, 'POST', '/v1/shipping-requests', { order_id: order.body.id, carrier: 'GULL', service_level: 'standard' });
      assert.equal(request.status, 201, JSON.stringify(request.body));
      const waybill = await t.call(t.keys.carrier, 'POST', '/v1/waybills', { shipping_request_id: request.body.id });
      assert.equal(waybill.status, 201, JSON.stringify(waybill.body));
      return { order: order.body, waybill: waybill.body };
    }

    it('masks personal data on orders and labels', { skip }, async () => {
      const { order, waybill } = await shippedWaybill();
      assert.equal(order.recipient.name, '王**');
      assert.equal(order.recipient.phone, '138****1234');
      assert.equal(order.recipient.address.detail.includes('502'), false);
      assert.equal(waybill.label.recipient_zone.phone, '138****1234');
      assert.match(waybill.label.destination_zone.sorting_code, /^2102-11-\d{3}$/);
      assert.match(waybill.waybill_no, /^GULL\d{13}$/);
    });

    it('folds late, duplicated and out-of-order scans into the same timeline', { skip }, async () => {
      const { waybill } = await shippedWaybill();
      const no = waybill.waybill_no;
      const scan = (id: string, minute: number, code: string) => ({ event_id: `${no}-${id}`, waybill_no: no, occurred_at: new Date(Date.UTC(2026, 10, 28, 8, minute)).toISOString(), code, message: `scan ${id}` });
      const inOrder = [scan('a', 0, '1'), scan('b', 30, '0'), scan('c', 90, '5'), scan('d', 120, '3')];
      const shuffled = [inOrder[3], inOrder[1], inOrder[1], inOrder[0], inOrder[2]];
      const batch = await t.call(t.keys.carrier, 'POST', '/v1/events/batch', { events: shuffled });
      assert.equal(batch.status, 200, JSON.stringify(batch.body));
      assert.deepEqual([batch.body.created, batch.body.duplicates, batch.body.rejected], [4, 1, 0]);
      const again = await t.call(t.keys.carrier, 'POST', '/v1/events/batch', { events: inOrder });
      assert.deepEqual([again.body.created, again.body.duplicates], [0, 4]);

      const timeline = await t.call(t.keys.shop, 'GET', `/v1/tracking/${no}`);
      assert.equal(timeline.status, 200, JSON.stringify(timeline.body));
      assert.equal(timeline.headers['content-type'], 'application/json; charset=utf-8');
      assert.equal(timeline.body.status, 'delivered');
      assert.deepEqual(timeline.body.events.map((e: { raw: { code: string } }) => e.raw.code), ['1', '0', '5', '3']);
      assert.equal(timeline.body.events[0].raw.code_set, 'kuaidi100');
      assert.deepEqual(timeline.body.anomalies, []);
      assertMatchesSchema(TimelineSchema, timeline.body);
    });

    it('stores the new scans of a batch that re-sends stored ones, and marks only those duplicates', { skip }, async () => {
      const { waybill } = await shippedWaybill();
      const no = waybill.waybill_no;
      const scan = (id: string, minute: number, code: string) => ({ event_id: `${no}-${id}`, waybill_no: no, occurred_at: new Date(Date.UTC(2026, 10, 28, 8, minute)).toISOString(), code, message: `scan ${id}` });
      const first = await t.call(t.keys.carrier, 'POST', '/v1/events/batch', { events: [scan('a', 0, '1'), scan('b', 30, '0')] });
      assert.deepEqual([first.body.created, first.body.duplicates], [2, 0]);
      const mixed = await t.call(t.keys.carrier, 'POST', '/v1/events/batch', { events: [scan('a', 0, '1'), scan('c', 90, '5'), scan('b', 30, '0')] });
      assert.equal(mixed.status, 200, JSON.stringify(mixed.body));
      assert.deepEqual(mixed.body.results.map((r: { result: string }) => r.result), ['duplicate', 'created', 'duplicate']);
      const timeline = await t.call(t.keys.shop, 'GET', `/v1/tracking/${no}`);
      assert.deepEqual(timeline.body.events.map((e: { raw: { code: string } }) => e.raw.code), ['1', '0', '5']);
    });

    it('gives the same parcel states when batches touching the same parcels run at once as one after the other', { skip }, async () => {
      const journey = ['COLLECTED', ...Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? 'OUT_FOR_DELIVERY' : 'ATTEMPT_FAILED_ABSENT')), 'DELIVERED_SIGNED'];
      // Batch k carries step k of every parcel; steps are an hour apart and sent in scrambled order.
      const batchesFor = (waybillNos: readonly string[]) =>
        journey.map((code, step) => ({
          events: waybillNos.map((no) => ({ event_id: `${no}-${step}`, waybill_no: no, occurred_at: new Date(Date.UTC(2026, 10, 28, step)).toISOString(), code, code_set: 'generic' })),
        }));
      const order = [4, 9, 0, 7, 2, 8, 1, 5, 3, 6];
      const parcelsOf = async () => Promise.all([1, 2, 3].map(async () => (await shippedWaybill()).waybill.waybill_no as string));
      const [together, inTurn] = [await parcelsOf(), await parcelsOf()];
      const concurrent = batchesFor(together);
      const answers = await Promise.all(order.map((step) => t.call(t.keys.carrier, 'POST', '/v1/events/batch', concurrent[step])));
      assert.ok(answers.every((answer) => answer.status === 200 && answer.body.created === 3), JSON.stringify(answers.map((a) => a.body)));
      const sequential = batchesFor(inTurn);
      for (const step of order) assert.equal((await t.call(t.keys.carrier, 'POST', '/v1/events/batch', sequential[step])).body.created, 3);
      const stateOf = async (no: string) => {
        const { body } = await t.call(t.keys.shop, 'GET', `/v1/tracking/${no}`);
        return { status: body.status, sub_status: body.sub_status, attempts: body.attempts, last_event_at: body.last_event_at, delivered_at: body.delivered_at, anomalies: body.anomalies.length, events: body.events.length };
      };
      for (const [i, no] of together.entries()) {
        const expected = await stateOf(inTurn[i] ?? '');
        assert.deepEqual(await stateOf(no), expected);
        assert.equal(expected.attempts, 4);
        assert.equal(expected.events, journey.length);
      }
    });

    it('flags an impossible transition without dropping the event', { skip }, async () => {
      const { waybill } = await shippedWaybill();
      const no = waybill.waybill_no;
      const events = [
        { event_id: `${no}-1`, waybill_no: no, occurred_at: '2026-11-28T08:00:00Z', code: '3' },
        { event_id: `${no}-2`, waybill_no: no, occurred_at: '2026-11-28T09:00:00Z', code: '0' },
      ];
      await t.call(t.keys.carrier, 'POST', '/v1/events/batch', { events });
      const timeline = await t.call(t.keys.regulator, 'GET', `/v1/tracking/${no}`);
      assert.equal(timeline.body.events.length, 2);
      assert.equal(timeline.body.anomalies.length, 1);
      assert.equal(timeline.body.events[1].anomaly, timeline.body.anomalies[0].reason);
      assert.equal(timeline.body.events[0].anomaly, null);
      assertMatchesSchema(TimelineSchema, timeline.body);
    });

    it('stores good batch items and rejects bad ones one by one', { skip }, async () => {
      const { waybill } = await shippedWaybill();
      const no = waybill.waybill_no;
      const reply = await t.call(t.keys.carrier, 'POST', '/v1/events/batch', {
        events: [
          { event_id: `${no}-ok`, waybill_no: no, occurred_at: '2026-11-28T08:00:00Z', code: '1' },
          { event_id: `${no}-code`, waybill_no: no, occurred_at: '2026-11-28T08:00:00Z', code: '999' },
          { event_id: `${no}-wb`, waybill_no: 'NOSUCH123456', occurred_at: '2026-11-28T08:00:00Z', code: '1' },
          { event_id: 42, waybill_no: no },
        ],
      });
      assert.equal(reply.status, 200);
      assert.deepEqual(reply.body.results.map((r: { result: string; error?: { code: string } }) => r.error?.code ?? r.result), ['created', 'unknown_code', 'not_found', 'validation_failed']);
      // A leap second is a valid RFC 3339 time that JavaScript cannot read; it is refused alone.
      const leap = await t.call(t.keys.carrier, 'POST', '/v1/events/batch', {
        events: [
          { event_id: `${no}-leap`, waybill_no: no, occurred_at: '2026-06-30T23:59:60Z', code: '1' },
          { event_id: `${no}-after`, waybill_no: no, occurred_at: '2026-11-28T08:30:00Z', code: '1' },
        ],
      });
      assert.equal(leap.status, 200);
      assert.deepEqual(leap.body.results.map((r: { result: string; error?: { code: string; message: string } }) => r.error?.message ?? r.result), ['occurred_at 2026-06-30T23:59:60Z is not a date and time', 'created']);
      const oversize = await t.call(t.keys.carrier, 'POST', '/v1/events/batch', { events: Array.from({ length: 1001 }, () => ({})) });
      assert.equal(oversize.status, 413);
      assert.equal(oversize.body.code, 'batch_too_large');
    });

    it('answers bad input with problem+json and writes nothing', { skip }, async () => {
      const malformed = await t.call(t.keys.shop, 'POST', '/v1/orders', '{"external_id": ');
      assert.equal(malformed.status, 400);
      assert.equal(malformed.body.code, 'malformed_json');
      assert.equal(malformed.headers['content-type'], 'application/problem+json; charset=utf-8');
      const missing = await t.call(t.keys.shop, 'POST', '/v1/orders', { external_id: 'x' });
      assert.equal(missing.body.code, 'validation_failed');
      const wrongType = await t.call(t.keys.shop, 'POST', '/v1/orders', orderBody({ weight_g: 'heavy' }));
      assert.equal(wrongType.status, 400);
      const badEnum = await t.call(t.keys.shop, 'POST', '/v1/orders', orderBody({ service_hint: 'teleport' }));
      assert.equal(badEnum.status, 400);
      const body = orderBody();
      assert.equal((await t.call(t.keys.shop, 'POST', '/v1/orders', body)).status, 201);
      const duplicate = await t.call(t.keys.shop, 'POST', '/v1/orders', body);
      assert.equal(duplicate.status, 409);
      assert.equal(duplicate.body.code, 'duplicate_external_id');
      const unknownWaybill = await t.call(t.keys.shop, 'GET', '/v1/tracking/NOSUCH123456');
      assert.equal(unknownWaybill.status, 404);
      const list = await t.call(t.keys.shop, 'GET', '/v1/orders?limit=100');
      assert.equal(list.body.data.filter((o: { external_id: string }) => o.external_id === body.external_id).length, 1);
      assert.equal((await t.call(undefined, 'GET', '/v1/orders')).status, 401);
      assert.equal((await t.call('pgk_test_nonsense', 'GET', '/v1/orders')).status, 401);
      assert.equal((await t.call(t.keys.carrier, 'POST', '/v1/orders', orderBody())).status, 403);
    });

    it('shows each party only its own data, as if the rest did not exist', { skip }, async () => {
      const { order, waybill } = await shippedWaybill();
      assert.equal((await t.call(t.keys.otherShop, 'GET', `/v1/orders/${order.id}`)).status, 404);
      assert.equal((await t.call(t.keys.otherShop, 'GET', `/v1/tracking/${waybill.waybill_no}`)).status, 404);
      assert.equal((await t.call(t.keys.kdniaoCarrier, 'GET', `/v1/tracking/${waybill.waybill_no}`)).status, 404);
      assert.equal((await t.call(t.keys.regulator, 'GET', `/v1/tracking/${waybill.waybill_no}`)).status, 200);
    });

    it('replays an idempotent POST and refuses the key with another body', { skip }, async () => {
      const body = orderBody();
      const headers = { 'idempotency-key': `key-${body.external_id}` };
      const first = await t.call(t.keys.shop, 'POST', '/v1/orders', body, headers);
      const second = await t.call(t.keys.shop, 'POST', '/v1/orders', body, headers);
      assert.equal(second.status, 201);
      assert.equal(second.headers['idempotent-replayed'], 'true');
      assert.deepEqual(second.body, first.body);
      const other = await t.call(t.keys.shop, 'POST', '/v1/orders', orderBody(), headers);
      assert.equal(other.status, 422);
      assert.equal(other.body.code, 'idempotency_key_reused');
    });

    it('pages through parcels with a cursor', { skip }, async () => {
      for (let i = 0; i < 3; i++) await shippedWaybill();
      const seen = new Set<string>();
      let cursor: string | null = null;
      do {
        const page: { body: { data: { id: string }[]; next_cursor: string | null } } = await t.call(t.keys.carrier, 'GET', `/v1/parcels?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        for (const parcel of page.body.data) seen.add(parcel.id);
        cursor = page.body.next_cursor;
      } while (cursor);
      const all = await t.call(t.keys.carrier, 'GET', '/v1/parcels?limit=100');
      assert.equal(seen.size, all.body.data.length);
      assert.equal((await t.call(t.keys.carrier, 'GET', '/v1/parcels?cursor=garbage')).status, 400);
    });

    it('delivers every outbox event to a subscriber', { skip }, async () => {
      const seen: string[] = [];
      t.platform.stream.subscribe({ name: `test-${driver}`, types: ['waybill.*'], handle: async (events) => void seen.push(...events.map((e) => e.type)) });
      const { waybill } = await shippedWaybill();
      await t.platform.stream.drain();
      assert.ok(seen.includes('waybill.created'), `saw ${seen.join(', ')} for ${waybill.id}`);
    });
  });
}
