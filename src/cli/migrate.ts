/** `parcelgrid migrate`: apply pending migrations and exit. */
import { migrateToLatest } from '../platform/db/migrate.ts';
import { openRuntime } from './runtime.ts';

export async function runMigrate(): Promise<number> {
  const runtime = await openRuntime();
  try {
    const applied = await migrateToLatest(runtime.database.db);
    const where = runtime.config.databaseUrl ? 'PostgreSQL' : `the embedded database in ${runtime.config.dataDir}`;
    process.stdout.write(applied.length > 0 ? `applied ${applied.join(', ')} to ${where}\n` : `${where} is up to date\n`);
    return 0;
  } finally {
    await runtime.release();
  }
}
