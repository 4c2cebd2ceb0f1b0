/**
 * Placing orders, one or a batch: each order is checked, normalised to WGS84, sealed and masked
 * on its own; then the good ones (and the shipping requests they ask for) are written with their
 * outbox events in one transaction, one statement per table. An order whose external id exists
 * already is skipped, not an error for the rest.
 */
import type { Kysely } from 'kysely';
import { DomainError } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { appendEvents } from '../platform/outbox/append.ts';
import type { Party, Principal } from '../platform/tenancy/model.ts';
import type { TenancyService } from '../platform/tenancy/service.ts';
import { toWgs84 } from './coordinates.ts';
import { orderCreated, shippingRequestCreated } from './exchange-events.ts';
import { orderProblems, type Contact, type Datum, type MaskedContact, type NewOrder, type ServiceLevel, type ShippingRequest } from './model.ts';
import { createExchangeStore, type OrderInsert } from './store.ts';

/** How personal data leaves this capability: sealed (encrypted) for storage, masked for reads. */
export interface ContactProtector {
  phoneProblem(phone: string): string | undefined;
  seal(contact: Contact, aad: string): string;
  mask(contact: Contact): MaskedContact;
  phoneIndex(phone: string): string;
}

/** An order as the API receives it: coordinates may come in any supported datum, and it may name its carrier. */
export type OrderInput = NewOrder & {
  readonly coordinate_datum?: Datum;
  readonly shipping?: { readonly carrier: string; readonly service_level: ServiceLevel };
};

/** A stored order, with the shipping request stored with it when one was asked for. */
export interface PlacedOrder {
  readonly order: OrderInsert;
  readonly request: ShippingRequest | undefined;
}

export interface PlaceOrderDeps {
  readonly db: Kysely<object>;
  readonly tenancy: TenancyService;
  readonly protector: ContactProtector;
}

const duplicateExternalId = (externalId: string) =>
  new DomainError('duplicate_external_id', `an order with external_id "${externalId}" already exists for this platform`, { party: 'platform' });

function normalise(contact: Contact, datum: Datum): Contact {
  const { lng, lat } = toWgs84(contact.address.lng, contact.address.lat, datum);
  return { ...contact, address: { ...contact.address, lng, lat } };
}

/** The row for one order (full contacts sealed, masked copies for reads), or what is wrong with it. */
function orderRow(protector: ContactProtector, principal: Principal, input: OrderInput): OrderInsert | DomainError {
  const problems = orderProblems(input);
  for (const side of ['sender', 'recipient'] as const) {
    const problem = protector.phoneProblem(input[side].phone);
    if (problem) problems.push(`${side}.phone ${problem}`);
  }
  if (problems.length > 0) return new DomainError('validation_failed', problems.join('; '), { details: problems, party: 'platform' });
  const datum = input.coordinate_datum ?? 'wgs84';
  const sender = normalise(input.sender, datum);
  const recipient = normalise(input.recipient, datum);
  const id = newId('ord');
  const recipientMasked = protector.mask(recipient);
  return {
    id,
    platform_id: principal.partyId,
    external_id: input.external_id,
    items: [...input.items],
    declared_value_fen: input.declared_value_fen,
    weight_g: input.weight_g,
    service_hint: input.service_hint ?? null,
    sender_masked: protector.mask(sender),
    recipient_masked: recipientMasked,
    sender_sealed: protector.seal(sender, `orders/${id}/sender`),
    recipient_sealed: protector.seal(recipient, `orders/${id}/recipient`),
    recipient_phone_index: protector.phoneIndex(recipient.phone),
    origin_admin_code: sender.address.admin_code,
    destination_admin_code: recipient.address.admin_code,
    destination_lng: recipientMasked.address.lng,
    destination_lat: recipientMasked.address.lat,
    created_at: new Date().toISOString(),
  };
}

/** The carriers named by `codes`, by code; a code that is not a carrier's is absent. */
async function carriersByCode(tenancy: TenancyService, codes: readonly string[]): Promise<Map<string, Party>> {
  const carriers = new Map<string, Party>();
  for (const code of new Set(codes)) {
    const party = await tenancy.findPartyByCode(code);
    if (party?.kind === 'carrier') carriers.set(code, party);
  }
  return carriers;
}

/** A new pending request asking `carrierId` to ship the order. */
export function newShippingRequest(order: { id: string; platform_id: string }, carrierId: string, serviceLevel: ServiceLevel): ShippingRequest {
  return {
    id: newId('shr'),
    order_id: order.id,
    platform_id: order.platform_id,
    carrier_id: carrierId,
    service_level: serviceLevel,
    status: 'pending',
    created_at: new Date().toISOString(),
  };
}

/** The no-carrier error the single and batch calls share. */
export const unknownCarrier = (code: string) => new DomainError('validation_failed', `no carrier with code "${code}"`);

/**
 * Stores the platform's orders; the answer has one entry per input, in order: what was stored,
 * or the error that kept that order (and its shipping request) out.
 */
export async function placeOrders(deps: PlaceOrderDeps, principal: Principal, inputs: readonly OrderInput[]): Promise<(PlacedOrder | DomainError)[]> {
  const carriers = await carriersByCode(deps.tenancy, inputs.flatMap((input) => (input.shipping ? [input.shipping.carrier] : [])));
  const outcomes: (PlacedOrder | DomainError)[] = [];
  const ready: { position: number; placed: PlacedOrder }[] = [];
  const externalIds = new Set<string>();
  for (const [position, input] of inputs.entries()) {
    const carrier = input.shipping && carriers.get(input.shipping.carrier);
    const order = externalIds.has(input.external_id) ? duplicateExternalId(input.external_id)
      : input.shipping && !carrier ? unknownCarrier(input.shipping.carrier)
      : orderRow(deps.protector, principal, input);
    if (order instanceof DomainError) {
      outcomes[position] = order;
    } else {
      externalIds.add(input.external_id);
      const request = input.shipping && carrier ? newShippingRequest(order, carrier.id, input.shipping.service_level) : undefined;
      ready.push({ position, placed: { order, request } });
    }
  }
  if (ready.length === 0) return outcomes;
  const stored = await deps.db.transaction().execute(async (trx) => {
    const tx = createExchangeStore(trx);
    const inserted = await tx.insertOrders(ready.map(({ placed }) => placed.order));
    const placed = ready.filter(({ placed: { order } }) => inserted.has(order.id)).map(({ placed }) => placed);
    // The orders are new, so none has an open request yet: every request goes in.
    const requests = placed.flatMap(({ request }) => (request ? [request] : []));
    await tx.insertShippingRequests(requests);
    await appendEvents(trx, [...placed.map(({ order }) => orderCreated(principal, order)), ...requests.map((request) => shippingRequestCreated(principal, request))]);
    return inserted;
  });
  for (const { position, placed } of ready) outcomes[position] = stored.has(placed.order.id) ? placed : duplicateExternalId(placed.order.external_id);
  return outcomes;
}
