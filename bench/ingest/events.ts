/**
 * The scan stream a carrier would send: each parcel goes through a day of generic-code scans,
 * and batches mix many parcels, as a carrier's feed does. Batch k carries the k-th slice of the
 * stream, so consecutive batches move different parcels forward in time.
 */
const JOURNEY = ['COLLECTED', 'DEPARTED_ORIGIN', 'ARRIVED_HUB', 'DEPARTED_HUB', 'ARRIVED_DELIVERY_OUTLET', 'OUT_FOR_DELIVERY', 'DELIVERED_SIGNED'] as const;

export const EVENTS_PER_PARCEL = JOURNEY.length;

export interface BenchEvent {
  event_id: string;
  waybill_no: string;
  occurred_at: string;
  code: string;
  message: string;
  facility: { code: string; name: string; admin_code: string };
}

/** The i-th event of the stream: step i / parcels of parcel i % parcels. */
export function eventAt(i: number, waybillNos: readonly string[], dayStartMs: number): BenchEvent {
  const parcel = i % waybillNos.length;
  const step = Math.floor(i / waybillNos.length);
  const waybill = waybillNos[parcel] ?? '';
  return {
    event_id: `${waybill}-${step}`,
    waybill_no: waybill,
    occurred_at: new Date(dayStartMs + step * 3_600_000 + (parcel % 3600) * 1000).toISOString(),
    code: JOURNEY[step % JOURNEY.length] ?? 'COLLECTED',
    message: 'bench scan',
    facility: { code: `F${step}`, name: 'Bench facility', admin_code: '210202' },
  };
}

/** Request bodies of `size` events each, covering events [0, total), as UTF-8 JSON. */
export function* batches(total: number, size: number, waybillNos: readonly string[], dayStartMs: number): Generator<Buffer> {
  for (let start = 0; start < total; start += size) {
    const events: BenchEvent[] = [];
    for (let i = start; i < Math.min(total, start + size); i++) events.push(eventAt(i, waybillNos, dayStartMs));
    yield Buffer.from(JSON.stringify({ events }));
  }
}
