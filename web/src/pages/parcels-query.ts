// Parcel list filters as the console holds them, and their API query string.
import { dayWindow } from '../../../src/stats/model.ts';

export interface ParcelFilters {
  readonly status: string;
  readonly carrier: string;
  readonly district: string;
  /** Local calendar date (YYYY-MM-DD) in the city's time zone, or empty. */
  readonly date: string;
}

export const NO_FILTERS: ParcelFilters = { status: '', carrier: '', district: '', date: '' };

/** The GET /v1/parcels query for filters, a page size and an optional cursor. */
export function parcelsQuery(filters: ParcelFilters, timeZone: string, limit: number, cursor?: string): string {
  const params = new URLSearchParams({ limit: String(limit) });
  if (filters.status) params.set('status', filters.status);
  if (filters.carrier) params.set('carrier', filters.carrier);
  if (filters.district) params.set('district', filters.district);
  if (filters.date) {
    const window = dayWindow(filters.date, timeZone);
    params.set('created_from', window.from);
    params.set('created_to', window.to);
  }
  if (cursor) params.set('cursor', cursor);
  return `/v1/parcels?${params.toString()}`;
}
