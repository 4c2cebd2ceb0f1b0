/** The OpenAPI document as the running platform generates it (embedded database, no server). */
import { startTestPlatform } from './platform.ts';

export async function generateOpenApi(): Promise<unknown> {
  const test = await startTestPlatform('pglite');
  try {
    return (await test.call(undefined, 'GET', '/openapi.json')).body;
  } finally {
    await test.close();
  }
}
