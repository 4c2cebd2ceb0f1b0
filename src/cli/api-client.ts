/**
 * How CLI commands reach a running server: base URL and key from flags, environment, or the demo
 * keys the `start`/`demo` commands write into the data folder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../platform/config.ts';

export const DEMO_KEYS_FILE = 'demo-keys.json';

/** Demo keys by party code, written with owner-only permissions when the demo is seeded. */
export function readDemoKeys(dataDir: string): Record<string, string> | undefined {
  try {
    return JSON.parse(readFileSync(join(dataDir, DEMO_KEYS_FILE), 'utf8')) as Record<string, string>;
  } catch {
    return undefined;
  }
}

export interface ApiTarget {
  readonly baseUrl: string;
  readonly key: string;
}

/** Resolves where to call and with which key; throws a one-line error a person can act on. */
export function resolveApiTarget(flags: { url?: string | undefined; key?: string | undefined }, preferredDemoParty: string): ApiTarget {
  const config = loadConfig();
  const baseUrl = (flags.url ?? process.env['PARCELGRID_URL'] ?? `http://127.0.0.1:${config.port}`).replace(/\/$/, '');
  const key = flags.key ?? process.env['PARCELGRID_API_KEY'] ?? readDemoKeys(config.dataDir)?.[preferredDemoParty];
  if (!key) throw new Error('no API key: pass --key, set PARCELGRID_API_KEY, or run the demo (`npm start`) which writes demo keys');
  return { baseUrl, key };
}

/** GET a JSON resource; network failures and problem+json answers become one-line errors. */
export async function getJson(target: ApiTarget, path: string): Promise<{ status: number; body: unknown }> {
  let response: Response;
  try {
    response = await fetch(`${target.baseUrl}${path}`, { headers: { authorization: `Bearer ${target.key}` } });
  } catch (error) {
    throw new Error(`cannot reach the parcelgrid server at ${target.baseUrl} (${(error as Error).cause ?? (error as Error).message}); is it running?`);
  }
  return { status: response.status, body: await response.json() };
}
