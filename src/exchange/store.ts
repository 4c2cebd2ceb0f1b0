/** SQL for orders, shipping requests and waybills; nothing else touches these tables. */
import { sql, type Kysely } from 'kysely';
import type { MaskedContact, Order, OrderItem, ServiceLevel, ShippingRequest, ShippingRequestStatus, WaybillLabel } from './model.ts';

interface OrderRow {
  id: string;
  platform_id: string;
  external_id: string;
  items: OrderItem[];
  declared_value_fen: number;
  weight_g: number;
  service_hint: ServiceLevel | null;
  sender_masked: MaskedContact;
  recipient_masked: MaskedContact;
  sender_sealed: string;
  recipient_sealed: string;
  recipient_phone_index: string | null;
  origin_admin_code: string;
  destination_admin_code: string;
  destination_lng: number | null;
  destination_lat: number | null;
  created_at: Date;
}

interface ShippingRequestRow {
  id: string;
  order_id: string;
  platform_id: string;
  carrier_id: string;
  service_level: ServiceLevel;
  status: ShippingRequestStatus;
  created_at: Date;
}

interface WaybillRow {
  id: string;
  carrier_id: string;
  waybill_no: string;
  order_id: string;
  shipping_request_id: string;
  platform_id: string;
  service_level: ServiceLevel;
  label: WaybillLabel;
  created_at: Date;
}

type Tables = { orders: OrderRow; shipping_requests: ShippingRequestRow; waybills: WaybillRow };

/** An order row ready to insert: masked copies for reads, sealed ciphertext for the full data. */
export type OrderInsert = Omit<OrderRow, 'created_at'> & { created_at: string };
export type WaybillInsert = Omit<WaybillRow, 'created_at' | 'label'> & { label: WaybillLabel; created_at: string };

/** A shipping request locked for issuing its waybill, with the order it ships. */
export interface RequestWithOrder {
  readonly request: { readonly id: string; readonly status: ShippingRequestStatus; readonly service_level: ServiceLevel };
  readonly order: OrderRow;
}

/** Who is asking: lists and lookups are limited to the party's own rows unless it is a regulator. */
export interface Viewer {
  readonly partyId: string;
  readonly seesAll: boolean;
}

export const toOrder = (row: OrderRow): Order => ({
  id: row.id,
  platform_id: row.platform_id,
  external_id: row.external_id,
  items: row.items,
  declared_value_fen: Number(row.declared_value_fen),
  weight_g: row.weight_g,
  sender: row.sender_masked,
  recipient: row.recipient_masked,
  service_hint: row.service_hint,
  created_at: row.created_at.toISOString(),
});

export const toShippingRequest = (row: ShippingRequestRow): ShippingRequest => ({
  ...row,
  created_at: row.created_at.toISOString(),
});

/** A value bound as a jsonb parameter (node-postgres would send arrays as PostgreSQL arrays). */
const jsonb = <T>(value: T) => sql<T>`${JSON.stringify(value)}::jsonb`;

/** Creates the exchange store over a database or an open transaction. */
export function createExchangeStore(base: Kysely<object>) {
  const db = base.withTables<Tables>();
  return {
    /** Inserts the orders in one statement; returns the ids stored (an existing external id is skipped). */
    async insertOrders(orders: readonly OrderInsert[]): Promise<Set<string>> {
      if (orders.length === 0) return new Set();
      const inserted = await db
        .insertInto('orders')
        .values(orders.map((order) => ({
          ...order,
          items: jsonb(order.items),
          sender_masked: jsonb(order.sender_masked),
          recipient_masked: jsonb(order.recipient_masked),
          created_at: new Date(order.created_at),
        })))
        .onConflict((oc) => oc.columns(['platform_id', 'external_id']).doNothing())
        .returning('id')
        .execute();
      return new Set(inserted.map((row) => row.id));
    },
    async findOrder(id: string, viewer: Viewer): Promise<OrderRow | undefined> {
      return db
        .selectFrom('orders')
        .selectAll()
        .where('id', '=', id)
        .$if(!viewer.seesAll, (q) => q.where('platform_id', '=', viewer.partyId))
        .executeTakeFirst();
    },
    async listOrders(viewer: Viewer, after: string | undefined, limit: number): Promise<OrderRow[]> {
      return db
        .selectFrom('orders')
        .selectAll()
        .$if(!viewer.seesAll, (q) => q.where('platform_id', '=', viewer.partyId))
        .$if(after !== undefined, (q) => q.where('id', '>', after ?? ''))
        .orderBy('id')
        .limit(limit + 1)
        .execute();
    },
    /** Inserts the requests in one statement; returns the ids stored (an order with an open request is skipped). */
    async insertShippingRequests(requests: readonly ShippingRequest[]): Promise<Set<string>> {
      if (requests.length === 0) return new Set();
      const inserted = await db
        .insertInto('shipping_requests')
        .values(requests.map((request) => ({ ...request, created_at: new Date(request.created_at) })))
        .onConflict((oc) => oc.column('order_id').where('status', '<>', 'rejected').doNothing())
        .returning('id')
        .execute();
      return new Set(inserted.map((row) => row.id));
    },
    async findShippingRequest(id: string, viewer: Viewer): Promise<ShippingRequestRow | undefined> {
      return db
        .selectFrom('shipping_requests')
        .selectAll()
        .where('id', '=', id)
        .$if(!viewer.seesAll, (q) => q.where((eb) => eb.or([eb('carrier_id', '=', viewer.partyId), eb('platform_id', '=', viewer.partyId)])))
        .executeTakeFirst();
    },
    async listShippingRequests(viewer: Viewer, status: ShippingRequestStatus | undefined, after: string | undefined, limit: number) {
      return db
        .selectFrom('shipping_requests')
        .selectAll()
        .$if(!viewer.seesAll, (q) => q.where((eb) => eb.or([eb('carrier_id', '=', viewer.partyId), eb('platform_id', '=', viewer.partyId)])))
        .$if(status !== undefined, (q) => q.where('status', '=', status ?? 'pending'))
        .$if(after !== undefined, (q) => q.where('id', '>', after ?? ''))
        .orderBy('id')
        .limit(limit + 1)
        .execute();
    },
    /** Moves pending requests of the carrier to a final status; returns the ids that were still pending. */
    async settleShippingRequests(ids: readonly string[], carrierId: string, status: 'accepted' | 'rejected'): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const updated = await db
        .updateTable('shipping_requests')
        .set({ status })
        .where('id', 'in', [...ids])
        .where('carrier_id', '=', carrierId)
        .where('status', '=', 'pending')
        .returning('id')
        .execute();
      return new Set(updated.map((row) => row.id));
    },
    /**
     * The carrier's requests among `ids` with their orders, locked until the transaction ends (in
     * id order, so concurrent batches cannot deadlock) so their status cannot change meanwhile.
     * Requests of other carriers are simply absent.
     */
    async lockRequestsWithOrders(ids: readonly string[], carrierId: string): Promise<Map<string, RequestWithOrder>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .selectFrom('shipping_requests as sr')
        .innerJoin('orders as o', 'o.id', 'sr.order_id')
        .selectAll('o')
        .select(['sr.id as request_id', 'sr.status as request_status', 'sr.service_level as request_service_level'])
        .where('sr.id', 'in', [...ids])
        .where('sr.carrier_id', '=', carrierId)
        .orderBy('sr.id')
        .forUpdate('sr')
        .execute();
      return new Map(rows.map(({ request_id, request_status, request_service_level, ...order }) => [
        request_id,
        { request: { id: request_id, status: request_status, service_level: request_service_level }, order },
      ]));
    },
    /** `count` fresh serials for platform-generated waybill numbers, in one round trip. */
    async nextWaybillSerials(count: number): Promise<number[]> {
      if (count === 0) return [];
      const result = await sql<{ serial: string }>`SELECT nextval('waybill_serial') AS serial FROM generate_series(1, ${count})`.execute(db);
      return result.rows.map((row) => Number(row.serial));
    },
    /** Inserts the waybills in one statement; returns the ids stored (a number the carrier already used is skipped). */
    async insertWaybills(waybills: readonly WaybillInsert[]): Promise<Set<string>> {
      if (waybills.length === 0) return new Set();
      const inserted = await db
        .insertInto('waybills')
        .values(waybills.map((waybill) => ({ ...waybill, label: jsonb(waybill.label), created_at: new Date(waybill.created_at) })))
        .onConflict((oc) => oc.columns(['carrier_id', 'waybill_no']).doNothing())
        .returning('id')
        .execute();
      return new Set(inserted.map((row) => row.id));
    },
    async findWaybill(id: string, viewer: Viewer): Promise<WaybillRow | undefined> {
      return db
        .selectFrom('waybills')
        .selectAll()
        .where('id', '=', id)
        .$if(!viewer.seesAll, (q) => q.where((eb) => eb.or([eb('carrier_id', '=', viewer.partyId), eb('platform_id', '=', viewer.partyId)])))
        .executeTakeFirst();
    },
  };
}

export type ExchangeStore = ReturnType<typeof createExchangeStore>;
export type { OrderRow, ShippingRequestRow, WaybillRow };
