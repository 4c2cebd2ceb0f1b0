/**
 * `npm run bench -- ingest [--driver pglite|postgres|both] [--events N] [--concurrency C]
 *   [--workers W] [--lookup-rate R] [--lookup-seconds S] [--cpu-prof DIR]`
 *
 * Pushes scan events through POST /v1/events/batch of a real `parcelgrid serve` process (HTTP,
 * validation, mapping, storage, status fold, outbox) and, in the same run and database, measures
 * the raw COPY rate of equivalent rows: the ratio says how close the platform comes to the
 * database's own limit. Then tracking lookups by waybill at a fixed rate with autocannon.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseWorkers } from '../src/platform/config.ts';
import type { Driver } from '../src/platform/db/connect.ts';
import { measureCopyRate } from './ingest/copy-rate.ts';
import { batches, EVENTS_PER_PARCEL } from './ingest/events.ts';
import { seedFixture } from './ingest/fixture.ts';
import { measureLookups, type LatencyResult } from './ingest/lookup-latency.ts';
import { outboxBacklog, waitForOutboxDrained } from './ingest/outbox-backlog.ts';
import { createJsonPoster } from './ingest/post-json.ts';
import { describeMachine } from './support/machine.ts';
import { startCpuMeter } from './support/process-cpu.ts';
import { cpuProfileArgs, createTarget, serverProcesses, startServerProcess } from './support/targets.ts';

interface Row {
  driver: Driver;
  events: number;
  ingestPerSecond: number;
  copyPerSecond: number;
  concurrency: number;
  /** Server processes (`serve --workers`). */
  workers: number;
  /** Lookups right after the push, while the outbox subscribers still catch up on it. */
  lookupsWhileCatchingUp: LatencyResult;
  /** CPU this process (the load generator) used for the push, µs per event: it shares the machine. */
  clientCpu: number;
  /** CPU the server process and the database's backends used for the push, µs per event (PostgreSQL only). */
  pushCpu: { server: number; database: number } | undefined;
  /** Outbox events not yet handed to every subscriber when lookups start (PostgreSQL only). */
  backlogAtLookups: number | undefined;
  /** How long after the push the subscribers had caught up, and lookups after that (PostgreSQL only). */
  drained: { seconds: number; lookups: LatencyResult } | undefined;
  lookupSeconds: number;
}

const DAY_START_MS = Date.UTC(2026, 10, 28, 0, 0, 0);

/**
 * POSTs the bodies to the batch endpoint, `concurrency` at a time, and checks that every event was
 * created; events per second over the whole push.
 */
export async function pushAll(url: string, key: string, bodies: Iterator<Buffer>, concurrency: number, total: number): Promise<number> {
  const poster = createJsonPoster(url, { authorization: `Bearer ${key}` }, concurrency);
  let sent = 0;
  let created = 0;
  const started = performance.now();
  let lastReport = started;
  async function worker(): Promise<void> {
    for (let next = bodies.next(); !next.done; next = bodies.next()) {
      const response = await poster.post('/v1/events/batch', next.value);
      const result = response.body as { created?: number; rejected?: number; detail?: string; results?: { error?: { message: string } }[] };
      if (response.status !== 200) throw new Error(`batch failed with ${response.status}: ${result.detail}`);
      if (result.rejected) throw new Error(`${result.rejected} events rejected, e.g. ${result.results?.find((r) => r.error)?.error?.message}`);
      created += result.created ?? 0;
      sent += 1000;
      const now = performance.now();
      if (now - lastReport > 5000) {
        lastReport = now;
        process.stderr.write(`  ${Math.min(sent, total).toLocaleString()} / ${total.toLocaleString()} events, ${Math.round(created / ((now - started) / 1000)).toLocaleString()}/s\n`);
      }
    }
  }
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    poster.close();
  }
  if (created !== total) throw new Error(`expected ${total} events created, the server reported ${created}`);
  return total / ((performance.now() - started) / 1000);
}

interface RunOptions {
  readonly events: number;
  readonly concurrency: number;
  readonly workers: number;
  readonly lookupRate: number;
  readonly lookupSeconds: number;
  readonly nodeArgs: readonly string[];
}

async function runDriver(driver: Driver, { events, concurrency, workers, lookupRate, lookupSeconds, nodeArgs }: RunOptions): Promise<Row> {
  const parcels = Math.ceil(events / EVENTS_PER_PARCEL);
  process.stderr.write(`[${driver}] seeding ${parcels.toLocaleString()} waybills…\n`);
  const target = await createTarget(driver);
  try {
    const seeding = await target.open();
    const fixture = await seedFixture(seeding, parcels);
    // PGlite admits one process: the server's. Only on PostgreSQL can the bench watch the outbox.
    const observer = driver === 'postgres' ? seeding : undefined;
    if (!observer) await seeding.close();
    const server = await startServerProcess(target, { nodeArgs, workers });
    let ingestPerSecond: number;
    let lookupsWhileCatchingUp: LatencyResult;
    let backlogAtLookups: number | undefined;
    let pushCpu: Row['pushCpu'];
    let clientCpu: number;
    let drained: { seconds: number; lookups: LatencyResult } | undefined;
    try {
      process.stderr.write(`[${driver}] pushing ${events.toLocaleString()} events in batches of 1,000, ${concurrency} in flight, ${serverProcesses(workers)}…\n`);
      // Bodies are built before the clock starts: the client shares the machine with the server.
      const bodies = [...batches(events, 1000, fixture.waybillNos, DAY_START_MS)];
      const meter = observer && (await startCpuMeter(server.pid, observer));
      const clientBefore = process.cpuUsage();
      ingestPerSecond = await pushAll(server.url, fixture.carrierKey, bodies.values(), concurrency, events);
      const client = process.cpuUsage(clientBefore);
      clientCpu = (client.user + client.system) / events;
      const used = await meter?.stop();
      pushCpu = used && { server: (used.serverMs * 1000) / events, database: (used.databaseMs * 1000) / events };
      backlogAtLookups = observer && (await outboxBacklog(observer));
      // The subscribers catch up while the first lookups run; the clock runs from the push's end.
      const caughtUp = observer && waitForOutboxDrained(observer);
      process.stderr.write(`[${driver}] tracking lookups at ${lookupRate}/s for ${lookupSeconds} s, outbox backlog ${backlogAtLookups?.toLocaleString() ?? 'not observable'} events…\n`);
      lookupsWhileCatchingUp = await measureLookups(server.url, fixture.readerKey, fixture.waybillNos, lookupRate, lookupSeconds);
      if (caughtUp) {
        const seconds = await caughtUp;
        process.stderr.write(`[${driver}] subscribers caught up ${seconds.toFixed(1)} s after the push; tracking lookups on the idle server…\n`);
        drained = { seconds, lookups: await measureLookups(server.url, fixture.readerKey, fixture.waybillNos, lookupRate, lookupSeconds) };
      }
    } finally {
      await server.stop();
      await observer?.close();
    }
    process.stderr.write(`[${driver}] COPY reference with ${events.toLocaleString()} rows…\n`);
    const copyPerSecond = await measureCopyRate(target, events, fixture.waybillNos, DAY_START_MS);
    return { driver, events, ingestPerSecond, copyPerSecond, concurrency, workers, clientCpu, pushCpu, lookupsWhileCatchingUp, backlogAtLookups, drained, lookupSeconds };
  } finally {
    await target.dispose();
  }
}

function table(rows: readonly Row[]): string {
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const lookupCells = (r: Row, lookups: LatencyResult) => `${fmt(lookups.requests / r.lookupSeconds)} | ${lookups.errors + lookups.non2xx} | ${lookups.p50} | ${lookups.p99}`;
  const lines = [
    '| driver | events | in flight | server processes | ingest events/s (API) | COPY rows/s | ingest / COPY | CPU µs per event: server / database | load generator CPU µs per event | events/s until every subscriber caught up |',
    '|---|---:|---:|---:|---:|---:|---:|---|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.driver} | ${fmt(r.events)} | ${r.concurrency} | ${r.workers} | ${fmt(r.ingestPerSecond)} | ${fmt(r.copyPerSecond)} | ${((r.ingestPerSecond / r.copyPerSecond) * 100).toFixed(1)}% | ${r.pushCpu ? `${r.pushCpu.server.toFixed(1)} / ${r.pushCpu.database.toFixed(1)}` : 'not observable'} | ${r.clientCpu.toFixed(1)} | ${r.drained ? fmt(r.events / (r.events / r.ingestPerSecond + r.drained.seconds)) : 'not observable'} |`,
    ),
    '',
    '| driver | tracking lookups | lookup rate | errors | p50 ms | p99 ms |',
    '|---|---|---:|---:|---:|---:|',
    ...rows.flatMap((r) => [
      `| ${r.driver} | right after the push (outbox backlog ${r.backlogAtLookups === undefined ? 'not observable on PGlite' : `${fmt(r.backlogAtLookups)} events`}) | ${lookupCells(r, r.lookupsWhileCatchingUp)} |`,
      ...(r.drained ? [`| ${r.driver} | subscribers caught up (${r.drained.seconds.toFixed(1)} s after the push) | ${lookupCells(r, r.drained.lookups)} |`] : []),
    ]),
  ];
  return lines.join('\n');
}

export default async function ingestBench(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      driver: { type: 'string', default: 'both' },
      events: { type: 'string', default: '1000000' },
      concurrency: { type: 'string', default: '4' },
      workers: { type: 'string', default: '1' },
      'lookup-rate': { type: 'string', default: '1000' },
      'lookup-seconds': { type: 'string', default: '20' },
      'cpu-prof': { type: 'string' },
    },
  });
  const drivers: Driver[] = values.driver === 'both' ? ['pglite', 'postgres'] : [values.driver as Driver];
  const workers = parseWorkers(values.workers, '--workers');
  if (workers > 1 && drivers.includes('pglite')) throw new Error('--workers above 1 needs --driver postgres: the embedded database admits one process');
  const options: RunOptions = {
    events: Number(values.events),
    concurrency: Number(values.concurrency),
    workers,
    lookupRate: Number(values['lookup-rate']),
    lookupSeconds: Number(values['lookup-seconds']),
    nodeArgs: cpuProfileArgs(values['cpu-prof']),
  };
  const rows: Row[] = [];
  for (const driver of drivers) rows.push(await runDriver(driver, options));
  const report = `# ingest benchmark\n\n${new Date().toISOString().slice(0, 10)} on ${describeMachine()}\n\n${table(rows)}\n`;
  console.log(report);
  writeFileSync(new URL('./results/ingest.md', import.meta.url), report);
}
