import { mapCarrierCode } from './map-carrier-code.ts';
import type { TrackedEvent } from './tracked-event.ts';

/**
 * Test helper: a generic-code-set scan as the service would store it. `minute` is minutes after
 * 2026-11-29T00:00Z, which keeps hand-written timelines short; recordedAt defaults to occurredAt.
 */
export function scan(
  eventId: string,
  minute: number,
  genericCode: string,
  options: { readonly source?: string; readonly recordedMinute?: number } = {},
): TrackedEvent {
  const mapped = mapCarrierCode('generic', genericCode);
  if (!mapped.known) throw new Error(mapped.message);
  return {
    eventId,
    source: options.source ?? 'carrier-a',
    occurredAt: minuteIso(minute),
    recordedAt: minuteIso(options.recordedMinute ?? minute),
    status: mapped.status,
    ...(mapped.subStatus === undefined ? {} : { subStatus: mapped.subStatus }),
    ...(mapped.incidentReason === undefined ? {} : { incidentReason: mapped.incidentReason }),
    rawCode: genericCode,
  };
}

/** Minute `m` of 2026-11-29 as the fold reports it. */
export function minuteIso(m: number): string {
  return new Date(Date.UTC(2026, 10, 29, 0, m)).toISOString();
}
