/** `parcelgrid privacy erase-expired`: run the retention job once and print what it erased. */
import { createSealedContacts } from '../exchange/index.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { createPrivacyService, privacySettingsFromEnv } from '../privacy/index.ts';
import { openRuntime } from './runtime.ts';

const USAGE = 'usage: parcelgrid privacy erase-expired   (retention from PARCELGRID_RETENTION_DAYS, default 90 days after delivery)';

export async function runPrivacy(args: string[]): Promise<number> {
  if (args[0] !== 'erase-expired' || args.length > 1) throw new Error(USAGE);
  const runtime = await openRuntime();
  try {
    const { db } = runtime.database;
    await migrateToLatest(db);
    const privacy = createPrivacyService({ db, keyring: runtime.keyring, vault: createSealedContacts(db), settings: privacySettingsFromEnv(process.env) });
    const report = await privacy.eraseExpired();
    process.stdout.write(`${JSON.stringify(report)}\n`);
    process.stderr.write(`erased personal data of ${report.orders_erased} orders and ${report.virtual_numbers_erased} virtual numbers delivered before ${report.cutoff}; released ${report.virtual_numbers_released} expired virtual numbers\n`);
    return 0;
  } finally {
    await runtime.release();
  }
}
