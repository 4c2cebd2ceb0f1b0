import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { extendParcelState, foldParcelStatus } from './fold.ts';
import { minuteIso, scan } from './tracked-event-fixture.ts';

const toOutlet = [
  scan('e1', 0, 'CREATED'),
  scan('e2', 60, 'COLLECTED'),
  scan('e3', 120, 'DEPARTED_ORIGIN'),
  scan('e4', 300, 'ARRIVED_HUB'),
  scan('e5', 600, 'ARRIVED_DELIVERY_OUTLET'),
];

describe('foldParcelStatus: hand-written timelines', () => {
  test('no events: the parcel is created', () => {
    assert.deepEqual(foldParcelStatus([]), {
      status: 'created',
      subStatus: null,
      incidentReason: null,
      lastEventAt: null,
      attempts: 0,
      anomalies: [],
      eventCount: 0,
    });
  });

  test('normal delivery', () => {
    const events = [...toOutlet, scan('e6', 660, 'OUT_FOR_DELIVERY'), scan('e7', 720, 'DELIVERED_SIGNED')];
    assert.deepEqual(foldParcelStatus(events), {
      status: 'delivered',
      subStatus: 'signed',
      incidentReason: null,
      lastEventAt: '2026-11-29T12:00:00.000Z', // minute 720 = 12:00
      deliveredAt: '2026-11-29T12:00:00.000Z',
      attempts: 0,
      anomalies: [],
      eventCount: 7,
    });
  });

  test('failed attempt, then delivered on the second round', () => {
    const failed = [...toOutlet, scan('e6', 660, 'OUT_FOR_DELIVERY'), scan('e7', 700, 'ATTEMPT_FAILED_ABSENT')];
    const midway = foldParcelStatus(failed);
    assert.equal(midway.status, 'attempt_failed');
    assert.equal(midway.incidentReason, 'recipient_absent');

    const events = [...failed, scan('e8', 1500, 'REDELIVERY'), scan('e9', 1560, 'DELIVERED_SIGNED')];
    const state = foldParcelStatus(events);
    assert.equal(state.status, 'delivered');
    assert.equal(state.incidentReason, null, 'the reason belongs to the failed attempt, not the delivery');
    assert.equal(state.attempts, 1);
    assert.equal(state.deliveredAt, minuteIso(1560));
    assert.deepEqual(state.anomalies, []);
  });

  test('locker deposit, then pickup', () => {
    const deposited = [...toOutlet, scan('e6', 660, 'OUT_FOR_DELIVERY'), scan('e7', 690, 'IN_LOCKER')];
    assert.equal(foldParcelStatus(deposited).subStatus, 'in_locker');
    const state = foldParcelStatus([...deposited, scan('e8', 1000, 'DELIVERED_LOCKER')]);
    assert.deepEqual([state.status, state.subStatus, state.anomalies.length], ['delivered', 'picked_up_locker', 0]);
  });

  test('refused, returned: return-leg transit scans keep the status returning', () => {
    const returning = [
      ...toOutlet,
      scan('e6', 660, 'OUT_FOR_DELIVERY'),
      scan('e7', 700, 'EXCEPTION_REFUSED'),
      scan('e8', 800, 'RETURNING'),
      scan('e9', 1200, 'ARRIVED_HUB'),
    ];
    assert.equal(foldParcelStatus(returning).status, 'returning');
    const state = foldParcelStatus([...returning, scan('e10', 2000, 'RETURNED')]);
    assert.deepEqual([state.status, state.anomalies.length, state.eventCount], ['returned', 0, 10]);
  });

  test('a scan after delivery is flagged and does not change the terminal status', () => {
    const events = [...toOutlet, scan('e6', 720, 'DELIVERED_SIGNED'), scan('e7', 800, 'ARRIVED_HUB')];
    const state = foldParcelStatus(events);
    assert.deepEqual([state.status, state.subStatus], ['delivered', 'signed']);
    assert.equal(state.lastEventAt, minuteIso(800), 'the anomalous event still counts as seen');
    assert.deepEqual(state.anomalies, [
      {
        source: 'carrier-a',
        eventId: 'e7',
        occurredAt: minuteIso(800),
        from: 'delivered',
        to: 'in_transit',
        reason: 'in_transit cannot follow delivered, which is terminal; the status stays delivered',
      },
    ]);
  });

  test('cancelled then collected is an anomaly; the parcel stays cancelled', () => {
    const state = foldParcelStatus([scan('e1', 0, 'CREATED'), scan('e2', 10, 'CANCELLED'), scan('e3', 20, 'COLLECTED')]);
    assert.equal(state.status, 'cancelled');
    assert.deepEqual(state.anomalies.map((a) => [a.eventId, a.from, a.to]), [['e3', 'cancelled', 'collected']]);
  });

  test('a non-terminal illegal step is flagged and moves the status', () => {
    const state = foldParcelStatus([...toOutlet, scan('e6', 660, 'OUT_FOR_DELIVERY'), scan('e7', 700, 'COLLECTED')]);
    assert.equal(state.status, 'collected');
    assert.deepEqual(state.anomalies.map((a) => [a.from, a.to]), [['out_for_delivery', 'collected']]);
  });

  test('skipping steps is legal: created straight to delivered', () => {
    const state = foldParcelStatus([scan('e1', 0, 'CREATED'), scan('e2', 30, 'DELIVERED_STATION')]);
    assert.deepEqual([state.status, state.anomalies.length], ['delivered', 0]);
  });
});

describe('foldParcelStatus: duplicates, ties and arrival order', () => {
  test('the same event twice counts once; the same id from another source is another event', () => {
    const events = [scan('e1', 0, 'COLLECTED'), scan('e2', 10, 'ATTEMPT_FAILED'), scan('e2', 10, 'ATTEMPT_FAILED')];
    assert.deepEqual([foldParcelStatus(events).attempts, foldParcelStatus(events).eventCount], [1, 2]);
    const otherSource = [...events, scan('e2', 10, 'ATTEMPT_FAILED', { source: 'carrier-b' })];
    assert.equal(foldParcelStatus(otherSource).attempts, 2);
  });

  test('two copies of one event id with different content: the first recorded counts, whatever the arrival order', () => {
    const first = scan('e2', 10, 'EXCEPTION_DAMAGED', { recordedMinute: 11 });
    const resent = scan('e2', 10, 'EXCEPTION_LOST', { recordedMinute: 50 });
    for (const events of [[first, resent], [resent, first]]) {
      assert.equal(foldParcelStatus(events).incidentReason, 'carrier_damaged');
    }
  });

  test('events at the same instant fold in plausible order: the failed attempt before the delivery', () => {
    const events = [scan('z-delivered', 100, 'DELIVERED_SIGNED'), scan('a-failed', 100, 'ATTEMPT_FAILED')];
    const state = foldParcelStatus(events);
    assert.deepEqual([state.status, state.attempts, state.anomalies.length], ['delivered', 1, 0]);
  });

  test('timestamps that spell the same instant differently are the same instant', () => {
    const a = { ...scan('e1', 0, 'COLLECTED'), occurredAt: '2026-11-29T10:00:00Z' };
    const b = { ...scan('e2', 0, 'DELIVERED_SIGNED'), occurredAt: '2026-11-29T18:00:00.000+08:00' };
    assert.equal(foldParcelStatus([b, a]).status, 'delivered');
    assert.equal(foldParcelStatus([b, a]).lastEventAt, '2026-11-29T10:00:00.000Z');
  });

  test('an unparseable occurredAt is an error naming the event', () => {
    const broken = { ...scan('e9', 0, 'COLLECTED'), occurredAt: 'yesterday' };
    assert.throws(() => foldParcelStatus([broken]), /event carrier-a\/e9: occurredAt "yesterday" is not an ISO 8601 timestamp/);
  });
});

describe('extendParcelState', () => {
  test('a strictly newer event extends the state exactly as a refold would', () => {
    const next = scan('e6', 660, 'OUT_FOR_DELIVERY');
    assert.deepEqual(extendParcelState(foldParcelStatus(toOutlet), next), foldParcelStatus([...toOutlet, next]));
  });

  test('an event at or before lastEventAt asks for a refold', () => {
    // toOutlet ends at minute 600; 600 is not strictly after it, so ties are left to the full fold.
    assert.equal(extendParcelState(foldParcelStatus(toOutlet), scan('e6', 600, 'OUT_FOR_DELIVERY')), null);
    assert.equal(extendParcelState(foldParcelStatus(toOutlet), scan('e6', 30, 'COLLECTED')), null);
  });
});
