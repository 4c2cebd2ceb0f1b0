/**
 * Exchange use cases: platforms push orders and ask carriers to ship them; carriers accept by
 * issuing a waybill (which registers the parcel for tracking) or reject. Every write and the
 * domain event it causes commit in one transaction.
 */
import type { Kysely, Transaction } from 'kysely';
import { DomainError, notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { appendEvents } from '../platform/outbox/append.ts';
import type { Principal } from '../platform/tenancy/model.ts';
import type { TenancyService } from '../platform/tenancy/service.ts';
import type { ParcelRegistration } from '../tracking/index.ts';
import { toWgs84 } from './coordinates.ts';
import {
  orderProblems,
  sortingCode,
  waybillNumber,
  type Contact,
  type Datum,
  type MaskedContact,
  type NewOrder,
  type Order,
  type ServiceLevel,
  type ShippingRequest,
  type ShippingRequestStatus,
  type Waybill,
  type WaybillLabel,
} from './model.ts';
import { createExchangeStore, toOrder, toShippingRequest, type Viewer, type WaybillRow } from './store.ts';

/** How personal data leaves this capability: sealed (encrypted) for storage, masked for reads. */
export interface ContactProtector {
  phoneProblem(phone: string): string | undefined;
  seal(contact: Contact, aad: string): string;
  mask(contact: Contact): MaskedContact;
  phoneIndex(phone: string): string;
}

export interface ExchangeDeps {
  readonly db: Kysely<object>;
  readonly tenancy: TenancyService;
  readonly protector: ContactProtector;
  readonly registerParcel: (trx: Transaction<object>, parcel: ParcelRegistration) => Promise<void>;
  readonly notify: () => void;
}

/** An order as the API receives it: coordinates may come in any supported datum. */
export type OrderInput = NewOrder & { readonly coordinate_datum?: Datum };

const viewerOf = (principal: Principal): Viewer => ({ partyId: principal.partyId, seesAll: principal.partyKind === 'regulator' });

/** Creates the exchange service. */
export function createExchangeService(deps: ExchangeDeps) {
  const store = createExchangeStore(deps.db);

  function normalise(contact: Contact, datum: Datum): Contact {
    const { lng, lat } = toWgs84(contact.address.lng, contact.address.lat, datum);
    return { ...contact, address: { ...contact.address, lng, lat } };
  }

  async function carrierByCode(code: string) {
    const carrier = await deps.tenancy.findPartyByCode(code);
    if (!carrier || carrier.kind !== 'carrier') throw new DomainError('validation_failed', `no carrier with code "${code}"`);
    return carrier;
  }

  return {
    async createOrder(principal: Principal, input: OrderInput): Promise<Order> {
      const problems = orderProblems(input);
      for (const side of ['sender', 'recipient'] as const) {
        const problem = deps.protector.phoneProblem(input[side].phone);
        if (problem) problems.push(`${side}.phone ${problem}`);
      }
      if (problems.length > 0) throw new DomainError('validation_failed', problems.join('; '), { details: problems, party: 'platform' });
      const datum = input.coordinate_datum ?? 'wgs84';
      const sender = normalise(input.sender, datum);
      const recipient = normalise(input.recipient, datum);
      const id = newId('ord');
      const recipientMasked = deps.protector.mask(recipient);
      const row = {
        id,
        platform_id: principal.partyId,
        external_id: input.external_id,
        items: [...input.items],
        declared_value_fen: input.declared_value_fen,
        weight_g: input.weight_g,
        service_hint: input.service_hint ?? null,
        sender_masked: deps.protector.mask(sender),
        recipient_masked: recipientMasked,
        sender_sealed: deps.protector.seal(sender, `orders/${id}/sender`),
        recipient_sealed: deps.protector.seal(recipient, `orders/${id}/recipient`),
        recipient_phone_index: deps.protector.phoneIndex(recipient.phone),
        origin_admin_code: sender.address.admin_code,
        destination_admin_code: recipient.address.admin_code,
        destination_lng: recipientMasked.address.lng,
        destination_lat: recipientMasked.address.lat,
        created_at: new Date().toISOString(),
      };
      const order = await deps.db.transaction().execute(async (trx) => {
        if (!(await createExchangeStore(trx).insertOrder(row))) return undefined;
        await appendEvents(trx, [
          { type: 'order.created', occurredAt: row.created_at, source: principal.partyCode, subject: `order/${id}`, audience: [principal.partyId], data: { order_id: id, external_id: row.external_id } },
        ]);
        return toOrder({ ...row, created_at: new Date(row.created_at) });
      });
      if (!order) {
        throw new DomainError('duplicate_external_id', `an order with external_id "${input.external_id}" already exists for this platform`, { party: 'platform' });
      }
      deps.notify();
      return order;
    },

    async getOrder(principal: Principal, id: string): Promise<Order> {
      const row = await store.findOrder(id, viewerOf(principal));
      if (!row) throw notFound(`order ${id}`);
      return toOrder(row);
    },

    async listOrders(principal: Principal, after: string | undefined, limit: number) {
      return store.listOrders(viewerOf(principal), after, limit);
    },

    async requestShipping(principal: Principal, input: { order_id: string; carrier: string; service_level: ServiceLevel }): Promise<ShippingRequest> {
      const order = await store.findOrder(input.order_id, viewerOf(principal));
      if (!order) throw notFound(`order ${input.order_id}`);
      const carrier = await carrierByCode(input.carrier);
      const request: ShippingRequest = {
        id: newId('shr'),
        order_id: order.id,
        platform_id: order.platform_id,
        carrier_id: carrier.id,
        service_level: input.service_level,
        status: 'pending',
        created_at: new Date().toISOString(),
      };
      const created = await deps.db.transaction().execute(async (trx) => {
        if (!(await createExchangeStore(trx).insertShippingRequest(request))) return false;
        await appendEvents(trx, [
          { type: 'shipping_request.created', occurredAt: request.created_at, source: principal.partyCode, subject: `shipping_request/${request.id}`, audience: [order.platform_id, carrier.id], data: request },
        ]);
        return true;
      });
      if (!created) throw new DomainError('conflict', `order ${order.id} already has an open shipping request`);
      deps.notify();
      return request;
    },

    async listShippingRequests(principal: Principal, status: ShippingRequestStatus | undefined, after: string | undefined, limit: number) {
      return store.listShippingRequests(viewerOf(principal), status, after, limit);
    },

    async getShippingRequest(principal: Principal, id: string): Promise<ShippingRequest> {
      const row = await store.findShippingRequest(id, viewerOf(principal));
      if (!row) throw notFound(`shipping request ${id}`);
      return toShippingRequest(row);
    },

    async rejectShippingRequest(principal: Principal, id: string, reason: string): Promise<ShippingRequest> {
      const request = await this.getShippingRequest(principal, id);
      if (request.carrier_id !== principal.partyId) throw notFound(`shipping request ${id}`);
      const rejected = await deps.db.transaction().execute(async (trx) => {
        if (!(await createExchangeStore(trx).settleShippingRequest(id, principal.partyId, 'rejected'))) return false;
        await appendEvents(trx, [
          { type: 'shipping_request.rejected', occurredAt: new Date().toISOString(), source: principal.partyCode, subject: `shipping_request/${id}`, audience: [request.platform_id, request.carrier_id], data: { shipping_request_id: id, reason } },
        ]);
        return true;
      });
      if (!rejected) throw new DomainError('invalid_state', `shipping request ${id} is ${request.status}, not pending`);
      deps.notify();
      return { ...request, status: 'rejected' };
    },

    async issueWaybill(principal: Principal, input: { shipping_request_id: string; waybill_no?: string }): Promise<Waybill> {
      const request = await this.getShippingRequest(principal, input.shipping_request_id);
      if (request.carrier_id !== principal.partyId) throw notFound(`shipping request ${input.shipping_request_id}`);
      if (request.status !== 'pending') {
        throw new DomainError('invalid_state', `shipping request ${request.id} is ${request.status}; a waybill is issued only for a pending request`);
      }
      const order = await store.findOrderForCarrier(request.order_id);
      if (!order) throw notFound(`order ${request.order_id}`);
      const waybillNo = input.waybill_no ?? waybillNumber(principal.partyCode, await store.nextWaybillSerial());
      const createdAt = new Date().toISOString();
      const label = buildLabel(order.recipient_masked, order.sender_masked, toOrder(order), principal.partyCode, waybillNo, request.service_level, createdAt);
      const waybill: Waybill = {
        id: newId('wbl'),
        waybill_no: waybillNo,
        carrier_id: principal.partyId,
        order_id: order.id,
        platform_id: order.platform_id,
        shipping_request_id: request.id,
        parcel_id: newId('prc'),
        service_level: request.service_level,
        label,
        created_at: createdAt,
      };
      const issued = await deps.db.transaction().execute(async (trx) => {
        const tx = createExchangeStore(trx);
        if (!(await tx.settleShippingRequest(request.id, principal.partyId, 'accepted'))) {
          throw new DomainError('invalid_state', `shipping request ${request.id} was settled by another call`);
        }
        const { parcel_id: _parcel, ...row } = waybill;
        if (!(await tx.insertWaybill(row))) return false;
        await deps.registerParcel(trx, {
          parcelId: waybill.parcel_id,
          waybillId: waybill.id,
          waybillNo,
          carrierId: principal.partyId,
          platformId: order.platform_id,
          destinationAdminCode: order.destination_admin_code,
          weightG: order.weight_g,
          createdAt,
        });
        await appendEvents(trx, [
          { type: 'waybill.created', occurredAt: createdAt, source: principal.partyCode, subject: `waybill/${waybill.id}`, audience: [order.platform_id, principal.partyId], data: { waybill_id: waybill.id, waybill_no: waybillNo, order_id: order.id, parcel_id: waybill.parcel_id } },
        ]);
        return true;
      });
      if (!issued) throw new DomainError('duplicate_waybill_number', `waybill number ${waybillNo} is already used by this carrier`, { party: 'carrier' });
      deps.notify();
      return waybill;
    },

    async getWaybill(principal: Principal, id: string): Promise<WaybillRow> {
      const row = await store.findWaybill(id, viewerOf(principal));
      if (!row) throw notFound(`waybill ${id}`);
      return row;
    },
  };
}

function buildLabel(
  recipient: MaskedContact,
  sender: MaskedContact,
  order: Order,
  carrierCode: string,
  waybillNo: string,
  serviceLevel: ServiceLevel,
  printedAt: string,
): WaybillLabel {
  return {
    code_zone: { waybill_no: waybillNo, carrier_code: carrierCode, barcode: 'code128' },
    destination_zone: {
      sorting_code: sortingCode(recipient.address.admin_code, recipient.address.lng, recipient.address.lat),
      admin_code: recipient.address.admin_code,
      district: recipient.address.district,
    },
    recipient_zone: recipient,
    sender_zone: sender,
    contents_zone: { items: order.items, weight_g: order.weight_g, declared_value_fen: order.declared_value_fen },
    signature_zone: { service_level: serviceLevel, printed_at: printedAt },
  };
}

export type ExchangeService = ReturnType<typeof createExchangeService>;
