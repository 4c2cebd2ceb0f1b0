// The stream of planned orders across the simulated days, in time order, optionally capped at
// a number of parcels (the first N of the run). Orders are generated only as the clock reaches them.
import { planDay, type DayPlanOptions, type PlannedOrder } from './day-plan.ts';
import type { SimWorld } from './world.ts';

export interface OrderFeedOptions extends DayPlanOptions {
  /** First simulated local date, YYYY-MM-DD. */
  readonly firstLocalDate: string;
  /** Days to simulate; undefined runs until stopped. */
  readonly days: number | undefined;
  readonly dailyParcels: number;
  /** Stop after this many orders in all. */
  readonly maxParcels?: number | undefined;
}

export interface OrderFeed {
  /** Placement time of the next order, or undefined when the feed is exhausted. */
  peekMs(): number | undefined;
  /** Orders placed at or before `nowMs`, the earliest `limit` of them. */
  takeUntil(nowMs: number, limit: number): PlannedOrder[];
}

/** The local date `offset` days after `localDate`. */
export function addDays(localDate: string, offset: number): string {
  return new Date(Date.parse(`${localDate}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
}

function* allOrders(world: SimWorld, options: OrderFeedOptions): Generator<PlannedOrder> {
  let produced = 0;
  for (let day = 0; options.days === undefined || day < options.days; day += 1) {
    for (const order of planDay(world, addDays(options.firstLocalDate, day), options.dailyParcels, options)) {
      if (options.maxParcels !== undefined && produced >= options.maxParcels) return;
      produced += 1;
      yield order;
    }
  }
}

/** A feed over the planned days. */
export function createOrderFeed(world: SimWorld, options: OrderFeedOptions): OrderFeed {
  const orders = allOrders(world, options);
  let next = orders.next();
  return {
    peekMs: () => (next.done === true ? undefined : next.value.placedAtMs),
    takeUntil(nowMs, limit) {
      const due: PlannedOrder[] = [];
      while (next.done !== true && next.value.placedAtMs <= nowMs && due.length < limit) {
        due.push(next.value);
        next = orders.next();
      }
      return due;
    },
  };
}
