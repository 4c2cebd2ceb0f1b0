/** The committed OpenAPI document is the one the code generates; run `npm run openapi` after API changes. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { generateOpenApi } from './support/openapi.ts';

it('docs/openapi.json matches the routes', async () => {
  const committed: unknown = JSON.parse(readFileSync(new URL('../docs/openapi.json', import.meta.url), 'utf8'));
  assert.deepEqual(committed, await generateOpenApi(), 'docs/openapi.json is stale: run `npm run openapi` and commit it');
});

it('declares OpenAPI 3.1 with the dated API version', async () => {
  const document = (await generateOpenApi()) as { openapi: string; info: { version: string } };
  assert.equal(document.openapi, '3.1.0');
  assert.match(document.info.version, /^\d{4}-\d{2}$/);
});
