/** The outbox events exchange writes, built in one place for the single and the batch calls. */
import type { NewEvent } from '../platform/outbox/envelope.ts';
import type { Principal } from '../platform/tenancy/model.ts';
import type { ShippingRequest, Waybill } from './model.ts';
import type { OrderInsert } from './store.ts';

export function orderCreated(principal: Principal, order: OrderInsert): NewEvent {
  return {
    type: 'order.created',
    occurredAt: order.created_at,
    source: principal.partyCode,
    subject: `order/${order.id}`,
    audience: [principal.partyId],
    data: { order_id: order.id, external_id: order.external_id },
  };
}

export function shippingRequestCreated(principal: Principal, request: ShippingRequest): NewEvent {
  return {
    type: 'shipping_request.created',
    occurredAt: request.created_at,
    source: principal.partyCode,
    subject: `shipping_request/${request.id}`,
    audience: [request.platform_id, request.carrier_id],
    data: request,
  };
}

export function shippingRequestRejected(principal: Principal, request: ShippingRequest, reason: string): NewEvent {
  return {
    type: 'shipping_request.rejected',
    occurredAt: new Date().toISOString(),
    source: principal.partyCode,
    subject: `shipping_request/${request.id}`,
    audience: [request.platform_id, request.carrier_id],
    data: { shipping_request_id: request.id, reason },
  };
}

export function waybillCreated(principal: Principal, waybill: Waybill): NewEvent {
  return {
    type: 'waybill.created',
    occurredAt: waybill.created_at,
    source: principal.partyCode,
    subject: `waybill/${waybill.id}`,
    audience: [waybill.platform_id, principal.partyId],
    data: { waybill_id: waybill.id, waybill_no: waybill.waybill_no, order_id: waybill.order_id, parcel_id: waybill.parcel_id },
  };
}
