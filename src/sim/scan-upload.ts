// Turns a planned scan into the event the carrier uploads: its raw code in the carrier's code
// set, a message, and the facility (code, name, district code, WGS84 point) where it happened.
import type { DemoFacility, TrackingCodeSet } from '../city/index.ts';
import { STEP_CODES, STEP_MESSAGES } from './carrier-codes.ts';
import type { ScanUpload } from './carrier-actor.ts';
import type { PlannedOrder } from './day-plan.ts';
import { FACILITY_OF, type PlannedScan } from './parcel-plan.ts';

type ScanFacility = ScanUpload['facility'];

const fromFacility = (facility: DemoFacility): ScanFacility => ({
  code: facility.id,
  name: facility.nameZh,
  admin_code: String(facility.districtAdcode),
  lng: facility.location.lng,
  lat: facility.location.lat,
});

/** Where the scan happened: the sender's warehouse, the sorting centre or the delivery station. */
function facilityOf(order: PlannedOrder, scan: PlannedScan): ScanFacility {
  const role = FACILITY_OF[scan.kind];
  if (role === 'hub') return fromFacility(order.hub);
  if (role === 'station') return fromFacility(order.station);
  const { origin } = order;
  return { code: origin.code, name: origin.name, admin_code: String(origin.adcode), lng: origin.location.lng, lat: origin.location.lat };
}

/** The upload for scan number `index` of a parcel; its event id is stable, so re-sending is harmless. */
export function scanUpload(order: PlannedOrder, scanIndex: number, waybillNo: string, codeSet: TrackingCodeSet): ScanUpload {
  const scan = order.scans[scanIndex];
  if (scan === undefined) throw new RangeError(`order ${order.key} has no scan ${scanIndex}`);
  const facility = facilityOf(order, scan);
  return {
    event_id: `${waybillNo}-${scanIndex + 1}`,
    waybill_no: waybillNo,
    occurred_at: new Date(scan.occurredAtMs).toISOString(),
    code: STEP_CODES[scan.kind][codeSet].code,
    message: STEP_MESSAGES[scan.kind](facility.name),
    facility,
  };
}
