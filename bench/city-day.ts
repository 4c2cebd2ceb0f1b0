// `npm run bench -- city-day [--driver pglite|postgres|both] [--parcels N] [--concurrency N]`
// Simulates Dalian's policy-target day (--volume city: 820,000 parcels) as fast as the platform
// accepts it, through its real HTTP API on a fresh database started in this process, and
// reports parcels/s and scan events/s end to end (orders, shipping requests, waybills, scans)
// and how long a full day would take. `--parcels` caps the run at the day's first N orders
// (with their whole journeys) and the full day is extrapolated from the measured rate.
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createPlatform } from '../src/app.ts';
import { loadCity } from '../src/city/index.ts';
import { createEphemeralKeyring } from '../src/privacy/index.ts';
import { simulateOneDay } from '../src/sim/index.ts';
import { describeMachine } from './support/machine.ts';
import { createTarget } from './support/targets.ts';

interface RunResult {
  readonly driver: string;
  readonly parcels: number;
  readonly events: number;
  readonly seconds: number;
  readonly rejected: number;
}

async function runOnce(driver: 'pglite' | 'postgres', parcels: number, concurrency: number): Promise<RunResult> {
  const target = await createTarget(driver);
  const database = await target.open();
  const platform = await createPlatform({ database, keyring: createEphemeralKeyring(), logger: false });
  try {
    const baseUrl = await platform.http.listen({ port: 0, host: '127.0.0.1' });
    platform.stream.start();
    const started = performance.now();
    let lastReport = started;
    const { ledger } = await simulateOneDay(platform.tenancy, baseUrl, {
      dailyParcels: loadCity().dailyParcelTarget,
      maxParcels: parcels,
      seed: 'city-day-bench',
      runTag: 'bench',
      concurrency,
      maxOrdersPerTick: 1_000,
      onTick: (_now, progress) => {
        if (performance.now() - lastReport < 5_000) return;
        lastReport = performance.now();
        process.stderr.write(`  ${driver}: ${progress.counts.waybills} waybills, ${progress.counts.eventsCreated + progress.counts.eventsDuplicate} events, ${((lastReport - started) / 1000).toFixed(0)} s\n`);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    const { counts } = ledger;
    return { driver, parcels: counts.waybills, events: counts.eventsCreated + counts.eventsDuplicate, seconds, rejected: counts.eventsRejected };
  } finally {
    await platform.stream.stop();
    await platform.http.close();
    await database.close();
    await target.dispose();
  }
}

const hours = (seconds: number) => `${(seconds / 3600).toFixed(1)} h`;

export default async function cityDay(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { driver: { type: 'string' }, parcels: { type: 'string' }, concurrency: { type: 'string' } } });
  const driverFlag = values.driver ?? 'both';
  if (!['pglite', 'postgres', 'both'].includes(driverFlag)) throw new Error(`--driver must be pglite, postgres or both; got "${driverFlag}"`);
  const drivers = driverFlag === 'both' ? (['pglite', 'postgres'] as const) : [driverFlag as 'pglite' | 'postgres'];
  const parcels = Number(values.parcels ?? '20000');
  const concurrency = Number(values.concurrency ?? '16');
  if (!Number.isInteger(parcels) || parcels < 1) throw new Error(`--parcels must be a positive integer; got "${values.parcels}"`);
  const dayTarget = loadCity().dailyParcelTarget;
  const machine = describeMachine();
  const results: RunResult[] = [];
  for (const driver of drivers) {
    process.stderr.write(`city-day on ${driver}: ${parcels} parcels of a ${dayTarget}-parcel day, ${concurrency} requests in flight\n`);
    results.push(await runOnce(driver, parcels, concurrency));
  }
  const extrapolated = parcels < dayTarget;
  const rows = results.map((r) => {
    const perSecond = r.parcels / r.seconds;
    return `| ${r.driver} | ${r.parcels} | ${r.events} | ${r.seconds.toFixed(1)} | ${perSecond.toFixed(1)} | ${(r.events / r.seconds).toFixed(0)} | ${hours(dayTarget / perSecond)}${extrapolated ? ' (extrapolated)' : ''} | ${r.rejected} |`;
  });
  const markdown = [
    '# Benchmark: a simulated city day (`--volume city`)',
    '',
    `- date: ${new Date().toISOString()}`,
    `- machine: ${machine} at start`,
    `- command: \`npm run bench -- city-day ${args.join(' ')}\``,
    `- Each parcel is an order, a shipping request, a waybill (3 HTTP calls) and its scans in batch uploads, all through the real HTTP API on a fresh database in this process; the sim clock does not sleep.`,
    `- The run takes the first ${parcels} orders of Dalian's ${dayTarget}-parcel day with their whole journeys${extrapolated ? '; the full day is extrapolated from the measured parcel rate' : ''}. Goal: a full day in under 1 hour on PostgreSQL.`,
    '',
    '| driver | parcels | events | seconds | parcels/s | events/s | full day | rejected |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
  ].join('\n');
  const dir = new URL('./results/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL('city-day.md', dir), markdown);
  process.stdout.write(markdown);
}
