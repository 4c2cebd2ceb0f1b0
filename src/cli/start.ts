/**
 * `parcelgrid start` (what `npm start` runs): migrate, seed the demo parties on an empty
 * database, serve the platform, and run the simulated delivery days in the same process against
 * its own URL, so a newcomer sees parcels moving through Dalian's districts within a minute.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_CARRIERS, DEMO_PLATFORMS, loadCity } from '../city/index.ts';
import { seedDemoParties, type Ledger } from '../sim/index.ts';
import { DEMO_KEYS_FILE, readDemoKeys } from './api-client.ts';
import { parseDemoFlags, simulateDemo, summaryLine } from './demo.ts';
import { startServer, stopOnSignals, type RunningServer } from './serve.ts';

/** Gentle default: one sim minute per real second, so a day's rhythm is visible in 24 minutes. */
const DEFAULT_SPEED = 60;

/** Demo keys: seeded (and written, owner-only) on an empty database, else read from the data folder. */
async function demoKeys(server: RunningServer): Promise<{ keys: Record<string, string> | undefined; seeded: boolean; file: string }> {
  const { dataDir } = server.runtime.config;
  const file = join(dataDir, DEMO_KEYS_FILE);
  if ((await server.platform.tenancy.countParties()) > 0) return { keys: readDemoKeys(dataDir), seeded: false, file };
  const keys = await seedDemoParties(server.platform.tenancy, loadCity());
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  return { keys, seeded: true, file };
}

const ROLE_OF = new Map<string, string>([
  ...DEMO_CARRIERS.map((c) => [c.code, `carrier, ${c.nameEn}`] as const),
  ...DEMO_PLATFORMS.map((p) => [p.code, `platform, ${p.nameEn}`] as const),
  ['REGULATOR', 'regulator'],
]);

function banner(url: string, keys: Record<string, string>, file: string, seeded: boolean): string {
  const rows = Object.entries(keys).map(([code, key]) => `  ${code.padEnd(10)} ${key}  (${ROLE_OF.get(code) ?? 'party'})`);
  return [
    `parcelgrid is running: open the console at ${url}/  (API description: ${url}/openapi.json)`,
    `Demo API keys${seeded ? ', just created' : ''} (test keys for this local demo only; also in ${file}):`,
    ...rows,
  ].join('\n');
}

/** The `track` command a newcomer can paste, with the settings it needs when they are not the defaults. */
function trackHint(url: string, dataDir: string, waybillNo: string): string {
  const env = dataDir === resolve('.parcelgrid') ? '' : `PARCELGRID_DATA_DIR=${dataDir} `;
  return `Follow a parcel: ${env}npx parcelgrid track ${waybillNo} --url ${url}`;
}

/** The first parcel past collection, worth tracking; undefined until one exists. */
function parcelWorthTracking(ledger: Ledger): string | undefined {
  for (const parcel of ledger.parcels.values()) if (parcel.status !== 'created' && parcel.status !== 'collected') return parcel.waybillNo;
  return undefined;
}

export async function runStart(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { 'no-sim': { type: 'boolean' }, speed: { type: 'string' }, volume: { type: 'string' }, seed: { type: 'string' }, concurrency: { type: 'string' } },
  });
  const flags = parseDemoFlags(values, DEFAULT_SPEED);
  // The console offers the demo keys on its sign-in page only in demo mode.
  process.env['PARCELGRID_DEMO'] ??= '1';
  const server = await startServer();
  const { keys, seeded, file } = await demoKeys(server);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  if (keys) out(banner(server.url, keys, file, seeded));
  if (values['no-sim'] === true || !keys) {
    if (!keys && values['no-sim'] !== true) out(`This database has parties but no ${file}, so the simulator cannot act for them; serving only. Use a fresh PARCELGRID_DATA_DIR for the demo.`);
    out(`Serving ${server.url}. Ctrl-C stops it.`);
    stopOnSignals(() => server.stop());
    return new Promise<number>(() => {});
  }
  const controller = new AbortController();
  out(`Simulating Dalian delivery days at ${flags.speed}× (--volume ${flags.volume}); the morning's orders go out at once, so parcels move in all 10 districts within a minute. Progress every 5 s on stderr. Ctrl-C stops it.`);
  let hinted = false;
  const simulation = simulateDemo({
    baseUrl: server.url,
    keys,
    days: undefined,
    ...flags,
    signal: controller.signal,
    onTick: (_simNowMs, ledger) => {
      const waybillNo = hinted ? undefined : parcelWorthTracking(ledger);
      if (waybillNo === undefined) return;
      hinted = true;
      out(trackHint(server.url, server.runtime.config.dataDir, waybillNo));
    },
  });
  stopOnSignals(async () => {
    controller.abort();
    const ledger = await simulation.catch(() => undefined);
    if (ledger) process.stderr.write(`${summaryLine(ledger)}\n`);
    await server.stop();
  });
  simulation.catch(async (error: unknown) => {
    process.stderr.write(`parcelgrid start: the simulator stopped: ${error instanceof Error ? error.message : String(error)}\n`);
    await server.stop();
    process.exit(1);
  });
  return new Promise<number>(() => {});
}
