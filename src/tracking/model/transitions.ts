import type { Status } from './status.ts';

/**
 * The legal transitions between canonical statuses, as data. Rules behind the table:
 *
 * 1. Repeating the current status is always legal (another hub scan, a second exception);
 *    the sub-status and reason become the new event's.
 * 2. The forward flow created → collected → in_transit → out_for_delivery →
 *    available_for_pickup → delivered may skip steps: Chinese carrier feeds are sparse.
 * 3. From the door (out_for_delivery, available_for_pickup, attempt_failed) a parcel may go back
 *    into the network (in_transit) and out again; back to created or collected is not legal.
 * 4. attempt_failed and exception may occur at any point before a terminal status, and any
 *    later step leaves them; exception may also lead to cancelled or straight to returned.
 * 5. A return may start once the carrier has the parcel, including after delivery (a post-
 *    delivery return) and after a cancellation. On the return leg, transit and door scans are
 *    legal but "keep" the status returning, because carriers report the way back with their
 *    ordinary codes. (An exception on the return leg does move the status, so later return-leg
 *    transit scans then show in_transit.)
 * 6. cancelled is legal only before the parcel is in the network: from created, collected or
 *    exception (e.g. after an interception).
 * 7. delivered, returned and cancelled are terminal and sticky: an event that is not a listed
 *    continuation is flagged as an anomaly and does not change the status.
 * 8. Any other illegal event is flagged as an anomaly but does move the status, because the
 *    later scan is the best evidence of where the parcel physically is.
 */
const afterTheDoor: readonly Status[] = [
  'in_transit',
  'out_for_delivery',
  'available_for_pickup',
  'delivered',
  'attempt_failed',
  'exception',
  'returning',
];

/** Legal next statuses (besides repeating the current one) that the parcel moves to. */
const movesTo: Readonly<Record<Status, readonly Status[]>> = {
  created: ['collected', ...afterTheDoor.filter((s) => s !== 'returning'), 'cancelled'],
  collected: [...afterTheDoor, 'cancelled'],
  in_transit: afterTheDoor,
  out_for_delivery: afterTheDoor,
  available_for_pickup: afterTheDoor,
  attempt_failed: afterTheDoor,
  exception: ['collected', ...afterTheDoor, 'returned', 'cancelled'],
  returning: ['returned', 'exception'],
  delivered: ['returning', 'returned'],
  returned: [],
  cancelled: ['returning', 'returned'],
};

/** Legal next statuses that do not change the status (rule 5). */
const keepsFrom: Readonly<Partial<Record<Status, readonly Status[]>>> = {
  returning: ['in_transit', 'out_for_delivery', 'available_for_pickup', 'attempt_failed'],
};

export const terminalStatuses: readonly Status[] = ['delivered', 'returned', 'cancelled'];

/** What an event does to the folded status: move to it or keep the current one; `anomaly` explains an illegal step. */
export type TransitionVerdict = {
  readonly effect: 'move' | 'keep';
  readonly anomaly: string | null;
};

/** Judges an event of status `to` arriving when the parcel's folded status is `from`. */
export function judgeTransition(from: Status, to: Status): TransitionVerdict {
  if (from === to || movesTo[from].includes(to)) return { effect: 'move', anomaly: null };
  if (keepsFrom[from]?.includes(to) === true) return { effect: 'keep', anomaly: null };
  if (terminalStatuses.includes(from)) {
    return { effect: 'keep', anomaly: `${to} cannot follow ${from}, which is terminal; the status stays ${from}` };
  }
  return { effect: 'move', anomaly: `${to} cannot follow ${from}; the status moves to ${to} but the step is flagged` };
}
