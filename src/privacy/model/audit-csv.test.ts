import assert from 'node:assert/strict';
import { it } from 'node:test';
import { AUDIT_CSV_HEADER, auditCsvLine } from './audit-csv.ts';

it('writes one RFC 4180 line per audit entry, quoting only where needed', () => {
  const line = auditCsvLine({
    id: 'aud_1', occurred_at: '2026-11-29T08:00:00.000Z', action: 'decrypt', party_code: 'GULL', party_kind: 'carrier',
    key_id: 'key_1', actor_id: 'c-7', actor_name: 'Zhang, courier', purpose: 'delivery', case_ref: null,
    subject_party_ids: ['p1', 'p2'], items: [{ order_id: 'o1', status: 200 }], item_count: 1, ip: '127.0.0.1',
  });
  assert.equal(
    line,
    'aud_1,2026-11-29T08:00:00.000Z,decrypt,GULL,carrier,key_1,c-7,"Zhang, courier",delivery,,p1 p2,1,"[{""order_id"":""o1"",""status"":200}]",127.0.0.1\r\n',
  );
  assert.equal(AUDIT_CSV_HEADER.split(',').length, 14);
});
