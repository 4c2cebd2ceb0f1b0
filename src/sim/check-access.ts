// Before simulating, one GET per demo party proves the server is reachable and every key is
// accepted, so a wrong URL or a stale keys file fails at once with one clear line.
import { createSimApi, SimApiError } from './api-client.ts';

/** Resolves when the server answers and accepts every party's key; otherwise throws a one-line error. */
export async function checkAccess(baseUrl: string, keys: Readonly<Record<string, string>>, partyCodes: readonly string[]): Promise<void> {
  const api = createSimApi(baseUrl);
  for (const code of partyCodes) {
    const key = keys[code];
    if (key === undefined) throw new Error(`no API key for demo party ${code}; the demo keys file is incomplete (seed a fresh data folder with \`parcelgrid start\`)`);
    try {
      await api.call(code, key, 'GET', '/v1/parcels?limit=1');
    } catch (error) {
      if (error instanceof SimApiError && (error.status === 401 || error.status === 403)) {
        throw new Error(`the server at ${api.baseUrl} refused the API key for ${code} (HTTP ${error.status}); the keys belong to another database? Use the demo-keys.json of the data folder that server runs on`);
      }
      throw error;
    }
  }
}
