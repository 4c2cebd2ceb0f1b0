/**
 * Signing secrets at rest: sealed with the platform keyring (AES-256-GCM) under an aad naming
 * the subscription, so a sealed secret copied onto another subscription does not open.
 */
import { decryptField, encryptField, type Keyring } from '../privacy/index.ts';

/** What a subscription row holds about its secrets. */
export interface SealedSecrets {
  readonly id: string;
  readonly secret_sealed: string;
  readonly previous_secret_sealed: string | null;
  readonly previous_secret_expires_at: Date | null;
}

/** The aad a subscription's secrets are sealed under. */
export const aadFor = (subscriptionId: string) => `webhooks/${subscriptionId}/secret`;

/** Encrypts a secret for storage on the given subscription. */
export function sealSecret(keyring: Keyring, subscriptionId: string, secret: string): string {
  return encryptField(keyring, secret, aadFor(subscriptionId));
}

/** The secrets that sign now, newest first: the current one, plus the previous one until it expires. */
export function activeSecrets(keyring: Keyring, row: SealedSecrets, now: Date): string[] {
  const secrets = [decryptField(keyring, row.secret_sealed, aadFor(row.id))];
  if (row.previous_secret_sealed && row.previous_secret_expires_at && row.previous_secret_expires_at > now) {
    secrets.push(decryptField(keyring, row.previous_secret_sealed, aadFor(row.id)));
  }
  return secrets;
}
