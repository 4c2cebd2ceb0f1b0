/**
 * Aggregates over parcels for overview figures: one grouped scan of a day's new parcels (by
 * destination district, current status, local creation hour and carrier) and one of the live
 * counters. Read-only; the stats capability turns these counts into rates and charts.
 */
import { sql, type Kysely } from 'kysely';
import type { Status } from './model/index.ts';
import type { ParcelViewer } from './store.ts';

/** A half-open UTC window [from, to) and the time zone whose hours the chart uses. */
export interface SummaryWindow {
  readonly from: string;
  readonly to: string;
  readonly timezone: string;
}

/** Parcels created in the window sharing district, status, local hour and carrier. */
export interface ParcelCountCell {
  /** First six digits of the destination admin code: the county-level district. */
  readonly district: string;
  readonly status: Status;
  /** 0–23 in the window's time zone. */
  readonly hour: number;
  readonly carrierId: string;
  readonly count: number;
}

export interface ParcelCounters {
  /** Parcels created in the window. */
  readonly created: number;
  /** Collected and not yet in a terminal status (any creation date). */
  readonly inFlight: number;
  /** Delivered within the window (any creation date). */
  readonly delivered: number;
  /** Parcels whose current status is exception (any creation date). */
  readonly exceptions: number;
}

const NOT_IN_FLIGHT: readonly Status[] = ['created', 'delivered', 'returned', 'cancelled'];

/** Creates the summary queries over a database. */
export function createParcelSummary(db: Kysely<object>) {
  const visible = (viewer: ParcelViewer) =>
    viewer.seesAll ? sql<boolean>`true` : sql<boolean>`(carrier_id = ${viewer.partyId} OR platform_id = ${viewer.partyId})`;

  return {
    /** Counts of the window's new parcels, grouped finely enough to derive every breakdown. */
    async countCells(viewer: ParcelViewer, window: SummaryWindow): Promise<ParcelCountCell[]> {
      const result = await sql<{ district: string; status: Status; hour: number; carrier_id: string; n: number }>`
        SELECT left(destination_admin_code, 6) AS district, status,
          extract(hour FROM created_at AT TIME ZONE ${window.timezone})::int AS hour, carrier_id, count(*)::int AS n
        FROM parcels
        WHERE created_at >= ${window.from}::timestamptz AND created_at < ${window.to}::timestamptz AND ${visible(viewer)}
        GROUP BY 1, 2, 3, 4`.execute(db);
      return result.rows.map((row) => ({ district: row.district, status: row.status, hour: row.hour, carrierId: row.carrier_id, count: row.n }));
    },

    /** The live counters for the window. */
    async counters(viewer: ParcelViewer, window: SummaryWindow): Promise<ParcelCounters> {
      const result = await sql<{ created: number; in_flight: number; delivered: number; exceptions: number }>`
        SELECT
          count(*) FILTER (WHERE created_at >= ${window.from}::timestamptz AND created_at < ${window.to}::timestamptz)::int AS created,
          count(*) FILTER (WHERE NOT (status = ANY(${[...NOT_IN_FLIGHT]}::text[])))::int AS in_flight,
          count(*) FILTER (WHERE delivered_at >= ${window.from}::timestamptz AND delivered_at < ${window.to}::timestamptz)::int AS delivered,
          count(*) FILTER (WHERE status = 'exception')::int AS exceptions
        FROM parcels WHERE ${visible(viewer)}`.execute(db);
      const row = result.rows[0];
      return { created: row?.created ?? 0, inFlight: row?.in_flight ?? 0, delivered: row?.delivered ?? 0, exceptions: row?.exceptions ?? 0 };
    },
  };
}

export type ParcelSummary = ReturnType<typeof createParcelSummary>;
