// Public face of src/sim: the simulated delivery day that drives the platform through its API.
export { runSimulation, type SimulationOptions } from './simulator.ts';
export { runOneDay, simulateOneDay, type OneDayOptions } from './one-day.ts';
export { buildSimWorld, type SimWorld } from './world.ts';
export { planDay, type PlannedOrder } from './day-plan.ts';
export { checkAccess } from './check-access.ts';
export { seedDemoParties, SIM_PARTY_CODES } from './seed-demo.ts';
export { dailyParcels, VOLUMES, DEFAULT_FEED_FAULTS, DEFAULT_OUTCOME_RATES, type VolumeName } from './config.ts';
export { simWindow, localToday, TAIL_DAYS } from './sim-window.ts';
export { progressLine, reportProgress } from './progress.ts';
export { createLedger, type Ledger, type LedgerParcel } from './ledger.ts';
