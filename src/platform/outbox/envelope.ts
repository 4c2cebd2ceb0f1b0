/**
 * The one event envelope used by the outbox, the in-process stream, webhooks and regulator
 * feeds (api-conventions.md "Event envelope"). `id` is globally unique for de-duplication, also
 * for the events of a packed outbox row (`<row id>:<n>`, see rows.ts).
 */
export interface EventEnvelope<TData = unknown> {
  readonly id: string;
  readonly type: string;
  readonly occurred_at: string;
  readonly recorded_at: string;
  /** The party (or platform component) whose action caused the event. */
  readonly source: string;
  /** What the event is about, e.g. `parcel/prc_01...`. */
  readonly subject: string;
  /** Position of the outbox row; never decreases in delivery order, shared by a packed row's events. */
  readonly sequence: number;
  readonly schema_version: 1;
  readonly data: TData;
}

/**
 * An envelope as handed to in-process subscribers: it also names the parties allowed to receive
 * the event, so consumers such as webhooks can route it. `audience` is routing data, never part
 * of a body sent to a receiver.
 */
export interface RoutedEnvelope<TData = unknown> extends EventEnvelope<TData> {
  readonly audience: readonly string[];
}

/** What a write appends to the outbox; id, times and sequence are filled in by the outbox. */
export interface NewEvent {
  readonly type: string;
  readonly occurredAt: string;
  readonly source: string;
  readonly subject: string;
  /** Party ids allowed to receive this event (owner and counterparties). */
  readonly audience: readonly string[];
  readonly data: unknown;
}
