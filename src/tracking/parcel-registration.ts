/**
 * Registering the parcels of newly issued waybills, inside the transaction that issues them, so
 * a waybill and its parcel exist together or not at all. A batch of waybills is one statement,
 * its rows sent as JSON column arrays (see jsonRows), as scan batches are.
 */
import { sql, type Transaction } from 'kysely';
import { jsonRows } from '../platform/db/json-rows.ts';

/** What a new parcel starts with; written in the transaction that issues its waybill. */
export interface ParcelRegistration {
  readonly parcelId: string;
  readonly waybillId: string;
  readonly waybillNo: string;
  readonly carrierId: string;
  readonly platformId: string;
  readonly destinationAdminCode: string;
  readonly weightG: number;
  readonly createdAt: string;
}

/** Registers the parcels in status `created` inside the caller's transaction. */
export async function registerParcels(trx: Transaction<object>, parcels: readonly ParcelRegistration[]): Promise<void> {
  if (parcels.length === 0) return;
  const column = <K extends keyof ParcelRegistration>(key: K) => parcels.map((parcel) => parcel[key]);
  await sql`
    INSERT INTO parcels (id, waybill_id, waybill_no, carrier_id, platform_id, destination_admin_code, weight_g, status, created_at, updated_at)
    SELECT id, waybill_id, waybill_no, carrier_id, platform_id, destination_admin_code, weight_g::integer, 'created', created_at::timestamptz, created_at::timestamptz
    FROM ${jsonRows('p', {
      id: column('parcelId'),
      waybill_id: column('waybillId'),
      waybill_no: column('waybillNo'),
      carrier_id: column('carrierId'),
      platform_id: column('platformId'),
      destination_admin_code: column('destinationAdminCode'),
      weight_g: column('weightG'),
      created_at: column('createdAt'),
    })}`.execute(trx);
}
