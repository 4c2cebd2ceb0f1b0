/** Asserts a value has a TypeBox schema's shape, naming what does not match when it fails. */
import assert from 'node:assert/strict';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';

export function assertMatchesSchema(schema: TSchema, value: unknown): void {
  assert.ok(Value.Check(schema, value), JSON.stringify([...Value.Errors(schema, value)]));
}
