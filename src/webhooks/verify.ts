/**
 * Receiver-side signature check, exactly as docs/webhooks.md tells receivers to write it (the
 * tests use this file, so the documented snippet is tested). Self-contained on purpose: copy it.
 *
 * Header: `X-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>]` where each v1 is
 * HMAC-SHA256(secret, "<t>.<raw body>"); two v1 values appear while a secret is being rotated.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * True when `header` signs `rawBody` with one of `secrets` and its timestamp is within
 * `toleranceSeconds` of `nowSeconds` (which rejects replayed old requests).
 */
export function verifyWebhookSignature(
  secrets: string | readonly string[],
  header: string,
  rawBody: string | Buffer,
  nowSeconds: number = Math.floor(Date.now() / 1000),
  toleranceSeconds = 300,
): boolean {
  const fields = header.split(',').map((field) => field.trim());
  const timestamp = fields.find((field) => field.startsWith('t='))?.slice(2) ?? '';
  if (!/^\d+$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) return false;
  const signatures = fields.filter((field) => field.startsWith('v1=')).map((field) => Buffer.from(field.slice(3), 'hex'));
  for (const secret of typeof secrets === 'string' ? [secrets] : secrets) {
    const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
    // timingSafeEqual needs equal lengths; comparing lengths first leaks nothing secret.
    if (signatures.some((signature) => signature.length === expected.length && timingSafeEqual(signature, expected))) return true;
  }
  return false;
}
