import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLedger } from './ledger.ts';

test('the latest scan by occurrence decides the status, whatever the arrival order', () => {
  const ledger = createLedger();
  const parcel = ledger.waybillIssued({ waybillNo: 'SGX1', carrierCode: 'SGX', destinationAdcode: 210202 });
  ledger.scanAnswered(parcel, 3_000, 'in_transit', 'created');
  // A late upload of the collection at t=1000 arrives after the t=3000 scan: counted, status unchanged.
  ledger.scanAnswered(parcel, 1_000, 'collected', 'created');
  ledger.scanAnswered(parcel, 3_000, 'in_transit', 'duplicate');
  assert.equal(parcel.status, 'in_transit');
  assert.deepEqual(ledger.statusCounts(), { in_transit: 1 });
  assert.equal(ledger.counts.eventsCreated, 2);
  assert.equal(ledger.counts.eventsDuplicate, 1);
  assert.equal(ledger.counts.eventsOutOfOrder, 1);
});
