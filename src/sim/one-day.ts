/** A whole simulated day against a fresh platform: what the simulator test and the city-day benchmark both run. */
import { loadCity } from '../city/index.ts';
import type { TenancyService } from '../platform/tenancy/service.ts';
import type { Ledger } from './ledger.ts';
import { seedDemoParties } from './seed-demo.ts';
import { simWindow } from './sim-window.ts';
import { runSimulation, type SimulationOptions } from './simulator.ts';
import { buildSimWorld } from './world.ts';

export type OneDayOptions = Omit<SimulationOptions, 'baseUrl' | 'keys' | 'speed' | 'startMs' | 'firstLocalDate' | 'days'>;

/** Seeds the demo parties, then runs one Dalian day at full speed through the API at `baseUrl`. */
export async function simulateOneDay(tenancy: TenancyService, baseUrl: string, options: OneDayOptions): Promise<{ ledger: Ledger; keys: Record<string, string> }> {
  const city = loadCity();
  const keys = await seedDemoParties(tenancy, city);
  const window = simWindow(city, 1, 0);
  const ledger = await runSimulation(buildSimWorld(city), {
    ...options,
    baseUrl,
    keys,
    speed: 'max',
    startMs: window.startMs,
    firstLocalDate: window.firstLocalDate,
    days: 1,
  });
  return { ledger, keys };
}
