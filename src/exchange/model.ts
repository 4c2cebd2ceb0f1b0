/**
 * The exchange model: orders pushed by e-commerce platforms, shipping requests that hand an order
 * to a carrier, and the waybills carriers issue. Pure types and rules; no I/O.
 */
export const SERVICE_LEVELS = ['economy', 'standard', 'express', 'same_day'] as const;
export type ServiceLevel = (typeof SERVICE_LEVELS)[number];

export const SHIPPING_REQUEST_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type ShippingRequestStatus = (typeof SHIPPING_REQUEST_STATUSES)[number];

export const DATUMS = ['wgs84', 'gcj02', 'bd09'] as const;
/** Coordinate datum of an input point; everything is stored as WGS84. */
export type Datum = (typeof DATUMS)[number];

export interface Address {
  readonly province: string;
  readonly city: string;
  readonly district: string;
  /** Street, township or residential community: kept visible on masked labels. */
  readonly street: string;
  /** House, building and room: masked on labels. */
  readonly detail: string;
  /** GB/T 2260 county code (6 digits), or a 9/12-digit township/village code. */
  readonly admin_code: string;
  readonly lng: number;
  readonly lat: number;
}

export interface Contact {
  readonly name: string;
  readonly phone: string;
  readonly address: Address;
}

export interface OrderItem {
  readonly name: string;
  readonly quantity: number;
  readonly unit_value_fen?: number;
}

export interface NewOrder {
  readonly external_id: string;
  readonly items: OrderItem[];
  readonly declared_value_fen: number;
  readonly weight_g: number;
  readonly sender: Contact;
  readonly recipient: Contact;
  readonly service_hint?: ServiceLevel;
}

/** A contact as ordinary reads show it: masked name, phone and house number. */
export interface MaskedContact {
  readonly name: string;
  readonly phone: string;
  readonly address: Omit<Address, 'lng' | 'lat'> & { readonly lng: number | null; readonly lat: number | null };
}

export interface Order {
  readonly id: string;
  readonly platform_id: string;
  readonly external_id: string;
  readonly items: OrderItem[];
  readonly declared_value_fen: number;
  readonly weight_g: number;
  readonly sender: MaskedContact;
  readonly recipient: MaskedContact;
  readonly service_hint: ServiceLevel | null;
  readonly created_at: string;
}

export interface ShippingRequest {
  readonly id: string;
  readonly order_id: string;
  readonly platform_id: string;
  readonly carrier_id: string;
  readonly service_level: ServiceLevel;
  readonly status: ShippingRequestStatus;
  readonly created_at: string;
}

/** E-waybill label zones per GB/T 41833 (personal data masked; see api-conventions.md). */
export interface WaybillLabel {
  readonly code_zone: { readonly waybill_no: string; readonly carrier_code: string; readonly barcode: 'code128' };
  readonly destination_zone: { readonly sorting_code: string; readonly admin_code: string; readonly district: string };
  readonly recipient_zone: MaskedContact;
  readonly sender_zone: MaskedContact;
  readonly contents_zone: { readonly items: OrderItem[]; readonly weight_g: number; readonly declared_value_fen: number };
  readonly signature_zone: { readonly service_level: ServiceLevel; readonly printed_at: string };
}

export interface Waybill {
  readonly id: string;
  readonly waybill_no: string;
  readonly carrier_id: string;
  readonly order_id: string;
  readonly platform_id: string;
  readonly shipping_request_id: string;
  readonly parcel_id: string;
  readonly service_level: ServiceLevel;
  readonly label: WaybillLabel;
  readonly created_at: string;
}

/** Problems a schema cannot express: admin codes that do not belong together, inconsistent totals. */
export function orderProblems(order: NewOrder): string[] {
  const problems: string[] = [];
  for (const side of ['sender', 'recipient'] as const) {
    const code = order[side].address.admin_code;
    if (!/^\d{6}(\d{3}(\d{3})?)?$/.test(code)) {
      problems.push(`${side}.address.admin_code "${code}" must be a GB/T 2260 code of 6 digits (or 9/12 for township/village)`);
    }
  }
  const itemValue = order.items.reduce((sum, item) => sum + (item.unit_value_fen ?? 0) * item.quantity, 0);
  if (itemValue > order.declared_value_fen) {
    problems.push(`items are worth ${itemValue} fen in total but declared_value_fen is ${order.declared_value_fen}`);
  }
  return problems;
}

/**
 * The destination sorting code printed large on the label (三段码): city, district, and a
 * delivery area from a ~1 km grid cell, so a station can pre-sort without reading the address.
 */
export function sortingCode(adminCode: string, lng: number | null, lat: number | null): string {
  const city = adminCode.slice(0, 4);
  const district = adminCode.slice(4, 6);
  const area = lng === null || lat === null ? '000' : String((Math.floor(lng * 100) * 7 + Math.floor(lat * 100)) % 1000).padStart(3, '0');
  return `${city}-${district}-${area}`;
}

/**
 * A carrier-prefixed waybill number with a mod-11 check digit (like the UPU S10 weighting), so a
 * mistyped number is caught before it reaches the database.
 */
export function waybillNumber(carrierCode: string, serial: number): string {
  const digits = String(serial).padStart(12, '0');
  return `${carrierCode}${digits}${checkDigit(digits)}`;
}

const WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7];

function checkDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * (WEIGHTS[i % WEIGHTS.length] ?? 1);
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}
