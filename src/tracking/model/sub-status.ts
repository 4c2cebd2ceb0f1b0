import type { Status } from './status.ts';

/**
 * The second level of the model: what exactly happened within a status. A status may have
 * none (an empty list), and an event may omit its sub-status when the carrier's code says no more.
 *
 * A few values exist because Chinese code sets conflate what we keep apart:
 * `in_locker_or_station` / `picked_up_locker_or_station` (Kuaidi100 501/304, Kdniao 211/311 do
 * not say which), and `signed_by_proxy` (Kuaidi100 303 代签, Kdniao 304 代收) which, unlike
 * `proxy_with_consent`, does not assert that the recipient agreed to the proxy.
 */
export const subStatusesByStatus = {
  created: ['order_placed', 'awaiting_collection'],
  collected: [],
  in_transit: [
    'departed_origin',
    'arrived_hub',
    'departed_hub',
    'arrived_destination_city',
    'arrived_delivery_outlet',
    'line_haul',
    'forwarded',
    'customs_pending',
    'customs_in_progress',
    'customs_cleared',
  ],
  out_for_delivery: ['with_courier', 'redelivery'],
  available_for_pickup: ['in_locker', 'in_station', 'in_locker_or_station'],
  delivered: [
    'signed',
    'signed_by_proxy',
    'proxy_with_consent',
    'picked_up_locker',
    'picked_up_station',
    'picked_up_locker_or_station',
    'signed_after_exception',
  ],
  attempt_failed: [],
  exception: [
    'no_tracking_info',
    'tracking_stalled',
    'overdue_unsigned',
    'damaged',
    'lost',
    'missorted',
    'out_of_area',
    'delayed',
    'refused',
    'undeliverable',
    'pickup_overdue',
    'withdrawn_from_pickup',
    'intercepted',
    'customs_held',
  ],
  returning: [],
  returned: [],
  cancelled: [],
} as const satisfies Readonly<Record<Status, readonly string[]>>;

/** The sub-statuses allowed under status `S`. */
export type SubStatusOf<S extends Status> = (typeof subStatusesByStatus)[S][number];

/** Any sub-status of any status. */
export type SubStatus = SubStatusOf<Status>;

/** Every sub-status value once (for schemas). */
export const subStatuses: readonly SubStatus[] = [...new Set(Object.values(subStatusesByStatus).flat())];

/** True when `subStatus` is allowed under `status` (for checking untyped input). */
export function isSubStatusOf(status: Status, subStatus: string): boolean {
  return (subStatusesByStatus[status] as readonly string[]).includes(subStatus);
}
