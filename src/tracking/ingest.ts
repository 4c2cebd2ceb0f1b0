/**
 * Batch ingest of carrier scans. Each item is validated and mapped on its own, so good items are
 * stored even when others fail. In one transaction: the carrier's parcels are locked, new events
 * inserted (re-sent ones skipped), the parcels' states re-folded from all their events, and one
 * outbox event per changed parcel appended.
 */
import { Compile } from 'typebox/compile';
import type { Kysely } from 'kysely';
import type { ErrorCode } from '../platform/errors.ts';
import { assertBatchSize, batchAnswer, checkItem, itemField, rejectedItem } from '../platform/http/batch-results.ts';
import { canonicalIso } from '../platform/iso-time.ts';
import { appendEvents } from '../platform/outbox/append.ts';
import type { NewEvent } from '../platform/outbox/envelope.ts';
import type { Principal } from '../platform/tenancy/model.ts';
import { extendParcelState, foldParcelStatus, mapCarrierCode, type CodeSetName, type IncidentReason, type ParcelState, type Status, type SubStatus, type TrackedEvent } from './model/index.ts';
import { scrubMessage } from './model/scrub-message.ts';
import { EventInputSchema, MAX_BATCH, type EventInput, type ItemResult } from './schemas.ts';
import { createTrackingStore, type EventInsert, type LockedParcel, type StoredState, type TrackingStore } from './store.ts';

const checkEvent = Compile(EventInputSchema);

export type BatchOutcome = ReturnType<typeof batchAnswer<ItemResult>>;

interface Candidate {
  readonly index: number;
  readonly input: EventInput;
  readonly mapped: Omit<EventInsert, 'parcelId'>;
}

const rejected = (index: number, eventId: string | null, code: ErrorCode, message: string): ItemResult =>
  rejectedItem(index, { event_id: eventId }, code, message);

/** Validates and maps one raw item; returns the candidate or the item's rejection. */
function prepare(raw: unknown, index: number, principal: Principal, defaultCodeSet: CodeSetName): Candidate | ItemResult {
  const input = checkItem(checkEvent, raw, 'TrackingEventInput');
  if (typeof input === 'string') return rejected(index, itemField(raw, 'event_id'), 'validation_failed', input);
  const codeSet = input.code_set ?? defaultCodeSet;
  const mapping = mapCarrierCode(codeSet, input.code);
  if (!mapping.known) return rejected(index, input.event_id, 'unknown_code', mapping.message);
  const occurredMs = Date.parse(input.occurred_at);
  if (Number.isNaN(occurredMs)) return rejected(index, input.event_id, 'validation_failed', `occurred_at ${input.occurred_at} is not a date and time`);
  if (occurredMs > Date.now() + 15 * 60_000) {
    return rejected(index, input.event_id, 'validation_failed', `occurred_at ${input.occurred_at} is in the future`);
  }
  return {
    index,
    input,
    mapped: {
      carrierId: principal.partyId,
      sourceEventId: input.event_id,
      occurredAt: canonicalIso(input.occurred_at),
      codeSet,
      rawCode: input.code,
      rawMessage: input.message === undefined ? null : scrubMessage(input.message),
      status: mapping.status,
      subStatus: mapping.subStatus ?? null,
      incidentReason: mapping.incidentReason ?? null,
      facility: input.facility ?? null,
    },
  };
}

/** Stores a batch of scans from one carrier and updates the parcels they concern. */
export async function ingestEvents(
  db: Kysely<object>,
  principal: Principal,
  defaultCodeSet: CodeSetName,
  items: readonly unknown[],
): Promise<BatchOutcome> {
  assertBatchSize(items.length, MAX_BATCH, 'events');
  const results: ItemResult[] = [];
  const candidates: Candidate[] = [];
  const seenInBatch = new Set<string>();
  for (const [index, raw] of items.entries()) {
    const prepared = prepare(raw, index, principal, defaultCodeSet);
    if ('result' in prepared) {
      results.push(prepared);
    } else if (seenInBatch.has(prepared.input.event_id)) {
      results.push({ index, event_id: prepared.input.event_id, result: 'duplicate' });
    } else {
      seenInBatch.add(prepared.input.event_id);
      candidates.push(prepared);
    }
  }

  await db.transaction().execute(async (trx) => {
    const store = createTrackingStore(trx);
    const parcels = await store.lockParcelsByWaybill(principal.partyId, [...new Set(candidates.map((c) => c.input.waybill_no))]);
    const toInsert: { index: number; event: EventInsert; parcel: LockedParcel }[] = [];
    for (const candidate of candidates) {
      const parcel = parcels.get(candidate.input.waybill_no);
      if (parcel === undefined) {
        results.push(rejected(candidate.index, candidate.input.event_id, 'not_found', `waybill ${candidate.input.waybill_no} was not issued by this carrier`));
      } else {
        toInsert.push({ index: candidate.index, event: { ...candidate.mapped, parcelId: parcel.id }, parcel });
      }
    }
    const skipped = await store.insertEvents(toInsert.map((item) => item.event));
    const fresh = new Map<string, { parcel: LockedParcel; events: TrackedEvent[] }>();
    const recordedAt = new Date().toISOString();
    for (const { index, event, parcel } of toInsert) {
      const isFresh = !skipped.has(event.sourceEventId);
      results.push({ index, event_id: event.sourceEventId, result: isFresh ? 'created' : 'duplicate' });
      if (!isFresh) continue;
      const entry = fresh.get(parcel.id) ?? { parcel, events: [] };
      entry.events.push(asTracked(event, principal.partyId, recordedAt));
      fresh.set(parcel.id, entry);
    }
    const states = await nextStates(store, fresh);
    await store.updateStates(states);
    await appendEvents(trx, [...states].map(([parcelId, { state }]) => parcelUpdated(principal, parcelId, fresh.get(parcelId)?.parcel.platform_id ?? '', state)));
  });

  return batchAnswer(results);
}

/** The new event in the shape the fold reads; recordedAt is the batch's now, as the database stamps it. */
function asTracked(event: EventInsert, source: string, recordedAt: string): TrackedEvent {
  return {
    eventId: event.sourceEventId,
    source,
    occurredAt: event.occurredAt,
    recordedAt,
    status: event.status as Status,
    subStatus: event.subStatus as SubStatus | null,
    incidentReason: event.incidentReason as IncidentReason | null,
    rawCode: event.rawCode,
  };
}

/** The state a stored parcel row stands for; anomalies found earlier are only counted there. */
function storedState(parcel: LockedParcel): ParcelState {
  return {
    status: parcel.status,
    subStatus: parcel.sub_status as SubStatus | null,
    incidentReason: parcel.incident_reason as IncidentReason | null,
    lastEventAt: parcel.last_event_at,
    ...(parcel.delivered_at ? { deliveredAt: parcel.delivered_at } : {}),
    attempts: parcel.attempts,
    anomalies: [],
    eventCount: parcel.event_count,
  };
}

/**
 * New states for parcels with fresh events. The common case, scans newer than anything stored,
 * extends the stored state event by event without reading history; a late or same-instant scan
 * refolds that parcel from all its events, which gives the same result by construction.
 */
async function nextStates(store: TrackingStore, fresh: ReadonlyMap<string, { parcel: LockedParcel; events: TrackedEvent[] }>): Promise<Map<string, StoredState>> {
  const states = new Map<string, StoredState>();
  const refold: string[] = [];
  for (const [parcelId, { parcel, events }] of fresh) {
    events.sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
    let state: ParcelState | null = storedState(parcel);
    for (const event of events) {
      state = state && extendParcelState(state, event);
    }
    if (state) states.set(parcelId, { state, anomalyCount: parcel.anomaly_count + state.anomalies.length });
    else refold.push(parcelId);
  }
  for (const [parcelId, events] of await store.eventsOf(refold)) {
    const state = foldParcelStatus(events);
    states.set(parcelId, { state, anomalyCount: state.anomalies.length });
  }
  return states;
}

function parcelUpdated(principal: Principal, parcelId: string, platformId: string, state: ParcelState): NewEvent {
  return {
    type: 'parcel.tracking_updated',
    occurredAt: state.lastEventAt ?? new Date().toISOString(),
    source: principal.partyCode,
    subject: `parcel/${parcelId}`,
    audience: [principal.partyId, platformId],
    data: {
      parcel_id: parcelId,
      status: state.status,
      sub_status: state.subStatus,
      incident_reason: state.incidentReason,
      attempts: state.attempts,
      anomalies: state.anomalies.length,
      last_event_at: state.lastEventAt,
    },
  };
}
