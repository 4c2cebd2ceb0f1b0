/**
 * POSTs ready-encoded JSON bodies over kept-alive loopback connections with node:http. The load
 * generator shares the machine with the server and the database, so it should cost them as little
 * as it can: fetch (undici) measured the byte length of each 200 KB body string, encoded it and
 * copied it again on every request, a third of the generator's CPU during a push (V8 CPU profile,
 * BENCHMARKS.md). Bodies here are Buffers encoded once, before the clock starts, and written as is.
 */
import { Agent, request } from 'node:http';

export interface JsonResponse {
  readonly status: number;
  readonly body: unknown;
}

/** A poster for `url` with up to `connections` requests in flight, each on its own connection. */
export function createJsonPoster(url: string, headers: Readonly<Record<string, string>>, connections: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  return {
    post(path: string, body: Buffer): Promise<JsonResponse> {
      return new Promise((resolve, reject) => {
        const outgoing = request(new URL(path, url), { method: 'POST', agent, headers: { ...headers, 'content-type': 'application/json', 'content-length': body.length } }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            try {
              resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
            } catch (error) {
              reject(error);
            }
          });
          response.on('error', reject);
        });
        outgoing.on('error', reject);
        outgoing.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}
