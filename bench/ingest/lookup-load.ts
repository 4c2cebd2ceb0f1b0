/**
 * The lookup load itself, run as its own process by lookup-latency.ts so that the bench's heap
 * (a push's request bodies, up to hundreds of MB) is not collected in the middle of the measurement.
 * Reads a LookupLoad as JSON on stdin, writes a LatencyResult as JSON on stdout.
 *
 * autocannon's own rate limit is a per-second quota per connection, sent back to back when each
 * second starts (lib/httpClient.js), so `overallRate: 1000` over 20 connections is a burst of
 * 1,000 requests at full speed once a second, and its latencies measure queueing in that burst.
 * To offer 1,000 requests/s spread over the second, the load runs as SLOTS single-connection
 * autocannon instances, each with its share of the rate, started 1/SLOTS of a second apart. The
 * percentiles are computed from every response time the instances report, corrected for
 * coordinated omission as autocannon's own histogram is: a response that took v ms also counts
 * v − 1, v − 2, … ms, for the requests that would have been sent during it.
 */
import { text } from 'node:stream/consumers';
import autocannon from 'autocannon';
import type { LatencyResult, LookupLoad } from './lookup-latency.ts';

/** Staggered single-connection instances; each sends rate/SLOTS requests in a row per second. */
const SLOTS = 50;
/** autocannon's expected interval between requests of a rate-limited connection, in ms. */
const EXPECTED_INTERVAL_MS = 1;
/**
 * The load runs this long before responses count. For the first ≈ 2 s of a fresh generator every
 * response took 10–140 ms, on a server that had been answering the same lookups in ≈ 1 ms the
 * second before (per-100 ms maxima, 300,000-event ingest bench): the generator warming up, not the
 * server. wrk2 likewise discards a calibration period. A response counts when its request was sent
 * after the warm-up: counted by arrival, the slow answers to the warm-up's last requests made half
 * of the first 0.5 s's responses slower than 10 ms (BENCHMARKS.md, ingest, ninth session).
 */
const WARM_UP_MS = 3000;

async function run({ url, key, waybillNos, rate, seconds }: LookupLoad): Promise<LatencyResult> {
  let n = 0;
  let requests = 0;
  let errors = 0;
  let non2xx = 0;
  const latencies: number[] = [];
  let cpuBefore = process.cpuUsage();
  const measuredFrom = Date.now() + WARM_UP_MS;
  const sentAfterWarmUp = (responseTime: number) => Date.now() - responseTime >= measuredFrom;
  setTimeout(() => (cpuBefore = process.cpuUsage()), WARM_UP_MS);
  const slot = (index: number) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      setTimeout(() => {
        const instance = autocannon(
          {
            url,
            connections: 1,
            duration: seconds + WARM_UP_MS / 1000,
            overallRate: rate / SLOTS,
            headers: { authorization: `Bearer ${key}` },
            requests: [
              {
                method: 'GET',
                setupRequest: (request) => {
                  n = (n * 7919 + 104729) % waybillNos.length;
                  return { ...request, path: `/v1/tracking/${waybillNos[n]}` };
                },
              },
            ],
          },
          (error, result) => (error ? reject(error) : resolve(result)),
        );
        // A failed request reports no time of its own; counted as sent when it failed.
        instance.on('reqError', () => {
          if (sentAfterWarmUp(0)) errors++;
        });
        instance.on('response', (_client, statusCode, _bytes, responseTime) => {
          if (!sentAfterWarmUp(responseTime)) return;
          requests++;
          if (statusCode < 200 || statusCode >= 300) return void non2xx++;
          latencies.push(responseTime);
          for (let missing = responseTime - EXPECTED_INTERVAL_MS; missing >= EXPECTED_INTERVAL_MS; missing -= EXPECTED_INTERVAL_MS) latencies.push(missing);
        });
      }, (index * 1000) / SLOTS);
    });
  await Promise.all(Array.from({ length: SLOTS }, (_, index) => slot(index)));
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) => Math.round((latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0) * 10) / 10;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    requests,
    errors,
    non2xx,
    p50: percentile(50),
    p99: percentile(99),
    clientCpuMs: (cpu.user + cpu.system) / 1000,
  };
}

process.stdout.write(JSON.stringify(await run(JSON.parse(await text(process.stdin)) as LookupLoad)));
