// Writes the OpenAPI document generated from the routes to docs/openapi.json (`npm run openapi`).
// A test compares the committed file with the generated one, so API changes show up in review.
import { writeFileSync } from 'node:fs';
import { generateOpenApi } from '../test/support/openapi.ts';

const path = new URL('../docs/openapi.json', import.meta.url);
writeFileSync(path, `${JSON.stringify(await generateOpenApi(), null, 2)}\n`);
console.log(`wrote ${path.pathname}`);
