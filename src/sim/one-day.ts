/** A whole simulated day against a fresh platform: what the simulator test and the city-day benchmark both run. */
import { loadCity } from '../city/index.ts';
import type { TenancyService } from '../platform/tenancy/service.ts';
import { createLedger, type Ledger } from './ledger.ts';
import { seedDemoParties } from './seed-demo.ts';
import { simWindow } from './sim-window.ts';
import { runSimulation, type SimulationOptions } from './simulator.ts';
import { buildSimWorld } from './world.ts';

export type OneDayOptions = Omit<SimulationOptions, 'baseUrl' | 'keys' | 'speed' | 'startMs' | 'firstLocalDate' | 'days'>;

/** Runs one Dalian day at full speed through the API at `baseUrl`, as the demo parties whose keys are given, recording into `ledger`. */
export async function runOneDay(baseUrl: string, keys: Readonly<Record<string, string>>, options: OneDayOptions, ledger: Ledger = createLedger()): Promise<Ledger> {
  const city = loadCity();
  const window = simWindow(city, 1, 0);
  return runSimulation(buildSimWorld(city), {
    ...options,
    baseUrl,
    keys,
    speed: 'max',
    startMs: window.startMs,
    firstLocalDate: window.firstLocalDate,
    days: 1,
  }, ledger);
}

/** Seeds the demo parties, then runs one Dalian day at full speed through the API at `baseUrl`. */
export async function simulateOneDay(tenancy: TenancyService, baseUrl: string, options: OneDayOptions): Promise<{ ledger: Ledger; keys: Record<string, string> }> {
  const keys = await seedDemoParties(tenancy, loadCity());
  return { ledger: await runOneDay(baseUrl, keys, options), keys };
}
