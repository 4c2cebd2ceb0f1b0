/**
 * Exchange use cases: platforms push orders and ask carriers to ship them; carriers accept by
 * issuing a waybill (which registers the parcel for tracking) or reject. Every write and the
 * domain event it causes commit in one transaction. A single order or waybill is placed as a
 * batch of one, so the single and batch routes share every rule.
 */
import type { Kysely, Transaction } from 'kysely';
import { Compile } from 'typebox/compile';
import { DomainError, notFound } from '../platform/errors.ts';
import { answerBatch, assertBatchSize, itemField } from '../platform/http/batch-results.ts';
import { appendEvents } from '../platform/outbox/append.ts';
import type { Principal } from '../platform/tenancy/model.ts';
import type { TenancyService } from '../platform/tenancy/service.ts';
import type { ParcelRegistration } from '../tracking/index.ts';
import { shippingRequestCreated, shippingRequestRejected } from './exchange-events.ts';
import { issueWaybills, type WaybillInput } from './issue-waybills.ts';
import type { Order, ServiceLevel, ShippingRequest, ShippingRequestStatus, Waybill } from './model.ts';
import { newShippingRequest, placeOrders, unknownCarrier, type ContactProtector, type OrderInput } from './place-orders.ts';
import { BatchOrderInputSchema, MAX_EXCHANGE_BATCH, NewWaybillSchema } from './schemas.ts';
import { createExchangeStore, toOrder, toShippingRequest, type Viewer, type WaybillRow } from './store.ts';

export interface ExchangeDeps {
  readonly db: Kysely<object>;
  readonly tenancy: TenancyService;
  readonly protector: ContactProtector;
  readonly registerParcels: (trx: Transaction<object>, parcels: readonly ParcelRegistration[]) => Promise<void>;
  readonly notify: () => void;
}

const checkBatchOrder = Compile(BatchOrderInputSchema);
const checkWaybill = Compile(NewWaybillSchema);

const viewerOf = (principal: Principal): Viewer => ({ partyId: principal.partyId, seesAll: principal.partyKind === 'regulator' });

/** The one outcome of a batch of one: what was stored, or its error thrown. */
function onlyOutcome<T>(outcomes: readonly (T | DomainError)[]): T {
  const outcome = outcomes[0];
  if (outcome instanceof DomainError) throw outcome;
  if (outcome === undefined) throw new DomainError('internal', 'a batch of one came back empty');
  return outcome;
}

/** Creates the exchange service. */
export function createExchangeService(deps: ExchangeDeps) {
  const store = createExchangeStore(deps.db);

  /** Wakes the outbox stream once something was written. */
  const notifyWhen = <A extends { created: number }>(answer: A): A => {
    if (answer.created > 0) deps.notify();
    return answer;
  };

  return {
    async createOrder(principal: Principal, input: OrderInput): Promise<Order> {
      const { order } = onlyOutcome(await placeOrders(deps, principal, [input]));
      deps.notify();
      return toOrder({ ...order, created_at: new Date(order.created_at) });
    },

    /** Up to MAX_EXCHANGE_BATCH orders, each optionally with its shipping request; per-item results. */
    async createOrderBatch(principal: Principal, items: readonly unknown[]) {
      assertBatchSize(items.length, MAX_EXCHANGE_BATCH, 'orders');
      if (items.some((item) => typeof item === 'object' && item !== null && 'shipping' in item) && !principal.scopes.includes('shipping:write')) {
        throw new DomainError('forbidden', 'this key lacks the scope shipping:write, which orders naming `shipping` need');
      }
      return notifyWhen(await answerBatch({
        items,
        validator: checkBatchOrder,
        schemaName: 'NewOrder',
        key: (item) => ({ external_id: itemField(item, 'external_id') }),
        store: (inputs) => placeOrders(deps, principal, inputs),
        describe: ({ order, request }) => ({ order_id: order.id, ...(request ? { shipping_request_id: request.id } : {}) }),
      }));
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
      const carrier = await deps.tenancy.findPartyByCode(input.carrier);
      if (carrier?.kind !== 'carrier') throw unknownCarrier(input.carrier);
      const request = newShippingRequest(order, carrier.id, input.service_level);
      const created = await deps.db.transaction().execute(async (trx) => {
        if (!(await createExchangeStore(trx).insertShippingRequests([request])).has(request.id)) return false;
        await appendEvents(trx, [shippingRequestCreated(principal, request)]);
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
        if (!(await createExchangeStore(trx).settleShippingRequests([id], principal.partyId, 'rejected')).has(id)) return false;
        await appendEvents(trx, [shippingRequestRejected(principal, request, reason)]);
        return true;
      });
      if (!rejected) throw new DomainError('invalid_state', `shipping request ${id} is ${request.status}, not pending`);
      deps.notify();
      return { ...request, status: 'rejected' };
    },

    async issueWaybill(principal: Principal, input: WaybillInput): Promise<Waybill> {
      const waybill = onlyOutcome(await issueWaybills(deps, principal, [input]));
      deps.notify();
      return waybill;
    },

    /** Up to MAX_EXCHANGE_BATCH waybills for the carrier's pending requests; per-item results. */
    async issueWaybillBatch(principal: Principal, items: readonly unknown[]) {
      assertBatchSize(items.length, MAX_EXCHANGE_BATCH, 'waybills');
      return notifyWhen(await answerBatch({
        items,
        validator: checkWaybill,
        schemaName: 'NewWaybill',
        key: (item) => ({ shipping_request_id: itemField(item, 'shipping_request_id') }),
        store: (inputs) => issueWaybills(deps, principal, inputs),
        describe: (waybill) => ({ waybill_id: waybill.id, waybill_no: waybill.waybill_no, parcel_id: waybill.parcel_id }),
      }));
    },

    async getWaybill(principal: Principal, id: string): Promise<WaybillRow> {
      const row = await store.findWaybill(id, viewerOf(principal));
      if (!row) throw notFound(`waybill ${id}`);
      return row;
    },
  };
}

export type ExchangeService = ReturnType<typeof createExchangeService>;
