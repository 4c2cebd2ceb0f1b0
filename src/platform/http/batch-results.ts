/**
 * What every batch endpoint shares (scans, orders, waybills): a body of 1..max raw items each
 * checked on its own, 413 `batch_too_large` above the limit, and an answer with counts and one
 * result per item in request order, so good items are stored even when others in the request fail.
 */
import { Type, type Static, type TArray, type TProperties, type TSchema, type TUnknown } from 'typebox';
import type { Validator } from 'typebox/compile';
import { DomainError, type ErrorCode } from '../errors.ts';
import { ERROR_RESPONSES, ProblemSchema } from './schemas.ts';

export const ITEM_OUTCOMES = ['created', 'duplicate', 'rejected'] as const;
export type ItemOutcome = (typeof ITEM_OUTCOMES)[number];

/** The error responses of a batch route: every route's, plus 413 for an oversize batch. */
export const BATCH_ERROR_RESPONSES = { ...ERROR_RESPONSES, 413: ProblemSchema } as const;

/**
 * A batch body `{<field>: [...]}`. Items are left unvalidated here on purpose: the service checks
 * each against `itemSchema` so one bad item is rejected alone instead of failing the request.
 */
export function BatchBody<Field extends string>(field: Field, max: number, itemSchema: string) {
  const items = Type.Array(Type.Unknown(), { minItems: 1, description: `Up to ${max} items, each a ${itemSchema}; every item is validated on its own` });
  return Type.Object({ [field]: items } as Record<Field, TArray<TUnknown>>, { additionalProperties: false });
}

/** The batch answer whose items are identified by `fields` (and carry what was created). */
export function BatchResult<Fields extends TProperties>(fields: Fields) {
  return Type.Object({
    created: Type.Integer(),
    duplicates: Type.Integer(),
    rejected: Type.Integer(),
    results: Type.Array(
      Type.Object({
        index: Type.Integer({ description: 'Position of the item in the request' }),
        ...fields,
        result: Type.Enum(ITEM_OUTCOMES),
        error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
      }),
    ),
  });
}

/** One item's result in the answer of `BatchResult(fields)`. */
export type BatchItemResult<Schema extends ReturnType<typeof BatchResult>> = Static<Schema>['results'][number];

/** Refuses a batch of more than `max` items before anything is read or written. */
export function assertBatchSize(count: number, max: number, noun: string): void {
  if (count > max) throw new DomainError('batch_too_large', `a batch holds at most ${max} ${noun}; this one has ${count}. Split it.`);
}

/** The item as its schema types it, or why it does not match, in one line. */
export function checkItem<Value extends object>(validator: Validator<TProperties, TSchema, Value>, item: unknown, schemaName: string): Value | string {
  if (validator.Check(item)) return item;
  const first = validator.Errors(item)[0];
  return first ? `${first.instancePath || 'item'} ${first.message}` : `item does not match ${schemaName}`;
}

/** A rejected item: what identifies it, and the error code and message that say why. */
export function rejectedItem<Fields extends object>(index: number, fields: Fields, code: ErrorCode, message: string) {
  return { index, ...fields, result: 'rejected' as const, error: { code, message } };
}

/** The answer from per-item results in any order: sorted back into request order, and counted. */
export function batchAnswer<Item extends { readonly index: number; readonly result: ItemOutcome }>(results: Item[]) {
  results.sort((a, b) => a.index - b.index);
  const count = (outcome: ItemOutcome) => results.filter((item) => item.result === outcome).length;
  return { created: count('created'), duplicates: count('duplicate'), rejected: count('rejected'), results };
}

/** A string field of a raw item, to name the item in its result even when it is invalid. */
export function itemField(item: unknown, field: string): string | null {
  const value = typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' ? value : null;
}

export interface AllOrNothingItems<Input extends object, Stored, Key extends object, Created extends object> {
  readonly items: readonly unknown[];
  readonly validator: Validator<TProperties, TSchema, Input>;
  readonly schemaName: string;
  /** What names an item in its result, read from the raw item. */
  readonly key: (item: unknown) => Key;
  /** Stores the valid inputs together; one outcome per input, in order. */
  readonly store: (inputs: Input[]) => Promise<(Stored | DomainError)[]>;
  /** What the result of a stored item says about what was created. */
  readonly describe: (stored: Stored) => Created;
}

/**
 * The answer to a batch whose items are each stored whole or not at all: every raw item is
 * checked against its schema, the valid ones are stored together, and each comes back created
 * (with what `describe` tells) or rejected with its error's code and message.
 */
export async function answerBatch<Input extends object, Stored, Key extends object, Created extends object>(batch: AllOrNothingItems<Input, Stored, Key, Created>) {
  type Result = Key & { index: number; result: ItemOutcome; error?: { code: string; message: string } } & Partial<Created>;
  const results: Result[] = [];
  const valid: { index: number; input: Input }[] = [];
  for (const [index, item] of batch.items.entries()) {
    const input = checkItem(batch.validator, item, batch.schemaName);
    if (typeof input === 'string') results.push(rejectedItem(index, batch.key(item), 'validation_failed', input) as Result);
    else valid.push({ index, input });
  }
  const outcomes = valid.length > 0 ? await batch.store(valid.map(({ input }) => input)) : [];
  for (const [k, { index, input }] of valid.entries()) {
    const outcome = outcomes[k];
    if (outcome instanceof DomainError) results.push(rejectedItem(index, batch.key(input), outcome.code, outcome.message) as Result);
    else if (outcome === undefined) throw new DomainError('internal', `no outcome for batch item ${index}`);
    else results.push({ index, ...batch.key(input), result: 'created', ...batch.describe(outcome) } as Result);
  }
  return batchAnswer(results);
}
