/**
 * `npm run bench -- lookup [--database NAME] [--events N] [--rate R[,R…]] [--seconds S]
 *   [--workers W] [--cpu-prof DIR] [--drop]`
 *
 * Tracking lookups by waybill on PostgreSQL alone, against a database kept between runs: the
 * first run seeds it (N events through the ingest API, as `bench -- ingest` does), later runs
 * measure against the same data, so two versions of the read path compare under equal
 * conditions. For each rate it prints the achieved rate, p50/p99, and the CPU time the server and
 * its database connections (and autocannon, in its own process) spent per lookup: on a shared
 * machine latency moves with other load, CPU per lookup much less. `--cpu-prof DIR` writes a
 * V8 CPU profile of the server there.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { parseWorkers } from '../src/platform/config.ts';
import type { Database } from '../src/platform/db/connect.ts';
import { pushAll } from './ingest.ts';
import { batches, EVENTS_PER_PARCEL } from './ingest/events.ts';
import { seedFixture, type Fixture } from './ingest/fixture.ts';
import { measureLookups, type LatencyResult } from './ingest/lookup-latency.ts';
import { describeMachine } from './support/machine.ts';
import { startCpuMeter } from './support/process-cpu.ts';
import { cpuProfileArgs, postgresTarget, serverProcesses, startServerProcess, type BenchTarget, type ServerProcess } from './support/targets.ts';

const DAY_START_MS = Date.UTC(2026, 10, 28, 0, 0, 0);
/**
 * Unmeasured lookups on the new server before the first window. The load's own warm-up covers the
 * generator; a server only seconds old still grows its young generation into fresh memory, with
 * scavenges of 10–57 ms in its first ≈ 5 s against 1.4–5.3 ms after (BENCHMARKS.md, ingest, ninth
 * session). A server in service has long passed that, and the ingest bench's is warm from the push.
 */
const SERVER_WARM_UP_SECONDS = 5;

interface Row {
  rate: number;
  seconds: number;
  load: string;
  lookups: LatencyResult;
  serverCpuMs: number;
  databaseCpuMs: number;
}

/** Seeds a fresh database: the fixture's waybills, then `events` scans through the real ingest API. */
async function seed(target: BenchTarget, events: number): Promise<Fixture> {
  const parcels = Math.ceil(events / EVENTS_PER_PARCEL);
  process.stderr.write(`seeding ${parcels.toLocaleString()} waybills and ${events.toLocaleString()} events…\n`);
  const seeding = await target.open();
  const fixture = await seedFixture(seeding, parcels);
  const server = await startServerProcess(target);
  try {
    await pushAll(server.url, fixture.carrierKey, batches(events, 1000, fixture.waybillNos, DAY_START_MS), 4, events);
  } finally {
    await server.stop();
  }
  await sql`VACUUM ANALYZE`.execute(seeding.db);
  await seeding.close();
  return fixture;
}

async function measure(server: ServerProcess, monitor: Database, fixture: Fixture, rate: number, seconds: number): Promise<Row> {
  const meter = await startCpuMeter(server.pid, monitor);
  const lookups = await measureLookups(server.url, fixture.readerKey, fixture.waybillNos, rate, seconds);
  const { serverMs, databaseMs } = await meter.stop();
  const load = loadavg().map((value) => value.toFixed(2)).join(' / ');
  return { rate, seconds, load, lookups, serverCpuMs: serverMs, databaseCpuMs: databaseMs };
}

function table(rows: readonly Row[]): string {
  const perLookup = (ms: number, r: Row) => (r.lookups.requests === 0 ? '–' : (ms / r.lookups.requests).toFixed(2));
  return [
    '| asked rate | achieved rate | lookups | errors | p50 ms | p99 ms | server CPU ms/lookup | database CPU ms/lookup | autocannon CPU ms/lookup | load average |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.rate} | ${Math.round(r.lookups.requests / r.seconds)} | ${r.lookups.requests} | ${r.lookups.errors + r.lookups.non2xx} | ${r.lookups.p50} | ${r.lookups.p99} | ${perLookup(r.serverCpuMs, r)} | ${perLookup(r.databaseCpuMs, r)} | ${perLookup(r.lookups.clientCpuMs, r)} | ${r.load} |`,
    ),
  ].join('\n');
}

export default async function lookupBench(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      database: { type: 'string', default: 'parcelgrid_lookup' },
      events: { type: 'string', default: '1000000' },
      rate: { type: 'string', default: '1000' },
      seconds: { type: 'string', default: '20' },
      workers: { type: 'string', default: '1' },
      'cpu-prof': { type: 'string' },
      drop: { type: 'boolean', default: false },
    },
  });
  const name = values.database;
  const rates = values.rate.split(',').map(Number);
  const seconds = Number(values.seconds);
  const workers = parseWorkers(values.workers, '--workers');
  const fixtureFile = join(tmpdir(), `${name}.fixture.json`);
  // Without its fixture file (keys, waybill numbers) a kept database is of no use: seed anew.
  const target = await postgresTarget(name, { reuse: existsSync(fixtureFile) });
  const fixture = target.fresh ? await seed(target, Number(values.events)) : (JSON.parse(readFileSync(fixtureFile, 'utf8')) as Fixture);
  writeFileSync(fixtureFile, JSON.stringify(fixture));
  const nodeArgs = cpuProfileArgs(values['cpu-prof']);
  const monitor = await target.open();
  const server = await startServerProcess(target, { nodeArgs, workers });
  const rows: Row[] = [];
  try {
    process.stderr.write(`warming up the server for ${SERVER_WARM_UP_SECONDS} s…\n`);
    await measureLookups(server.url, fixture.readerKey, fixture.waybillNos, Math.min(...rates), SERVER_WARM_UP_SECONDS);
    for (const rate of rates) {
      process.stderr.write(`tracking lookups at ${rate}/s for ${seconds} s…\n`);
      rows.push(await measure(server, monitor, fixture, rate, seconds));
    }
  } finally {
    await server.stop();
    await monitor.close();
    // The run's data folder (the server's keyring) goes either way; the database and its fixture
    // file only with --drop.
    if (values.drop) {
      await target.dispose();
      rmSync(fixtureFile, { force: true });
    } else rmSync(target.env['PARCELGRID_DATA_DIR'] ?? '', { recursive: true, force: true });
  }
  const report = `# lookup benchmark\n\n${new Date().toISOString().slice(0, 10)} on ${describeMachine()}, database ${name} (${fixture.waybillNos.length.toLocaleString()} waybills), ${serverProcesses(workers)}\n\n${table(rows)}\n`;
  console.log(report);
  writeFileSync(new URL('./results/lookup.md', import.meta.url), report);
}
