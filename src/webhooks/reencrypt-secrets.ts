/** Key rotation for webhook signing secrets: the part of `parcelgrid keys rotate` webhooks own. */
import type { Kysely } from 'kysely';
import { needsReencryption, reencryptField, type Keyring } from '../privacy/index.ts';
import { aadFor } from './secrets.ts';
import { createWebhookStore } from './store.ts';

/**
 * Re-encrypts every signing secret under the keyring's active key (for `parcelgrid keys rotate`);
 * returns how many subscriptions changed. Secrets already under the active key are skipped.
 */
export async function reencryptWebhookSecrets(db: Kysely<object>, keyring: Keyring): Promise<number> {
  const store = createWebhookStore(db);
  let changed = 0;
  for (const row of await store.allSealedSecrets()) {
    const stale = [row.secret_sealed, row.previous_secret_sealed].some((token) => token !== null && needsReencryption(keyring, token));
    if (!stale) continue;
    const reseal = (token: string) => reencryptField(keyring, token, aadFor(row.id));
    if (await store.replaceSealedSecrets(row, reseal(row.secret_sealed), row.previous_secret_sealed && reseal(row.previous_secret_sealed))) changed += 1;
  }
  return changed;
}
