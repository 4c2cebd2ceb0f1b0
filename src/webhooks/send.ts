/**
 * One webhook POST over node:http(s), not fetch: the socket's DNS lookup goes through the SSRF
 * guard (so the address actually connected to is the one checked) and redirects are not
 * followed (a 3xx is a failed attempt, never a hop to somewhere else).
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { assertAllowedTarget, guardedLookup } from './target-guard.ts';

/** What came of one attempt; `error` is null exactly when the receiver answered 2xx. */
export interface SendResult {
  readonly statusCode: number | null;
  readonly durationSeconds: number;
  readonly error: string | null;
}

export interface SendOptions {
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutSeconds: number;
  readonly allowPrivateTargets: boolean;
}

/** POSTs `body` as JSON to `url` and reports the outcome; never throws. */
export async function postWebhook(url: string, body: string, options: SendOptions): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started) / 1000;
  try {
    const target = new URL(url);
    await assertAllowedTarget(target, options.allowPrivateTargets);
    const response = await exchange(target, body, options);
    const ok = response.statusCode !== undefined && response.statusCode >= 200 && response.statusCode < 300;
    return { statusCode: response.statusCode ?? null, durationSeconds: elapsed(), error: ok ? null : `receiver answered HTTP ${response.statusCode}` };
  } catch (error) {
    return { statusCode: null, durationSeconds: elapsed(), error: describe(error) };
  }
}

function exchange(target: URL, body: string, options: SendOptions): Promise<IncomingMessage> {
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(target, {
      method: 'POST',
      headers: { ...options.headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
      lookup: guardedLookup(options.allowPrivateTargets),
      signal: AbortSignal.timeout(options.timeoutSeconds * 1000),
      agent: false,
    }, (response) => {
      // The body is not used; reading it to the end lets the socket close cleanly.
      response.resume();
      response.on('end', () => resolve(response));
      response.on('error', reject);
      // Settles nothing after 'end'; catches a connection dropped mid-response.
      response.on('close', () => reject(new Error('the connection closed before the response ended')));
    });
    request.on('error', reject);
    request.end(body);
  });
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'no answer before the timeout';
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
