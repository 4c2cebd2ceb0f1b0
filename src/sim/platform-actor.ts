// A demo e-commerce platform: pushes an order when a buyer places it and asks the chosen
// carrier to ship it, through the public API with the platform's own key.
import type { RecipientAddress } from '../city/index.ts';
import type { SimApi } from './api-client.ts';
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

/** Pushes the order and the shipping request; resolves with the platform's order id. */
export async function placeOrder(api: SimApi, key: string, order: PlannedOrder, runTag: string): Promise<string> {
  const created = await api.call<{ id: string }>(order.platformCode, key, 'POST', '/v1/orders', orderRequestBody(order, runTag));
  await api.call(order.platformCode, key, 'POST', '/v1/shipping-requests', { order_id: created.id, carrier: order.carrierCode, service_level: order.serviceLevel });
  return created.id;
}
