/**
 * Signing side of webhooks: the X-Signature header for a body and the secrets that sign it.
 * Receivers check it with `verifyWebhookSignature` (verify.ts, also in docs/webhooks.md).
 */
import { createHmac, randomBytes } from 'node:crypto';

/** A new signing secret: `whsec_` and 256 random bits. Receivers use the whole string as the key. */
export function generateSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** `t=<unix>,v1=<hex>…` with one v1 per secret, newest secret first. */
export function signatureHeader(secrets: readonly string[], unixSeconds: number, body: string): string {
  const signed = `${unixSeconds}.${body}`;
  const signatures = secrets.map((secret) => `v1=${createHmac('sha256', secret).update(signed).digest('hex')}`);
  return [`t=${unixSeconds}`, ...signatures].join(',');
}

/** Everything a receiver gets besides the body: signature, event id and type for de-duplication and routing. */
export function deliveryHeaders(secrets: readonly string[], event: { readonly id: string; readonly type: string }, body: string, attempt: number, now: Date): Record<string, string> {
  return {
    'x-signature': signatureHeader(secrets, Math.floor(now.getTime() / 1000), body),
    'x-event-id': event.id,
    'x-event-type': event.type,
    'x-delivery-attempt': String(attempt),
    'user-agent': 'parcelgrid-webhooks/1',
  };
}
