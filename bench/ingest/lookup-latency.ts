/** Tracking lookups by waybill at a fixed request rate (autocannon on loopback): latency percentiles. */
import autocannon from 'autocannon';

export interface LatencyResult {
  readonly requests: number;
  readonly errors: number;
  readonly non2xx: number;
  readonly p50: number;
  readonly p99: number;
}

/** GET /v1/tracking/<random waybill> at `rate` requests/s for `seconds`. */
export async function measureLookups(url: string, key: string, waybillNos: readonly string[], rate: number, seconds: number): Promise<LatencyResult> {
  let n = 0;
  const result = await autocannon({
    url,
    connections: 20,
    duration: seconds,
    overallRate: rate,
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
  });
  return { requests: result.requests.total, errors: result.errors, non2xx: result.non2xx, p50: result.latency.p50, p99: result.latency.p99 };
}
