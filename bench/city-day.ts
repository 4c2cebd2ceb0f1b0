// `npm run bench -- city-day [--driver pglite|postgres|both] [--parcels N] [--concurrency N] [--tick-minutes M]`
// Simulates Dalian's policy-target day (--volume city: 820,000 parcels) as fast as the platform
// accepts it, through the real HTTP API of a `parcelgrid serve` process on a fresh database, and
// reports parcels/s and scan events/s end to end (orders with their shipping requests, waybills
// and every scan, all in batch calls) and how long a full day would take. `--parcels` caps the
// run at the day's first N orders (with their whole journeys); the full day is extrapolated from
// the measured rate. The simulator runs here, the platform in its own process, as in production.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { loadCity } from '../src/city/index.ts';
import type { Driver } from '../src/platform/db/connect.ts';
import { createTenancyService } from '../src/platform/tenancy/service.ts';
import { createTenancyStore } from '../src/platform/tenancy/store.ts';
import { createLedger, reportProgress, runOneDay, seedDemoParties, type Ledger } from '../src/sim/index.ts';
import { describeMachine } from './support/machine.ts';
import { createTarget, startServerProcess, type BenchTarget } from './support/targets.ts';

/** Real seconds between progress lines. */
const PROGRESS_EVERY_MS = 5_000;

interface RunResult {
  readonly driver: Driver;
  readonly parcels: number;
  readonly events: number;
  readonly seconds: number;
  readonly rejected: number;
  /** The platform's first rejection of a scan, to report. */
  readonly firstRejection: string | null;
  /** CPU seconds of the simulator (this process) and of the server process. */
  readonly simulatorCpu: number;
  readonly serverCpu: number;
}

interface RunSettings {
  readonly parcels: number;
  readonly concurrency: number;
  readonly tickMs: number;
}

/** Creates the demo parties and their keys directly in the database, before the server holds it. */
async function seedParties(target: BenchTarget): Promise<Record<string, string>> {
  const database = await target.open();
  try {
    return await seedDemoParties(createTenancyService(createTenancyStore(database.db)), loadCity());
  } finally {
    await database.close();
  }
}

/** User plus system CPU seconds a Linux process has used so far (from /proc), or 0 elsewhere. */
function processCpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

const eventsOf = (ledger: Ledger) => ledger.counts.eventsCreated + ledger.counts.eventsDuplicate;

async function runOnce(driver: Driver, settings: RunSettings): Promise<RunResult> {
  const target = await createTarget(driver);
  try {
    const keys = await seedParties(target);
    const server = await startServerProcess(target);
    try {
      const started = performance.now();
      const cpuAtStart = process.cpuUsage();
      const ledger = createLedger();
      let simNowMs = 0;
      const stopProgress = reportProgress(PROGRESS_EVERY_MS, () => {
        const seconds = (performance.now() - started) / 1000;
        const { waybills } = ledger.counts;
        return `  ${driver}: sim ${new Date(simNowMs).toISOString().slice(0, 16)}Z · ${waybills} waybills · ${eventsOf(ledger)} events · ${seconds.toFixed(0)} s · ${(waybills / seconds).toFixed(0)} waybills/s`;
      }, (line) => process.stderr.write(line));
      try {
        await runOneDay(server.url, keys, {
          dailyParcels: loadCity().dailyParcelTarget,
          maxParcels: settings.parcels,
          seed: 'city-day-bench',
          runTag: 'bench',
          concurrency: settings.concurrency,
          // No backlog to drain here: every order that fell due goes out in the tick it falls due.
          maxOrdersPerTick: Number.POSITIVE_INFINITY,
          tickMs: settings.tickMs,
          onTick: (nowMs) => void (simNowMs = nowMs),
        }, ledger);
      } finally {
        stopProgress();
      }
      const seconds = (performance.now() - started) / 1000;
      const cpu = process.cpuUsage(cpuAtStart);
      const serverCpu = processCpuSeconds(server.pid);
      const { counts } = ledger;
      return { driver, parcels: counts.waybills, events: eventsOf(ledger), seconds, rejected: counts.eventsRejected, firstRejection: ledger.firstRejection, simulatorCpu: (cpu.user + cpu.system) / 1e6, serverCpu };
    } finally {
      await server.stop();
    }
  } finally {
    await target.dispose();
  }
}

const hours = (seconds: number) => `${(seconds / 3600).toFixed(2)} h`;

function parseSettings(args: string[]): { drivers: Driver[]; settings: RunSettings } {
  const { values } = parseArgs({
    args,
    options: {
      driver: { type: 'string', default: 'both' },
      parcels: { type: 'string', default: '20000' },
      concurrency: { type: 'string', default: '8' },
      'tick-minutes': { type: 'string', default: '60' },
    },
  });
  if (!['pglite', 'postgres', 'both'].includes(values.driver)) throw new Error(`--driver must be pglite, postgres or both; got "${values.driver}"`);
  const positive = (name: string, value: string, integer: boolean) => {
    const n = Number(value);
    if (!(n > 0) || (integer && !Number.isInteger(n))) throw new Error(`--${name} must be a positive ${integer ? 'integer' : 'number'}; got "${value}"`);
    return n;
  };
  return {
    drivers: values.driver === 'both' ? ['pglite', 'postgres'] : [values.driver as Driver],
    settings: {
      parcels: positive('parcels', values.parcels, true),
      concurrency: positive('concurrency', values.concurrency, true),
      tickMs: positive('tick-minutes', values['tick-minutes'], false) * 60_000,
    },
  };
}

export default async function cityDay(args: string[]): Promise<void> {
  const { drivers, settings } = parseSettings(args);
  const dayTarget = loadCity().dailyParcelTarget;
  const machineAtStart = describeMachine();
  const results: RunResult[] = [];
  for (const driver of drivers) {
    process.stderr.write(`city-day on ${driver}: the first ${settings.parcels} parcels of a ${dayTarget}-parcel day, ${settings.concurrency} calls in flight, ticks of ${settings.tickMs / 60_000} sim minutes\n`);
    results.push(await runOnce(driver, settings));
  }
  const extrapolated = settings.parcels < dayTarget;
  const rows = results.map((r) => {
    const perSecond = r.parcels / r.seconds;
    return `| ${r.driver} | ${r.parcels} | ${r.events} | ${r.seconds.toFixed(1)} | ${perSecond.toFixed(1)} | ${(r.events / r.seconds).toFixed(0)} | ${hours(dayTarget / perSecond)}${extrapolated ? ' (extrapolated)' : ''} | ${r.simulatorCpu.toFixed(0)} / ${r.serverCpu.toFixed(0)} | ${r.rejected} |`;
  });
  const markdown = [
    '# Benchmark: a simulated city day (`--volume city`)',
    '',
    `- date: ${new Date().toISOString()}`,
    `- machine: ${machineAtStart} at start; load average ${loadavg().map((value) => value.toFixed(2)).join(' / ')} at the end`,
    `- command: \`npm run bench -- city-day ${args.join(' ')}\``,
    `- The platform runs as a \`parcelgrid serve\` process on a fresh database; the simulator drives it through the public HTTP API from the benchmark process. Each parcel is an order with its shipping request (\`POST /v1/orders/batch\`, up to 500 a call), a waybill (\`POST /v1/waybills/batch\`, up to 500) and its scans (\`POST /v1/events/batch\`, up to 500), ${settings.concurrency} calls in flight; the sim clock does not sleep and moves at least ${settings.tickMs / 60_000} sim minutes a tick.`,
    `- The run takes the first ${settings.parcels} orders of Dalian's ${dayTarget}-parcel day with their whole journeys${extrapolated ? '; the full day is extrapolated from the measured parcel rate' : ''}. Goal: a full day in under 1 hour on PostgreSQL (≥ ${Math.ceil(dayTarget / 3600)} parcels/s).`,
    '',
    '| driver | parcels | events | seconds | parcels/s | events/s | full day | CPU s simulator / server | rejected |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    ...results.filter((r) => r.firstRejection !== null).map((r) => `\nFirst rejected scan on ${r.driver}: ${r.firstRejection}`),
    '',
  ].join('\n');
  const dir = new URL('./results/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL('city-day.md', dir), markdown);
  process.stdout.write(markdown);
}
