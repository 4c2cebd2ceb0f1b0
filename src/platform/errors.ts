/**
 * Domain errors carry a stable string code. HTTP statuses are assigned in one table
 * (`http/problem.ts`), never at the throw site.
 */
export const ERROR_CODES = {
  validation_failed: 'The request does not match the schema.',
  malformed_json: 'The request body is not valid JSON.',
  payload_too_large: 'The request body is larger than allowed.',
  unauthenticated: 'No valid API key was presented.',
  forbidden: 'This key may not call this operation.',
  not_found: 'The resource does not exist or is not visible to this party.',
  conflict: 'The request conflicts with existing data.',
  duplicate_external_id: 'An order with this external id already exists for this platform.',
  duplicate_waybill_number: 'This waybill number is already used by this carrier.',
  idempotency_key_reused: 'This Idempotency-Key was used with a different request body.',
  idempotency_in_progress: 'A request with this Idempotency-Key is still being processed.',
  invalid_state: 'The operation is not allowed in the current state.',
  unknown_code: 'The carrier code is not known in the named code set.',
  batch_too_large: 'The batch holds more items than allowed.',
  unsupported_version: 'The requested API version is not supported.',
  rate_limited: 'Too many requests for this key.',
  unknown_purpose: 'The decryption purpose is not one of the listed scene codes.',
  virtual_number_expired: 'The virtual number has expired and no longer reaches anyone.',
  personal_data_erased: 'The personal data was erased at the end of its retention period.',
  webhook_target_refused: 'The webhook URL points at a private, loopback or link-local address.',
  internal: 'An unexpected error occurred.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Who is at fault, when a party is (api-conventions.md). */
export type Party = 'carrier' | 'platform' | 'recipient' | 'customs';

/** An error a caller can act on: stable `code`, human `message`, optional structured `details`. */
export class DomainError extends Error {
  override name = 'DomainError';
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly party: Party | undefined;

  constructor(code: ErrorCode, message?: string, options: { details?: unknown; party?: Party; cause?: unknown } = {}) {
    super(message ?? ERROR_CODES[code], { cause: options.cause });
    this.code = code;
    this.details = options.details;
    this.party = options.party;
  }
}

/** Shorthand for the most common error: something absent or belonging to someone else. */
export function notFound(what: string): DomainError {
  return new DomainError('not_found', `${what} was not found`);
}
