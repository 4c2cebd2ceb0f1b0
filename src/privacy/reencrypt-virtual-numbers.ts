/**
 * After a key rotation: re-encrypt the sealed phones of virtual numbers under the active key, a
 * batch at a time; old keys stay in the keyring, so reads work throughout.
 */
import { reencryptField } from './crypto/field-cipher.ts';
import type { Keyring } from './crypto/keyring.ts';
import { phoneAad } from './virtual-number-service.ts';
import type { VirtualNumberStore } from './virtual-number-store.ts';

/** Re-encrypts every stale sealed phone; returns how many were rewritten. */
export async function reencryptVirtualNumbers(store: VirtualNumberStore, keyring: Keyring, batchSize = 500): Promise<number> {
  let after = '';
  let count = 0;
  for (;;) {
    const batch = await store.staleSealed(keyring.activeKeyId, after, batchSize);
    const last = batch.at(-1);
    if (!last) return count;
    after = last.id;
    for (const row of batch) {
      if (await store.replaceSealed(row.id, row.phone_sealed, reencryptField(keyring, row.phone_sealed, phoneAad(row.id)))) count += 1;
    }
  }
}
