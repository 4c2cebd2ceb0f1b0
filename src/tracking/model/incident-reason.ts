/**
 * Why a parcel is in trouble, prefixed by the party responsible (carrier_, recipient_,
 * platform_, customs_, weather_), so statistics and complaints can attribute it.
 * A code carries a reason only when it names who is responsible; otherwise it has none.
 */
export const incidentReasons = [
  'carrier_damaged',
  'carrier_missorted',
  'carrier_delayed',
  'carrier_lost',
  'carrier_out_of_area',
  'recipient_refused',
  'recipient_absent',
  'recipient_unreachable',
  'recipient_address_incomplete',
  'recipient_phone_wrong',
  'recipient_not_collected',
  'platform_cancelled',
  'platform_intercepted',
  'customs_held',
  'weather_delay',
] as const;

export type IncidentReason = (typeof incidentReasons)[number];

/** True when `value` is one of the incident reasons (for checking untyped input). */
export function isIncidentReason(value: string): value is IncidentReason {
  return (incidentReasons as readonly string[]).includes(value);
}
