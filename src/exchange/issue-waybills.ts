/**
 * Issuing waybills, one or a batch: a carrier accepts its pending shipping requests, each waybill
 * gets the carrier's own number or a generated one and a masked GB/T 41833 label, and its parcel
 * is registered for tracking. In one transaction the requests are locked, the waybills inserted
 * (a number the carrier already used is skipped), the requests accepted, the parcels registered
 * and the outbox events appended, one statement each.
 */
import type { Kysely, Transaction } from 'kysely';
import { DomainError, notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { appendEvents } from '../platform/outbox/append.ts';
import type { Principal } from '../platform/tenancy/model.ts';
import type { ParcelRegistration } from '../tracking/index.ts';
import { waybillCreated } from './exchange-events.ts';
import { sortingCode, waybillNumber, type ServiceLevel, type Waybill, type WaybillLabel } from './model.ts';
import { createExchangeStore, toOrder, type OrderRow, type RequestWithOrder } from './store.ts';

export interface IssueWaybillDeps {
  readonly db: Kysely<object>;
  readonly registerParcels: (trx: Transaction<object>, parcels: readonly ParcelRegistration[]) => Promise<void>;
}

/** One waybill to issue: the request it accepts and, optionally, the carrier's own number. */
export interface WaybillInput {
  readonly shipping_request_id: string;
  readonly waybill_no?: string;
}

const duplicateNumber = (waybillNo: string) =>
  new DomainError('duplicate_waybill_number', `waybill number ${waybillNo} is already used by this carrier`, { party: 'carrier' });

/**
 * Issues the carrier's waybills; the answer has one entry per input, in order: the waybill, or
 * the error that kept it out (another carrier's request answers not found, as if absent).
 */
export async function issueWaybills(deps: IssueWaybillDeps, principal: Principal, inputs: readonly WaybillInput[]): Promise<(Waybill | DomainError)[]> {
  const outcomes: (Waybill | DomainError)[] = [];
  const wanted: { position: number; input: WaybillInput }[] = [];
  const requestIds = new Set<string>();
  const ownNumbers = new Set<string>();
  for (const [position, input] of inputs.entries()) {
    if (requestIds.has(input.shipping_request_id)) {
      outcomes[position] = new DomainError('conflict', `shipping request ${input.shipping_request_id} appears earlier in this batch`);
    } else if (input.waybill_no !== undefined && ownNumbers.has(input.waybill_no)) {
      outcomes[position] = duplicateNumber(input.waybill_no);
    } else {
      requestIds.add(input.shipping_request_id);
      if (input.waybill_no !== undefined) ownNumbers.add(input.waybill_no);
      wanted.push({ position, input });
    }
  }
  if (wanted.length === 0) return outcomes;

  await deps.db.transaction().execute(async (trx) => {
    const tx = createExchangeStore(trx);
    const locked = await tx.lockRequestsWithOrders([...requestIds], principal.partyId);
    const issuable: { position: number; input: WaybillInput; source: RequestWithOrder }[] = [];
    for (const { position, input } of wanted) {
      const source = locked.get(input.shipping_request_id);
      if (source === undefined) {
        outcomes[position] = notFound(`shipping request ${input.shipping_request_id}`);
      } else if (source.request.status !== 'pending') {
        outcomes[position] = new DomainError('invalid_state', `shipping request ${source.request.id} is ${source.request.status}; a waybill is issued only for a pending request`);
      } else {
        issuable.push({ position, input, source });
      }
    }
    const serials = await tx.nextWaybillSerials(issuable.filter(({ input }) => input.waybill_no === undefined).length);
    const generatedNumber = () => {
      const serial = serials.shift();
      if (serial === undefined) throw new Error('fewer waybill serials than waybills without a number');
      return waybillNumber(principal.partyCode, serial);
    };
    const createdAt = new Date().toISOString();
    const waybills = issuable.map(({ position, input, source }) => ({
      position,
      source,
      waybill: newWaybill(principal, source, input.waybill_no ?? generatedNumber(), createdAt),
    }));
    const inserted = await tx.insertWaybills(waybills.map(({ waybill: { parcel_id: _parcel, ...row } }) => row));
    const issued = waybills.filter(({ waybill }) => inserted.has(waybill.id));
    await tx.settleShippingRequests(issued.map(({ waybill }) => waybill.shipping_request_id), principal.partyId, 'accepted');
    await deps.registerParcels(trx, issued.map(({ waybill, source }) => parcelOf(waybill, source, createdAt)));
    await appendEvents(trx, issued.map(({ waybill }) => waybillCreated(principal, waybill)));
    for (const { position, waybill } of waybills) outcomes[position] = inserted.has(waybill.id) ? waybill : duplicateNumber(waybill.waybill_no);
  });
  return outcomes;
}

function newWaybill(principal: Principal, { request, order }: RequestWithOrder, waybillNo: string, createdAt: string): Waybill {
  return {
    id: newId('wbl'),
    waybill_no: waybillNo,
    carrier_id: principal.partyId,
    order_id: order.id,
    platform_id: order.platform_id,
    shipping_request_id: request.id,
    parcel_id: newId('prc'),
    service_level: request.service_level,
    label: buildLabel(order, principal.partyCode, waybillNo, request.service_level, createdAt),
    created_at: createdAt,
  };
}

function parcelOf(waybill: Waybill, { order }: RequestWithOrder, createdAt: string): ParcelRegistration {
  return {
    parcelId: waybill.parcel_id,
    waybillId: waybill.id,
    waybillNo: waybill.waybill_no,
    carrierId: waybill.carrier_id,
    platformId: order.platform_id,
    destinationAdminCode: order.destination_admin_code,
    weightG: order.weight_g,
    createdAt,
  };
}

/** The e-waybill label zones (GB/T 41833), from the order's masked copies only. */
function buildLabel(order: OrderRow, carrierCode: string, waybillNo: string, serviceLevel: ServiceLevel, printedAt: string): WaybillLabel {
  const { recipient, sender, items, weight_g, declared_value_fen } = toOrder(order);
  return {
    code_zone: { waybill_no: waybillNo, carrier_code: carrierCode, barcode: 'code128' },
    destination_zone: {
      sorting_code: sortingCode(recipient.address.admin_code, recipient.address.lng, recipient.address.lat),
      admin_code: recipient.address.admin_code,
      district: recipient.address.district,
    },
    recipient_zone: recipient,
    sender_zone: sender,
    contents_zone: { items, weight_g, declared_value_fen },
    signature_zone: { service_level: serviceLevel, printed_at: printedAt },
  };
}
