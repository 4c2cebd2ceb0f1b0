/**
 * Console demo data through the public API: orders to every district of the city (more to the
 * populous ones), waybills by the test carrier, and scans that leave parcels in a spread of
 * statuses, one with an anomaly. Used by the browser test and the console benchmark.
 */
import assert from 'node:assert/strict';
import { loadCity } from '../../src/city/index.ts';
import { orderBody, type TestPlatform } from '../support/platform.ts';

// Kuaidi100 scan codes (the test carrier's code set) that each parcel's scans end on, in turn:
// none, collected, in transit, out for delivery, delivered, exception.
const SCAN_PLANS: readonly (readonly string[])[] = [[], ['1'], ['1', '0'], ['1', '0', '5'], ['1', '0', '5', '3'], ['1', '0', '2']];

/** Creates `perMillion` parcels per million residents (at least one per district); returns their waybill numbers. */
export async function seedConsoleData(t: TestPlatform, perMillion = 8): Promise<string[]> {
  const city = loadCity();
  const waybills: string[] = [];
  for (const district of city.districts) {
    const count = Math.max(1, Math.round((district.population2020 / 1_000_000) * perMillion));
    for (let i = 0; i < count; i += 1) {
      const body = orderBody();
      const recipient = { ...body.recipient, address: { ...body.recipient.address, district: district.nameZh, admin_code: String(district.adcode), lng: district.seat.lng, lat: district.seat.lat } };
      const order = await t.call(t.keys.shop, 'POST', '/v1/orders', { ...body, recipient });
      assert.equal(order.status, 201, JSON.stringify(order.body));
      const request = await t.call(t.keys.shop, 'POST', '/v1/shipping-requests', { order_id: order.body.id, carrier: 'GULL', service_level: 'standard' });
      assert.equal(request.status, 201, JSON.stringify(request.body));
      const waybill = await t.call(t.keys.carrier, 'POST', '/v1/waybills', { shipping_request_id: request.body.id });
      assert.equal(waybill.status, 201, JSON.stringify(waybill.body));
      waybills.push(waybill.body.waybill_no);
    }
  }
  const started = Date.now() - 3600_000;
  const events = waybills.flatMap((no, index) =>
    (SCAN_PLANS[index % SCAN_PLANS.length] ?? []).map((code, step) => ({
      event_id: `${no}-${step}`,
      waybill_no: no,
      occurred_at: new Date(started + step * 600_000).toISOString(),
      code,
      message: `扫描 ${code}`,
      facility: { code: `GULL-${step}`, name: `海鸥${step + 1}号站` },
    })),
  );
  // The first parcel (no scans of its own) is delivered and then scanned in transit: an
  // impossible transition, kept and flagged as an anomaly.
  const anomalous = waybills[0];
  if (anomalous) {
    for (const [step, code] of ['3', '0'].entries()) {
      events.push({ event_id: `${anomalous}-x${step}`, waybill_no: anomalous, occurred_at: new Date(started + step * 600_000).toISOString(), code, message: `扫描 ${code}`, facility: { code: 'GULL-X', name: '海鸥中转站' } });
    }
  }
  const batch = await t.call(t.keys.carrier, 'POST', '/v1/events/batch', { events });
  assert.equal(batch.body.rejected, 0, JSON.stringify(batch.body));
  await t.platform.stream.drain();
  return waybills;
}
