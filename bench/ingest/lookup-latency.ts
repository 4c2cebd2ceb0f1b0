/**
 * Tracking lookups by waybill at a steady request rate (autocannon on loopback): latency
 * percentiles.
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
import autocannon from 'autocannon';

/** Staggered single-connection instances; each sends rate/SLOTS requests in a row per second. */
const SLOTS = 50;
/** autocannon's expected interval between requests of a rate-limited connection, in ms. */
const EXPECTED_INTERVAL_MS = 1;

export interface LatencyResult {
  readonly requests: number;
  readonly errors: number;
  readonly non2xx: number;
  readonly p50: number;
  readonly p99: number;
}

/** GET /v1/tracking/<waybill> at `rate` requests/s, spread evenly, for `seconds`. */
export async function measureLookups(url: string, key: string, waybillNos: readonly string[], rate: number, seconds: number): Promise<LatencyResult> {
  let n = 0;
  const latencies: number[] = [];
  const slot = (index: number) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      setTimeout(() => {
        const instance = autocannon(
          {
            url,
            connections: 1,
            duration: seconds,
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
        instance.on('response', (_client, statusCode, _bytes, responseTime) => {
          if (statusCode < 200 || statusCode >= 300) return;
          latencies.push(responseTime);
          for (let missing = responseTime - EXPECTED_INTERVAL_MS; missing >= EXPECTED_INTERVAL_MS; missing -= EXPECTED_INTERVAL_MS) latencies.push(missing);
        });
      }, (index * 1000) / SLOTS);
    });
  const results = await Promise.all(Array.from({ length: SLOTS }, (_, index) => slot(index)));
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) => Math.round((latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0) * 10) / 10;
  return {
    requests: results.reduce((sum, result) => sum + result.requests.total, 0),
    errors: results.reduce((sum, result) => sum + result.errors, 0),
    non2xx: results.reduce((sum, result) => sum + result.non2xx, 0),
    p50: percentile(50),
    p99: percentile(99),
  };
}
