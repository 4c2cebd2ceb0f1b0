// The simulated delivery day: a loop over sim-clock ticks in which platforms push the orders
// that fell due (with their shipping requests), carriers issue waybills for the requests waiting
// for them, and carriers upload the scans that fell due, all in batch calls. Everything goes
// through the public HTTP API with each party's key; the ledger records what was sent and what
// every parcel's status should now be.
import { DEMO_CARRIERS, type TrackingCodeSet } from '../city/index.ts';
import { createSimApi, forEachConcurrently } from './api-client.ts';
import { issueWaybills, uploadScans } from './carrier-actor.ts';
import { STEP_CODES } from './carrier-codes.ts';
import type { PlannedOrder } from './day-plan.ts';
import { createDueQueue } from './due-queue.ts';
import { createLedger, type Ledger, type LedgerParcel } from './ledger.ts';
import { createOrderFeed, type OrderFeedOptions } from './order-feed.ts';
import { placeOrders } from './platform-actor.ts';
import { scanUpload } from './scan-upload.ts';
import { createPacedClock, createUnpacedClock } from './sim-clock.ts';
import type { SimWorld } from './world.ts';

export interface SimulationOptions extends OrderFeedOptions {
  readonly baseUrl: string;
  /** API keys by party code: the demo platforms and carriers. */
  readonly keys: Readonly<Record<string, string>>;
  /** Sim seconds per real second, or 'max' to run as fast as the platform accepts. */
  readonly speed: number | 'max';
  /** Sim time to start at, epoch ms; orders placed before it are sent at once (a warm start). */
  readonly startMs: number;
  /** HTTP requests in flight at once. */
  readonly concurrency?: number;
  /** Unique per run, so orders of two runs on one database never clash. */
  readonly runTag: string;
  /** Most orders placed per tick (default 20), so a warm start's backlog drains while scans keep flowing. */
  readonly maxOrdersPerTick?: number;
  /** With speed 'max': sim time one tick covers at least (default one hour); longer ticks fill bigger batches. */
  readonly tickMs?: number;
  readonly signal?: AbortSignal;
  /** Called as each tick starts, with the sim time, for progress lines and demos. */
  readonly onTick?: (simNowMs: number, ledger: Ledger) => void;
}

/** A parcel on its way: the plan, the carrier's code set and its ledger entry. */
interface ParcelInFlight {
  readonly order: PlannedOrder;
  readonly codeSet: TrackingCodeSet;
  readonly ledger: LedgerParcel;
}

interface DueScan {
  readonly parcel: ParcelInFlight;
  readonly scanIndex: number;
}

const CODE_SET_OF = new Map(DEMO_CARRIERS.map((carrier) => [carrier.code, carrier.codeSet]));
/** Scans per batch upload; under the API's 1,000 so one slow batch does not hold a tick. */
const BATCH_SIZE = 500;
/** Orders, or waybills, per batch call: the API's maximum. */
const EXCHANGE_BATCH_SIZE = 500;

const keyOf = (keys: Readonly<Record<string, string>>, code: string): string => {
  const key = keys[code];
  if (key === undefined) throw new Error(`no API key for demo party ${code}`);
  return key;
};

/** Runs the simulation to the end of its days (or until aborted), recording into `ledger`, and returns it. */
export async function runSimulation(world: SimWorld, options: SimulationOptions, ledger: Ledger = createLedger()): Promise<Ledger> {
  const api = createSimApi(options.baseUrl);
  const concurrency = options.concurrency ?? 8;
  const feed = createOrderFeed(world, options);
  const scans = createDueQueue<DueScan>();
  /** Orders whose shipping request waits for its waybill, by shipping request id. */
  const awaitingWaybill = new Map<string, PlannedOrder>();
  // Once stopped, calls not yet started are skipped, so Ctrl-C ends a long tick quickly.
  const stopped = () => options.signal?.aborted === true;
  const clock = options.speed === 'max' ? createUnpacedClock(options.startMs, options.tickMs) : createPacedClock(options.startMs, options.speed);

  const placeDueOrders = (nowMs: number) => {
    const due = feed.takeUntil(nowMs, options.maxOrdersPerTick ?? 20);
    return forEachConcurrently(batchesBy(due, (order) => order.platformCode, EXCHANGE_BATCH_SIZE), concurrency, async ({ partyCode, batch }) => {
      if (stopped()) return;
      for (const { order, shippingRequestId } of await placeOrders(api, partyCode, keyOf(options.keys, partyCode), batch, options.runTag)) {
        ledger.orderPlaced();
        ledger.shippingRequested();
        awaitingWaybill.set(shippingRequestId, order);
      }
    });
  };

  // Carriers learn of new requests as a webhook subscriber would (shipping_request.created); the
  // simulator hands the ids over in process instead of running a receiver or polling the list.
  const issueAwaitedWaybills = () => {
    const waiting = [...awaitingWaybill].map(([requestId, order]) => ({ requestId, carrierCode: order.carrierCode }));
    return forEachConcurrently(batchesBy(waiting, (request) => request.carrierCode, EXCHANGE_BATCH_SIZE), concurrency, async ({ partyCode, batch }) => {
      if (stopped()) return;
      for (const { requestId, waybillNo } of await issueWaybills(api, partyCode, keyOf(options.keys, partyCode), batch.map((request) => request.requestId))) {
        const order = awaitingWaybill.get(requestId);
        if (order === undefined) continue;
        awaitingWaybill.delete(requestId);
        trackParcel(order, waybillNo);
      }
    });
  };

  const trackParcel = (order: PlannedOrder, waybillNo: string) => {
    const codeSet = CODE_SET_OF.get(order.carrierCode) ?? 'generic';
    const parcel: ParcelInFlight = {
      order,
      codeSet,
      ledger: ledger.waybillIssued({ waybillNo, carrierCode: order.carrierCode, destinationAdcode: order.recipient.address.adcode }),
    };
    order.scans.forEach((scan, scanIndex) => {
      scans.push(scan.sendAtMs, { parcel, scanIndex });
      if (scan.duplicateAtMs !== null) scans.push(scan.duplicateAtMs, { parcel, scanIndex });
    });
  };

  const uploadDueScans = (nowMs: number) =>
    forEachConcurrently(batchesByCarrier(scans.takeDue(nowMs)), concurrency, async ({ carrierCode, batch }) => {
      if (stopped()) return;
      const uploads = batch.map(({ parcel, scanIndex }) => scanUpload(parcel.order, scanIndex, parcel.ledger.waybillNo, parcel.codeSet));
      const answer = await uploadScans(api, carrierCode, keyOf(options.keys, carrierCode), uploads);
      for (const item of answer.results) {
        const due = batch[item.index];
        if (due === undefined) continue;
        const scan = due.parcel.order.scans[due.scanIndex];
        if (scan === undefined) continue;
        ledger.scanAnswered(due.parcel.ledger, scan.occurredAtMs, STEP_CODES[scan.kind][due.parcel.codeSet].status, item.result, item.error?.message);
      }
    });

  for (let nowMs = clock.now(); !stopped(); ) {
    options.onTick?.(nowMs, ledger);
    await placeDueOrders(nowMs);
    await issueAwaitedWaybills();
    await uploadDueScans(nowMs);
    const nextOrderMs = feed.peekMs();
    if (nextOrderMs === undefined && scans.size === 0 && awaitingWaybill.size === 0) break;
    nowMs = await clock.tick(minDefined(nextOrderMs, scans.peekDueMs()));
  }
  return ledger;
}

const minDefined = (a: number | undefined, b: number | undefined): number | undefined =>
  a === undefined ? b : b === undefined ? a : Math.min(a, b);

/**
 * Groups items by the party that sends them into batches of at most `maxSize` (each item counting
 * `sizeOf` towards it), keeping their order.
 */
function batchesBy<T>(items: readonly T[], partyOf: (item: T) => string, maxSize: number, sizeOf: (item: T) => number = () => 1): { partyCode: string; batch: T[] }[] {
  const open = new Map<string, { batch: T[]; size: number }>();
  const batches: { partyCode: string; batch: T[] }[] = [];
  for (const item of items) {
    const partyCode = partyOf(item);
    let current = open.get(partyCode);
    if (current === undefined || current.size + sizeOf(item) > maxSize) {
      current = { batch: [], size: 0 };
      open.set(partyCode, current);
      batches.push({ partyCode, batch: current.batch });
    }
    current.batch.push(item);
    current.size += sizeOf(item);
  }
  return batches;
}

/**
 * Groups due scans into per-carrier batches. All scans of one parcel go in the same batch, so
 * concurrent batches never lock the same parcel and cannot deadlock each other.
 */
function batchesByCarrier(due: readonly DueScan[]): { carrierCode: string; batch: DueScan[] }[] {
  const byParcel = new Map<LedgerParcel, DueScan[]>();
  for (const item of due) byParcel.set(item.parcel.ledger, [...(byParcel.get(item.parcel.ledger) ?? []), item]);
  return batchesBy([...byParcel], ([parcel]) => parcel.carrierCode, BATCH_SIZE, ([, scans]) => scans.length)
    .map(({ partyCode, batch }) => ({ carrierCode: partyCode, batch: batch.flatMap(([, scans]) => scans) }));
}
