/**
 * @module The one error type of the privacy capability. Each failure carries a stable `code`
 * so the HTTP layer can map it to a status with one table, and a message a person can act on.
 */

/** Stable codes, one per way privacy input or key material can be wrong. */
export const PRIVACY_ERROR_CODES = [
  'invalid_phone',
  'invalid_id_number',
  'invalid_argument',
  'malformed_token',
  'unknown_key',
  'decrypt_failed',
  'invalid_key',
  'insecure_keyring',
  'corrupt_keyring',
  'unknown_scene',
  'extensions_exhausted',
] as const;

export type PrivacyErrorCode = (typeof PRIVACY_ERROR_CODES)[number];

/** Thrown by every privacy function on bad input, bad tokens or unusable key material. */
export class PrivacyError extends Error {
  override name = 'PrivacyError' as const;
  readonly code: PrivacyErrorCode;
  /** Machine-readable facts for the response body, e.g. the valid scene codes. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: PrivacyErrorCode,
    message: string,
    options: { cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details ?? {};
  }
}
