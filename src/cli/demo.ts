/** `parcelgrid demo`: runs the simulated delivery days against a running server, through its API. */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCity } from '../city/index.ts';
import { loadConfig } from '../platform/config.ts';
import {
  buildSimWorld,
  checkAccess,
  createLedger,
  dailyParcels,
  progressLine,
  reportProgress,
  runSimulation,
  SIM_PARTY_CODES,
  simWindow,
  VOLUMES,
  type Ledger,
  type VolumeName,
} from '../sim/index.ts';
import { DEMO_KEYS_FILE, readDemoKeys } from './api-client.ts';

const USAGE = 'usage: parcelgrid demo [--speed N|max] [--days N] [--volume small|city] [--seed S] [--url URL] [--concurrency N]';

/**
 * Local hour the clock starts at on the first day. The night's orders (about 11 % of a day) go
 * out at once and their collections fall due from 07:00, so parcels move from the first minute.
 */
const WARM_START_HOUR = 8;
/** Real seconds between progress lines. */
const PROGRESS_INTERVAL_MS = 5_000;

export interface DemoSettings {
  readonly baseUrl: string;
  readonly keys: Readonly<Record<string, string>>;
  readonly speed: number | 'max';
  /** Days of orders; undefined runs until stopped. */
  readonly days: number | undefined;
  readonly volume: VolumeName;
  readonly seed: string;
  readonly concurrency: number;
  readonly signal?: AbortSignal;
  readonly onTick?: (simNowMs: number, ledger: Ledger) => void;
}

/** The simulation options every command shares, parsed from flags with clear errors. */
export function parseDemoFlags(values: { speed?: string | undefined; volume?: string | undefined; seed?: string | undefined; concurrency?: string | undefined }, defaultSpeed: number) {
  const speed: number | 'max' = values.speed === undefined ? defaultSpeed : values.speed === 'max' ? 'max' : Number(values.speed);
  if (speed !== 'max' && !(speed > 0)) throw new Error(`--speed must be a positive number of sim seconds per real second, or max; got "${values.speed}"`);
  const volume = values.volume ?? 'small';
  if (!(VOLUMES as readonly string[]).includes(volume)) throw new Error(`--volume must be one of ${VOLUMES.join(', ')}; got "${volume}"`);
  const concurrency = Number(values.concurrency ?? '8');
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`--concurrency must be a positive integer; got "${values.concurrency}"`);
  return { speed, volume: volume as VolumeName, seed: values.seed ?? 'dalian-demo', concurrency };
}

/** Runs the simulation with progress lines on stderr; resolves with the ledger when done or stopped. */
export async function simulateDemo(settings: DemoSettings): Promise<Ledger> {
  const city = loadCity();
  const window = simWindow(city, settings.days, WARM_START_HOUR);
  const ledger = createLedger();
  let simNowMs = window.startMs;
  const stopProgress = reportProgress(PROGRESS_INTERVAL_MS, () => progressLine(simNowMs, ledger), (line) => process.stderr.write(line));
  try {
    return await runSimulation(buildSimWorld(city), {
      baseUrl: settings.baseUrl,
      keys: settings.keys,
      speed: settings.speed,
      startMs: window.startMs,
      firstLocalDate: window.firstLocalDate,
      days: settings.days,
      dailyParcels: dailyParcels(settings.volume, city.dailyParcelTarget),
      seed: settings.seed,
      concurrency: settings.concurrency,
      // Seconds since the epoch in base 36: unique per run, so a rerun's order ids never clash.
      runTag: Math.floor(Date.now() / 1000).toString(36),
      ...(settings.signal ? { signal: settings.signal } : {}),
      onTick: (nowMs) => {
        simNowMs = nowMs;
        settings.onTick?.(nowMs, ledger);
      },
    }, ledger);
  } finally {
    stopProgress();
  }
}

/** A one-line summary of a finished run. */
export function summaryLine(ledger: Ledger): string {
  const { counts } = ledger;
  const statuses = Object.entries(ledger.statusCounts()).map(([status, n]) => `${status} ${n}`).join(', ');
  return `sent ${counts.orders} orders, ${counts.waybills} waybills, ${counts.eventsCreated + counts.eventsDuplicate} scans (${counts.eventsDuplicate} duplicate, ${counts.eventsOutOfOrder} out of order, ${counts.eventsRejected} rejected); parcels: ${statuses}`;
}

export async function runDemo(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { speed: { type: 'string' }, days: { type: 'string' }, volume: { type: 'string' }, seed: { type: 'string' }, url: { type: 'string' }, concurrency: { type: 'string' } },
  });
  const flags = parseDemoFlags(values, 60);
  const days = Number(values.days ?? '1');
  if (!Number.isInteger(days) || days < 1) throw new Error(`--days must be a positive integer; got "${values.days}"\n${USAGE}`);
  const config = loadConfig();
  const baseUrl = (values.url ?? process.env['PARCELGRID_URL'] ?? `http://127.0.0.1:${config.port}`).replace(/\/+$/, '');
  const keys = readDemoKeys(config.dataDir);
  if (!keys) {
    throw new Error(`no demo keys at ${join(config.dataDir, DEMO_KEYS_FILE)}: run \`npm start\` (parcelgrid start), which seeds the demo parties and writes them, or set PARCELGRID_DATA_DIR to the data folder of the server you point at`);
  }
  await checkAccess(baseUrl, keys, SIM_PARTY_CODES);
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  process.stderr.write(`simulating ${days} day(s) at --volume ${flags.volume}, speed ${flags.speed} against ${baseUrl}; Ctrl-C stops it\n`);
  const ledger = await simulateDemo({ baseUrl, keys, days, ...flags, signal: controller.signal });
  process.stdout.write(`${summaryLine(ledger)}\n`);
  if (ledger.counts.eventsRejected > 0) {
    process.stderr.write(`the platform rejected ${ledger.counts.eventsRejected} scans, first: ${ledger.firstRejection}\n`);
    return 1;
  }
  return 0;
}
