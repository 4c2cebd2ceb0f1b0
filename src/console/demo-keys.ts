/**
 * Demo keys for the sign-in page. Offered only when the server runs in demo mode
 * (PARCELGRID_DEMO=1) and the demo seeder has written `<dataDir>/demo-keys.json`
 * ({"PARTY_CODE": "pgk_test_..."}); otherwise the list is empty. They are test-mode keys of
 * fictional demo parties, so showing them on a loopback demo is the point.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../platform/config.ts';

export interface DemoKey {
  readonly party_code: string;
  readonly key: string;
}

/** The demo keys to offer, read fresh on each call since the seeder may write them after start. */
export function readOfferedDemoKeys(env: NodeJS.ProcessEnv = process.env): DemoKey[] {
  if (env['PARCELGRID_DEMO'] !== '1') return [];
  try {
    const keys = JSON.parse(readFileSync(join(loadConfig(env).dataDir, 'demo-keys.json'), 'utf8')) as Record<string, unknown>;
    return Object.entries(keys)
      .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
      .map(([party_code, key]) => ({ party_code, key }));
  } catch {
    return [];
  }
}
