/**
 * `parcelgrid keys rotate [--reencrypt-only] [--batch-size N]`: add a new master key to the
 * keyring file and make it active, then re-encrypt every sealed field under it, table by table,
 * each by the capability that owns the table. Old keys stay in the keyring, so everything keeps
 * decrypting while the pass runs; rows written meanwhile under an old key are caught by a re-run.
 */
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { createSealedContacts } from '../exchange/index.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { configuredKeysFromEnv, createPrivacyService, isErased, reencryptField, rotateKeyring, type Keyring } from '../privacy/index.ts';
import { reencryptWebhookSecrets } from '../webhooks/index.ts';
import { openRuntime } from './runtime.ts';

/** One table's re-encryption, done by the capability that owns it; returns rows rewritten. */
interface Reencryption {
  readonly what: string;
  run(db: Kysely<object>, keyring: Keyring, batchSize: number): Promise<number>;
}

const REENCRYPTIONS: readonly Reencryption[] = [
  {
    what: 'orders (sender and recipient)',
    run: (db, keyring, batchSize) =>
      createSealedContacts(db).reencrypt(keyring.activeKeyId, (token, aad) => reencryptField(keyring, token, aad), batchSize, isErased),
  },
  {
    what: 'virtual numbers (recipient phones)',
    run: (db, keyring) => createPrivacyService({ db, keyring, vault: createSealedContacts(db) }).reencrypt(),
  },
  { what: 'webhook subscriptions (signing secrets)', run: (db, keyring) => reencryptWebhookSecrets(db, keyring) },
];

/** Re-encrypts every sealed field under the keyring's active key and audits the pass; rows per table. */
export async function reencryptSealedData(db: Kysely<object>, keyring: Keyring, batchSize: number, progress: (line: string) => void = () => {}) {
  const counts: Record<string, number> = {};
  for (const table of REENCRYPTIONS) {
    counts[table.what] = await table.run(db, keyring, batchSize);
    progress(`${table.what}: ${counts[table.what]} re-encrypted`);
  }
  await createPrivacyService({ db, keyring, vault: createSealedContacts(db) }).appendAudit({
    action: 'reencrypt',
    actor: { actorId: 'system:keys-rotate' },
    occurredAt: new Date().toISOString(),
    purpose: `re-encryption under key ${keyring.activeKeyId}`,
    items: Object.entries(counts).map(([table, rows]) => ({ table, rows })),
  });
  return counts;
}

/** Rotates the data key and re-encrypts; prints one line per table and the total. */
export async function runKeysRotate(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { 'reencrypt-only': { type: 'boolean' }, 'batch-size': { type: 'string' } } });
  const batchSize = Number(values['batch-size'] ?? '500');
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`--batch-size must be a positive integer, got "${values['batch-size']}"`);
  const reencryptOnly = values['reencrypt-only'] === true;
  if (!reencryptOnly && configuredKeysFromEnv(process.env)) {
    throw new Error('the keys come from PARCELGRID_MASTER_KEY: put the new key there (the old one in PARCELGRID_PREVIOUS_MASTER_KEYS), then run `parcelgrid keys rotate --reencrypt-only`');
  }
  const runtime = await openRuntime();
  try {
    const { db } = runtime.database;
    await migrateToLatest(db);
    const keyring = reencryptOnly ? runtime.keyring : rotateKeyring(runtime.config.dataDir);
    process.stderr.write(`active data key: ${keyring.activeKeyId}; re-encrypting in batches of ${batchSize}\n`);
    await reencryptSealedData(db, keyring, batchSize, (line) => process.stdout.write(`${line}\n`));
    process.stderr.write('done. Restart running servers so they seal new data under the new key, then run `parcelgrid keys rotate --reencrypt-only` to catch what they wrote meanwhile.\n');
    return 0;
  } finally {
    await runtime.release();
  }
}
