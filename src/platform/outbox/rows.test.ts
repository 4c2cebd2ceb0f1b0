import assert from 'node:assert/strict';
import { test } from 'node:test';
import { packItems, toEnvelopes, type OutboxRow } from './rows.ts';

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

test('a packed row stored as an array of items (the earlier form) is its items in order, with ids <row id>:<n> and the row sequence', () => {
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

test('packed items round-trip column-wise: keys once when every item has the same ones', () => {
  const items = [
    { subject: 'parcel/prc_1', occurred_at: '2026-11-28T01:00:00.000Z', data: { parcel_id: 'prc_1', status: 'collected', sub_status: null } },
    { subject: 'parcel/prc_2', occurred_at: '2026-11-28T01:30:00.000Z', data: { parcel_id: 'prc_2', status: 'in_transit', sub_status: 'arrived_hub' } },
  ];
  const packed = packItems(items);
  assert.deepEqual(packed, {
    subject: ['parcel/prc_1', 'parcel/prc_2'],
    occurred_at: ['2026-11-28T01:00:00.000Z', '2026-11-28T01:30:00.000Z'],
    keys: ['parcel_id', 'status', 'sub_status'],
    values: [
      ['prc_1', 'collected', null],
      ['prc_2', 'in_transit', 'arrived_hub'],
    ],
  });
  const stored = JSON.parse(JSON.stringify(packed)) as unknown;
  assert.deepEqual(toEnvelopes(row({ subject: 'parcel/*', data: stored, packed_items: 2 })).map((e) => [e.id, e.subject, e.occurred_at, e.data]), items.map((item, n) => [`evt_1:${n}`, item.subject, item.occurred_at, item.data]));
});

test('packed items whose data differ in shape are kept whole', () => {
  const items = [
    { subject: 'order/ord_1', occurred_at: '2026-11-28T01:00:00.000Z', data: { a: 1, b: 2 } },
    { subject: 'order/ord_2', occurred_at: '2026-11-28T01:00:00.000Z', data: { b: 2, a: 1 } },
    { subject: 'order/ord_3', occurred_at: '2026-11-28T01:00:00.000Z', data: 'text' },
  ];
  const packed = packItems(items);
  assert.ok('data' in packed);
  const stored = JSON.parse(JSON.stringify(packed)) as unknown;
  assert.deepEqual(toEnvelopes(row({ subject: 'order/*', data: stored, packed_items: 3 })).map((e) => e.data), [{ a: 1, b: 2 }, { b: 2, a: 1 }, 'text']);
});
