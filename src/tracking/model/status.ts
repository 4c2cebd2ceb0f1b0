/**
 * The canonical parcel status: the top level of parcelgrid's tracking model
 * (docs: api-conventions.md "Tracking status model"). Every carrier code maps to one of these.
 */
export const statuses = [
  'created',
  'collected',
  'in_transit',
  'out_for_delivery',
  'available_for_pickup',
  'delivered',
  'attempt_failed',
  'exception',
  'returning',
  'returned',
  'cancelled',
] as const;

export type Status = (typeof statuses)[number];

/** Console labels: the Chinese term used in the trade, and plain English. */
export const statusLabels: Readonly<Record<Status, { readonly zh: string; readonly en: string }>> = {
  created: { zh: '已下单', en: 'Created' },
  collected: { zh: '已揽收', en: 'Collected' },
  in_transit: { zh: '运输中', en: 'In transit' },
  out_for_delivery: { zh: '派件中', en: 'Out for delivery' },
  available_for_pickup: { zh: '待取件', en: 'Ready for pickup' },
  delivered: { zh: '已签收', en: 'Delivered' },
  attempt_failed: { zh: '派送失败', en: 'Delivery attempt failed' },
  exception: { zh: '问题件', en: 'Exception' },
  returning: { zh: '退回中', en: 'Returning to sender' },
  returned: { zh: '已退回', en: 'Returned to sender' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

/** True when `value` is one of the canonical statuses (for checking untyped input). */
export function isStatus(value: string): value is Status {
  return (statuses as readonly string[]).includes(value);
}
