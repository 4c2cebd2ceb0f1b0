// A demo carrier: issues waybills for the shipping requests addressed to it and uploads its
// scans, both in batches through the public API with the carrier's own key.
import type { BatchAnswer, SimApi } from './api-client.ts';

/** One scan as the events API takes it. */
export interface ScanUpload {
  readonly event_id: string;
  readonly waybill_no: string;
  readonly occurred_at: string;
  readonly code: string;
  readonly message: string;
  readonly facility: { readonly code: string; readonly name: string; readonly admin_code: string; readonly lng: number; readonly lat: number };
}

/**
 * Accepts shipping requests by issuing waybills with platform-generated numbers, in one batch
 * call (at most the API's 500). Every request must be accepted: a rejection is a simulator or
 * platform bug and fails the run with the platform's reason.
 */
export async function issueWaybills(api: SimApi, carrierCode: string, key: string, requestIds: readonly string[]): Promise<{ requestId: string; waybillNo: string }[]> {
  const body = { waybills: requestIds.map((id) => ({ shipping_request_id: id })) };
  const answer = await api.call<BatchAnswer<{ waybill_no: string }>>(carrierCode, key, 'POST', '/v1/waybills/batch', body);
  return answer.results.map((item) => {
    const requestId = requestIds[item.index];
    if (item.result !== 'created' || requestId === undefined || item.waybill_no === undefined) {
      throw new Error(`POST /v1/waybills/batch as ${carrierCode} rejected request ${requestId}: ${item.error?.code ?? item.result} ${item.error?.message ?? ''}`.trim());
    }
    return { requestId, waybillNo: item.waybill_no };
  });
}

/** Uploads up to 1,000 scans in one request; per-item results in the same order. */
export async function uploadScans(api: SimApi, carrierCode: string, key: string, scans: readonly ScanUpload[]): Promise<BatchAnswer> {
  return api.call<BatchAnswer>(carrierCode, key, 'POST', '/v1/events/batch', { events: scans });
}
