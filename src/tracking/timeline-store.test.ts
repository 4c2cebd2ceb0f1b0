/**
 * The one-statement timeline read gives exactly what reading the parcel and event rows and
 * formatting them in JavaScript gives (timestamps with microseconds included), and sees only
 * what the viewer may see.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { DRIVERS, postgresSkipReason } from '../../test/support/databases.ts';
import { orderBody, startTestPlatform, type TestPlatform } from '../../test/support/platform.ts';
import { createTimelineStore } from './timeline-store.ts';

interface ParcelRecord { id: string; carrier_id: string; platform_id: string; last_event_at: Date | null; delivered_at: Date | null }
interface EventRecord {
  source_event_id: string;
  carrier_id: string;
  occurred_at: Date;
  recorded_at: Date;
  status: string;
  sub_status: string | null;
  incident_reason: string | null;
  code_set: string;
  raw_code: string;
  raw_message: string | null;
  facility: unknown;
}

for (const driver of DRIVERS) {
  describe(`timeline reads on ${driver}`, async () => {
    const skip = driver === 'postgres' ? await postgresSkipReason() : undefined;
    let t: TestPlatform;
    let waybillNo: string;
    let parcel: ParcelRecord;
    before(async () => {
      if (skip) return;
      t = await startTestPlatform(driver);
      const order = await t.call(t.keys.shop, 'POST', '/v1/orders', orderBody());
      const request = await t.call(t.keys.shop, 'POST', '/v1/shipping-requests', { order_id: order.body.id, carrier: 'GULL', service_level: 'standard' });
      waybillNo = (await t.call(t.keys.carrier, 'POST', '/v1/waybills', { shipping_request_id: request.body.id })).body.waybill_no;
      const scan = (id: string, occurredAt: string, code: string, extra: object = {}) => ({ event_id: `${waybillNo}-${id}`, waybill_no: waybillNo, occurred_at: occurredAt, code, ...extra });
      const pushed = await t.call(t.keys.carrier, 'POST', '/v1/events/batch', {
        events: [
          // delivered before it was collected: an anomaly, so the fold input is read too
          scan('a', '2026-11-28T08:00:00.999999Z', '3', { message: 'signed', facility: { code: 'F1', name: 'Hub', admin_code: '210211', lng: 121.5, lat: 38.9 } }),
          scan('b', '2026-11-28T09:00:00.000001+08:00', '0'),
          scan('c', '2026-11-28T01:00:00.999999Z', '1', { message: 'late scan' }),
          scan('d', '2026-11-28T01:00:00.999999Z', '5'),
        ],
      });
      assert.equal(pushed.body.created, 4, JSON.stringify(pushed.body));
      parcel = (await sql<ParcelRecord>`SELECT * FROM parcels WHERE waybill_no = ${waybillNo}`.execute(t.platform.database.db)).rows[0] as ParcelRecord;
    });
    after(async () => t?.close());

    const viewer = (partyId: string, seesAll = false) => ({ partyId, seesAll });

    it('reads the parcel and its events as the row-by-row read formats them', { skip }, async () => {
      const db = t.platform.database.db;
      const events = (await sql<EventRecord>`SELECT * FROM tracking_events WHERE parcel_id = ${parcel.id} ORDER BY occurred_at, source_event_id`.execute(db)).rows;
      const [found, ...more] = await createTimelineStore(db).findByWaybill(waybillNo, viewer(parcel.platform_id));
      assert.equal(more.length, 0);
      assert.equal(found?.last_event_at, parcel.last_event_at?.toISOString() ?? null);
      assert.equal(found?.delivered_at, parcel.delivered_at?.toISOString() ?? null);
      assert.ok((found?.anomaly_count ?? 0) > 0);
      assert.deepEqual(
        JSON.parse(found?.events_json ?? 'null'),
        events.map((e) => ({
          event_id: e.source_event_id,
          occurred_at: e.occurred_at.toISOString(),
          recorded_at: e.recorded_at.toISOString(),
          status: e.status,
          sub_status: e.sub_status,
          incident_reason: e.incident_reason,
          raw: { code_set: e.code_set, code: e.raw_code, message: e.raw_message },
          facility: e.facility ?? null,
          anomaly: null,
        })),
      );
      assert.deepEqual(
        await createTimelineStore(db).foldInput(parcel.id),
        events.map((e) => ({ eventId: e.source_event_id, source: e.carrier_id, occurredAt: e.occurred_at.toISOString(), recordedAt: e.recorded_at.toISOString(), status: e.status, rawCode: e.raw_code })),
      );
    });

    it('finds the parcel only for its carrier, its platform and regulators', { skip }, async () => {
      const store = createTimelineStore(t.platform.database.db);
      assert.equal((await store.findByWaybill(waybillNo, viewer(parcel.carrier_id))).length, 1);
      assert.equal((await store.findByWaybill(waybillNo, viewer('pty_someone_else', true))).length, 1);
      assert.equal((await store.findByWaybill(waybillNo, viewer('pty_someone_else'))).length, 0);
      assert.equal((await store.findByWaybill(waybillNo, viewer(parcel.platform_id), 'pty_other_carrier')).length, 0);
      assert.equal((await store.findByWaybill('NOSUCH000000', viewer(parcel.platform_id))).length, 0);
    });
  });
}
