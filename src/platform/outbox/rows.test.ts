import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toEnvelopes, type OutboxRow } from './rows.ts';

const row = (overrides: Partial<OutboxRow>): OutboxRow => ({
  seq: 7,
  txid: 100,
  id: 'evt_1',
  type: 'parcel.tracking_updated',
  occurred_at: new Date('2026-11-28T01:00:00.000Z'),
  recorded_at: new Date('2026-11-28T02:00:00.000Z'),
  source: 'GULL',
  subject: 'parcel/prc_1',
  audience: ['pty_carrier', 'pty_shop'],
  data: { status: 'collected' },
  packed_items: null,
  ...overrides,
});

test('a single-event row is one envelope with the row id', () => {
  assert.deepEqual(toEnvelopes(row({})), [
    { id: 'evt_1', type: 'parcel.tracking_updated', occurred_at: '2026-11-28T01:00:00.000Z', recorded_at: '2026-11-28T02:00:00.000Z', source: 'GULL', subject: 'parcel/prc_1', sequence: 7, schema_version: 1, data: { status: 'collected' }, audience: ['pty_carrier', 'pty_shop'] },
  ]);
});

test('a packed row is its items in order, with ids <row id>:<n> and the row sequence', () => {
  const items = [
    { subject: 'parcel/prc_1', occurred_at: '2026-11-28T01:00:00.000Z', data: { status: 'collected' } },
    { subject: 'parcel/prc_2', occurred_at: '2026-11-28T01:30:00.000Z', data: { status: 'in_transit' } },
  ];
  const envelopes = toEnvelopes(row({ subject: 'parcel/*', data: items, packed_items: 2 }));
  assert.deepEqual(envelopes.map((e) => [e.id, e.subject, e.occurred_at, e.sequence, e.data]), [
    ['evt_1:0', 'parcel/prc_1', '2026-11-28T01:00:00.000Z', 7, { status: 'collected' }],
    ['evt_1:1', 'parcel/prc_2', '2026-11-28T01:30:00.000Z', 7, { status: 'in_transit' }],
  ]);
  assert.ok(envelopes.every((e) => e.audience.join() === 'pty_carrier,pty_shop' && e.recorded_at === '2026-11-28T02:00:00.000Z'));
});
