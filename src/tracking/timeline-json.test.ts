/** The timeline's JSON text is the summary with the database's events text spliced in, in the documented shape. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertMatchesSchema } from '../../test/support/schema.ts';
import { statusLabels } from './model/index.ts';
import { TimelineSchema } from './schemas.ts';
import { timelineJson, type Timeline } from './timeline-json.ts';

const summary: Timeline['summary'] = {
  parcel_id: 'prc_1',
  waybill_id: 'wbl_1',
  waybill_no: 'GL000000000001',
  carrier: 'GULL',
  status: 'delivered',
  sub_status: 'signed',
  incident_reason: null,
  status_label: statusLabels.delivered,
  attempts: 0,
  last_event_at: '2026-11-28T08:00:00.000Z',
  delivered_at: '2026-11-28T08:00:00.000Z',
  destination_admin_code: '210202',
  anomalies: [],
};

// As PostgreSQL's json_agg writes it: spaces around colons, a line break between elements.
const eventsJson = `[{"event_id" : "e1", "occurred_at" : "2026-11-28T07:00:00.000Z", "recorded_at" : "2026-11-28T07:00:01.000Z", "status" : "collected", "sub_status" : null, "incident_reason" : null, "raw" : {"code_set" : "generic", "code" : "COLLECTED", "message" : "\\"quoted\\" 揽收"}, "facility" : {"code": "F1"}, "anomaly" : null}, 
 {"event_id" : "e2", "occurred_at" : "2026-11-28T08:00:00.000Z", "recorded_at" : "2026-11-28T08:00:01.000Z", "status" : "delivered", "sub_status" : "signed", "incident_reason" : null, "raw" : {"code_set" : "generic", "code" : "DELIVERED_SIGNED", "message" : null}, "facility" : null, "anomaly" : null}]`;

describe('timeline JSON', () => {
  it('is the summary followed by the events, in the documented shape', () => {
    const body = JSON.parse(timelineJson({ summary, eventsJson })) as Record<string, unknown>;
    assert.deepEqual(body, { ...summary, events: JSON.parse(eventsJson) });
    assert.equal(Object.keys(body).at(-1), 'events');
    assertMatchesSchema(TimelineSchema, body);
  });

  it('writes a parcel without events as an empty list', () => {
    assert.deepEqual(JSON.parse(timelineJson({ summary, eventsJson: '[]' })).events, []);
  });
});
