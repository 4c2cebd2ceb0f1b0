// Which raw code each carrier sends for each step of a parcel's journey, in its own code set,
// and the canonical status the platform maps it to (the tables in
// src/tracking/model/code-sets/*.ts; carrier-codes.test.ts checks every row against them).
// Kuaidi100 has no "attempt failed" code: its carriers report a failed attempt as 2 疑难
// (problem parcel), which the platform maps to `exception`, so that is what the ledger expects.
import type { TrackingCodeSet } from '../city/index.ts';

export const STEP_KINDS = [
  'collected',
  'departed_origin',
  'arrived_hub',
  'departed_hub',
  'arrived_station',
  'out_for_delivery',
  'redelivery',
  'attempt_failed',
  'in_locker',
  'in_station',
  'delivered_signed',
  'delivered_proxy',
  'picked_up_locker',
  'picked_up_station',
  'delayed_exception',
  'damaged',
  'refused',
  'pickup_overdue',
  'returning',
  'returned',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** The canonical statuses the simulator's steps produce (a subset of the platform's). */
export type ExpectedStatus = 'collected' | 'in_transit' | 'out_for_delivery' | 'available_for_pickup' | 'delivered' | 'attempt_failed' | 'exception' | 'returning' | 'returned';

export interface RawCode {
  readonly code: string;
  readonly status: ExpectedStatus;
}

type CodeRow = Readonly<Record<TrackingCodeSet, RawCode>>;

const row = (generic: string, kuaidi100: string, kdniao: string, status: ExpectedStatus, kuaidi100Status: ExpectedStatus = status): CodeRow => ({
  generic: { code: generic, status },
  kuaidi100: { code: kuaidi100, status: kuaidi100Status },
  kdniao: { code: kdniao, status },
});

export const STEP_CODES: Readonly<Record<StepKind, CodeRow>> = {
  collected: row('COLLECTED', '103', '1', 'collected'),
  departed_origin: row('DEPARTED_ORIGIN', '0', '206', 'in_transit'),
  arrived_hub: row('ARRIVED_HUB', '0', '204', 'in_transit'),
  departed_hub: row('DEPARTED_HUB', '1002', '2', 'in_transit'),
  arrived_station: row('ARRIVED_DELIVERY_OUTLET', '1001', '205', 'in_transit'),
  out_for_delivery: row('OUT_FOR_DELIVERY', '5', '202', 'out_for_delivery'),
  redelivery: row('REDELIVERY', '5', '419', 'out_for_delivery'),
  attempt_failed: row('ATTEMPT_FAILED_ABSENT', '2', '405', 'attempt_failed', 'exception'),
  in_locker: row('IN_LOCKER', '501', '211', 'available_for_pickup'),
  in_station: row('IN_STATION', '501', '211', 'available_for_pickup'),
  delivered_signed: row('DELIVERED_SIGNED', '301', '301', 'delivered'),
  delivered_proxy: row('DELIVERED_PROXY_CONSENTED', '303', '304', 'delivered'),
  picked_up_locker: row('DELIVERED_LOCKER', '304', '311', 'delivered'),
  picked_up_station: row('DELIVERED_STATION', '304', '311', 'delivered'),
  delayed_exception: row('EXCEPTION_DELAYED', '2', '417', 'exception'),
  damaged: row('EXCEPTION_DAMAGED', '2', '414', 'exception'),
  refused: row('EXCEPTION_REFUSED', '14', '404', 'exception'),
  pickup_overdue: row('EXCEPTION_PICKUP_OVERDUE', '2', '412', 'exception'),
  returning: row('RETURNING', '6', '407', 'returning'),
  returned: row('RETURNED', '4', '406', 'returned'),
};

/** The carrier's message for a step, as a scan feed would print it (no personal data). */
export const STEP_MESSAGES: Readonly<Record<StepKind, (facility: string) => string>> = {
  collected: (f) => `快件已由【${f}】揽收`,
  departed_origin: (f) => `快件已从【${f}】发出`,
  arrived_hub: (f) => `快件已到达【${f}】`,
  departed_hub: (f) => `快件已从【${f}】发出，下一站派件网点`,
  arrived_station: (f) => `快件已到达【${f}】`,
  out_for_delivery: (f) => `【${f}】快递员正在派件`,
  redelivery: (f) => `【${f}】快递员再次派件`,
  attempt_failed: (f) => `【${f}】派件未成功：收件人不在，将再次派送`,
  in_locker: (f) => `快件已放入【${f}】附近快递柜，请凭取件码取件`,
  in_station: (f) => `快件已到【${f}】驿站，请及时取件`,
  delivered_signed: () => '快件已签收，签收人：本人',
  delivered_proxy: () => '快件已由收件人同意的代收人签收',
  picked_up_locker: () => '快件已从快递柜取出，已签收',
  picked_up_station: () => '快件已从驿站取出，已签收',
  delayed_exception: (f) => `【${f}】快件延误，将尽快转运`,
  damaged: (f) => `【${f}】快件破损，将退回寄件人`,
  refused: (f) => `【${f}】收件人拒收，快件将退回`,
  pickup_overdue: (f) => `【${f}】快件超时未取，将退回`,
  returning: (f) => `退回件已从【${f}】发出`,
  returned: () => '退回件已由寄件人签收',
};
