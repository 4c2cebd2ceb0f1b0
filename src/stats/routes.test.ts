import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { orderBody, startTestPlatform, type TestPlatform } from '../../test/support/platform.ts';

describe('GET /v1/stats/overview', () => {
  let t: TestPlatform;
  before(async () => {
    t = await startTestPlatform('pglite');
    // Two parcels to Ganjingzi (210211, from orderBody) by GULL for SHOPA; the second is collected.
    const waybills: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const order = await t.call(t.keys.shop, 'POST', '/v1/orders', orderBody());
      const request = await t.call(t.keys.shop, 'POST', '/v1/shipping-requests', { order_id: order.body.id, carrier: 'GULL', service_level: 'standard' });
      waybills.push((await t.call(t.keys.carrier, 'POST', '/v1/waybills', { shipping_request_id: request.body.id })).body.waybill_no);
    }
    const no = waybills[1] ?? '';
    await t.call(t.keys.carrier, 'POST', '/v1/events', { event_id: `${no}-1`, waybill_no: no, occurred_at: new Date().toISOString(), code: '1' });
  });
  after(async () => t?.close());

  it('gives a regulator the whole city: counts by district, status, hour and carrier', async () => {
    const reply = await t.call(t.keys.regulator, 'GET', '/v1/stats/overview');
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    const body = reply.body;
    assert.equal(body.scope, 'city');
    assert.deepEqual(body.counters, { created_today: 2, in_flight: 1, delivered_today: 0, exceptions: 0 });
    assert.equal(body.districts.length, 10);
    const ganjingzi = body.districts.find((d: { adcode: string }) => d.adcode === '210211');
    // 2 parcels / 1,798,458 residents × 1,000 = 0.00111… → 0.001.
    assert.deepEqual([ganjingzi.parcels, ganjingzi.per_thousand], [2, 0.001]);
    assert.deepEqual(body.by_status.map((s: { status: string; parcels: number }) => [s.status, s.parcels]).sort(), [['collected', 1], ['created', 1]]);
    assert.equal(body.hours.length, 24);
    assert.equal(body.hours.reduce((sum: number, h: { total: number }) => sum + h.total, 0), 2);
    assert.deepEqual(body.carriers.map((c: { code: string; parcels: number }) => [c.code, c.parcels]), [['GULL', 2]]);
  });

  it('shows a platform only its own parcels', async () => {
    const own = await t.call(t.keys.shop, 'GET', '/v1/stats/overview');
    assert.equal(own.body.scope, 'own');
    assert.equal(own.body.counters.created_today, 2);
    const other = await t.call(t.keys.otherShop, 'GET', '/v1/stats/overview');
    assert.equal(other.body.counters.created_today, 0);
    assert.deepEqual(other.body.carriers, []);
  });

  it('counts another day separately and refuses a malformed date', async () => {
    const past = await t.call(t.keys.regulator, 'GET', '/v1/stats/overview?date=2020-01-01');
    assert.equal(past.body.counters.created_today, 0);
    const bad = await t.call(t.keys.regulator, 'GET', '/v1/stats/overview?date=01-01-2020');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.code, 'validation_failed');
  });

  it('serves the city map layers publicly', async () => {
    const city = await t.call(undefined, 'GET', '/v1/city');
    assert.equal(city.status, 200);
    assert.equal(city.body.districts.features.length, 10);
  });
});
