// A demo e-commerce platform: pushes orders as buyers place them, each asking the chosen carrier
// to ship it, in batches through the public API with the platform's own key.
import type { RecipientAddress } from '../city/index.ts';
import type { BatchAnswer, SimApi } from './api-client.ts';
import type { PlannedOrder } from './day-plan.ts';

/** The address block of the orders API from a generated address and its WGS84 point. */
function apiAddress(address: RecipientAddress, point: { lng: number; lat: number }) {
  return {
    province: address.provinceZh,
    city: address.cityZh,
    district: address.districtZh,
    street: address.street,
    detail: address.detail,
    admin_code: String(address.adcode),
    lng: point.lng,
    lat: point.lat,
  };
}

/** The POST /v1/orders body for a planned order; `runTag` keeps external ids unique across runs. */
export function orderRequestBody(order: PlannedOrder, runTag: string) {
  const { parcel, recipient, warehouse } = order;
  return {
    external_id: `${runTag}-${order.key}`,
    items: [{ name: parcel.category.nameZh, quantity: 1, unit_value_fen: parcel.declaredValueFen }],
    declared_value_fen: parcel.declaredValueFen,
    weight_g: parcel.weightG,
    sender: { name: warehouse.sender.name, phone: warehouse.sender.phone, address: apiAddress(warehouse.sender.address, warehouse.location) },
    recipient: { name: recipient.name, phone: recipient.phone, address: apiAddress(recipient.address, recipient.location) },
    service_hint: order.serviceLevel,
  };
}

/** An order the platform stored, with the shipping request created with it. */
export interface PlacedOrder {
  readonly order: PlannedOrder;
  readonly shippingRequestId: string;
}

/**
 * Pushes one platform's orders, each with its shipping request to the chosen carrier, in one
 * batch call (at most the API's 500). Every item must be stored: a rejection is a simulator or
 * platform bug, so it fails the run with the platform's reason.
 */
export async function placeOrders(api: SimApi, platformCode: string, key: string, orders: readonly PlannedOrder[], runTag: string): Promise<PlacedOrder[]> {
  const body = { orders: orders.map((order) => ({ ...orderRequestBody(order, runTag), shipping: { carrier: order.carrierCode, service_level: order.serviceLevel } })) };
  const answer = await api.call<BatchAnswer<{ shipping_request_id?: string }>>(platformCode, key, 'POST', '/v1/orders/batch', body);
  return answer.results.map((item) => {
    const order = orders[item.index];
    if (item.result !== 'created' || order === undefined || item.shipping_request_id === undefined) {
      throw new Error(`POST /v1/orders/batch as ${platformCode} rejected order ${item.index}: ${item.error?.code ?? item.result} ${item.error?.message ?? ''}`.trim());
    }
    return { order, shippingRequestId: item.shipping_request_id };
  });
}
