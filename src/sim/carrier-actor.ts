// A demo carrier: polls its pending shipping requests, issues a waybill for each, and uploads
// its scans in batches, all through the public API with the carrier's own key.
import type { SimApi } from './api-client.ts';

export interface PendingRequest {
  readonly id: string;
  readonly order_id: string;
}

export interface IssuedWaybill {
  readonly waybill_no: string;
  readonly parcel_id?: string;
}

/** One scan as the events API takes it. */
export interface ScanUpload {
  readonly event_id: string;
  readonly waybill_no: string;
  readonly occurred_at: string;
  readonly code: string;
  readonly message: string;
  readonly facility: { readonly code: string; readonly name: string; readonly admin_code: string; readonly lng: number; readonly lat: number };
}

export interface BatchAnswer {
  readonly results: readonly { readonly index: number; readonly result: 'created' | 'duplicate' | 'rejected'; readonly error?: { readonly code: string; readonly message: string } }[];
}

/** Page size when listing pending requests (the API's maximum). */
const PAGE_SIZE = 100;

/** The first page of the carrier's pending shipping requests (issuing waybills empties it), and whether more wait. */
export async function pendingRequests(api: SimApi, carrierCode: string, key: string): Promise<{ requests: readonly PendingRequest[]; more: boolean }> {
  const page = await api.call<{ data: PendingRequest[]; has_more: boolean }>(carrierCode, key, 'GET', `/v1/shipping-requests?status=pending&limit=${PAGE_SIZE}`);
  return { requests: page.data, more: page.has_more };
}

/** Accepts a shipping request by issuing a waybill with a platform-generated number. */
export async function issueWaybill(api: SimApi, carrierCode: string, key: string, requestId: string): Promise<IssuedWaybill> {
  return api.call<IssuedWaybill>(carrierCode, key, 'POST', '/v1/waybills', { shipping_request_id: requestId });
}

/** Uploads up to 1,000 scans in one request; per-item results in the same order. */
export async function uploadScans(api: SimApi, carrierCode: string, key: string, scans: readonly ScanUpload[]): Promise<BatchAnswer> {
  return api.call<BatchAnswer>(carrierCode, key, 'POST', '/v1/events/batch', { events: scans });
}
