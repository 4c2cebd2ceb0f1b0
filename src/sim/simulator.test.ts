// A short simulated day through the real API on the embedded database: the platform's parcel
// statuses must match the simulator's ledger exactly, and parcels must reach all 10 districts.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestPlatform, type TestPlatform } from '../../test/support/platform.ts';
import { simulateOneDay, type Ledger } from './index.ts';

const TERMINAL_OR_IN_FLIGHT = new Set(['delivered', 'returned', 'returning', 'exception', 'available_for_pickup', 'out_for_delivery', 'attempt_failed', 'in_transit', 'collected', 'created']);

let test_: TestPlatform;
let baseUrl: string;
let ledger: Ledger;
let elapsedMs: number;

before(async () => {
  test_ = await startTestPlatform('pglite');
  baseUrl = await test_.platform.http.listen({ port: 0, host: '127.0.0.1' });
  const started = Date.now();
  const day = await simulateOneDay(test_.platform.tenancy, baseUrl, { dailyParcels: 200, seed: 'simulator-test', runTag: 'test' });
  ledger = day.ledger;
  elapsedMs = Date.now() - started;
  regulatorKey = day.keys['REGULATOR'] ?? '';
});

after(() => test_.close());

let regulatorKey = '';

/** Every parcel the regulator can see, through the paged list API. */
type ParcelView = { waybill_no: string; status: string; destination_admin_code: string };

async function allParcels(): Promise<ParcelView[]> {
  const parcels: ParcelView[] = [];
  let cursor: string | null = null;
  do {
    const url: string = `${baseUrl}/v1/parcels?limit=100${cursor ? `&cursor=${cursor}` : ''}`;
    const page = (await (await fetch(url, { headers: { authorization: `Bearer ${regulatorKey}` } })).json()) as { data: ParcelView[]; next_cursor: string | null };
    parcels.push(...page.data);
    cursor = page.next_cursor;
  } while (cursor !== null);
  return parcels;
}

test('a simulated day of 200 parcels runs through the API in well under a minute', (t) => {
  t.diagnostic(`simulated day took ${elapsedMs} ms`);
  assert.equal(ledger.counts.orders, 200);
  assert.equal(ledger.counts.waybills, 200);
  assert.equal(ledger.counts.eventsRejected, 0, ledger.firstRejection ?? '');
  assert.ok(ledger.counts.eventsDuplicate > 0, 'some scans were uploaded twice');
  assert.ok(ledger.counts.eventsOutOfOrder > 0, 'some scans arrived after later ones');
  // Batch calls on the embedded database, a few per sim hour: well under a minute on an idle
  // 2-core machine; the bound is looser because test runs share the machine with other work.
  assert.ok(elapsedMs < 120_000, `took ${elapsedMs} ms`);
});

test('the platform status of every parcel matches the ledger exactly', async () => {
  const parcels = await allParcels();
  assert.equal(parcels.length, 200);
  for (const parcel of parcels) {
    assert.equal(parcel.status, ledger.parcels.get(parcel.waybill_no)?.status, `parcel ${parcel.waybill_no}`);
    assert.ok(TERMINAL_OR_IN_FLIGHT.has(parcel.status));
  }
  const platformCounts: Record<string, number> = {};
  for (const parcel of parcels) platformCounts[parcel.status] = (platformCounts[parcel.status] ?? 0) + 1;
  assert.deepEqual(platformCounts, ledger.statusCounts());
});

test('parcels reach all 10 districts of Dalian', async () => {
  const districts = new Set((await allParcels()).map((parcel) => parcel.destination_admin_code));
  assert.equal(districts.size, 10, [...districts].join(' '));
});
