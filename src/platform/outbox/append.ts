/**
 * Appends domain events to the outbox inside the caller's transaction, so a state change and the
 * event it causes commit together or not at all.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { jsonRows } from '../db/json-rows.ts';
import { prepared } from '../db/prepared-statements.ts';
import { newId } from '../ids.ts';
import { canonicalIso } from '../iso-time.ts';
import type { NewEvent } from './envelope.ts';
import { packItems, type PackedItem } from './rows.ts';

/** An outbox row to insert. */
interface RowInsert extends NewEvent {
  readonly id: string;
  readonly packedItems: number | null;
}

/**
 * Inserts the events in one statement; call it with the transaction of the state change. Events
 * sharing type, source and audience go into one packed row (see rows.ts), so a batch write costs
 * one outbox row per audience rather than one per event, and subscribers still get each event.
 * Audiences travel comma-joined because a JSON column array of arrays would need unnesting per row.
 */
export async function appendEvents(trx: Transaction<object> | Kysely<object>, events: readonly NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  const rows = [...groupBy(events, (event) => `${event.type}\n${event.source}\n${event.audience.join('\n')}`).values()].map(toRow);
  const column = <K extends keyof RowInsert>(key: K) => rows.map((row) => row[key]);
  await sql`${prepared}
    INSERT INTO outbox (id, type, occurred_at, source, subject, audience, data, packed_items)
    SELECT id, type, occurred_at::timestamptz, source, subject, string_to_array(audience, ','), data, packed_items::int
    FROM ${jsonRows('r', {
      id: column('id'),
      type: column('type'),
      occurred_at: column('occurredAt'),
      source: column('source'),
      subject: column('subject'),
      audience: rows.map((row) => row.audience.join(',')),
      data: column('data'),
      packed_items: column('packedItems'),
    }, ['data'])}`.execute(trx);
}

type NonEmpty<T> = [T, ...T[]];

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, NonEmpty<T>> {
  const groups = new Map<string, NonEmpty<T>>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** One event as it is; several as a packed row dated by its earliest event, subject `<kind>/*`. */
function toRow([first, ...rest]: NonEmpty<NewEvent>): RowInsert {
  const common = { id: newId('evt'), type: first.type, source: first.source, audience: first.audience };
  if (rest.length === 0) return { ...common, occurredAt: first.occurredAt, subject: first.subject, data: first.data, packedItems: null };
  const items: PackedItem[] = [first, ...rest].map((event) => ({ subject: event.subject, occurred_at: canonicalIso(event.occurredAt), data: event.data }));
  const earliest = items.map((item) => item.occurred_at).reduce((min, at) => (at < min ? at : min));
  return { ...common, occurredAt: earliest, subject: `${first.subject.split('/')[0]}/*`, data: packItems(items), packedItems: items.length };
}
