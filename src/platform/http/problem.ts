/**
 * The single table from error codes to HTTP statuses, and the RFC 9457 problem+json body.
 * Anything not recognised as the caller's fault is a 500 with no internals in the body.
 */
import { DomainError, ERROR_CODES, type ErrorCode } from '../errors.ts';

export const HTTP_STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  malformed_json: 400,
  unsupported_version: 400,
  unknown_code: 422,
  batch_too_large: 413,
  payload_too_large: 413,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  duplicate_external_id: 409,
  duplicate_waybill_number: 409,
  idempotency_in_progress: 409,
  invalid_state: 409,
  idempotency_key_reused: 422,
  rate_limited: 429,
  unknown_purpose: 400,
  virtual_number_expired: 410,
  personal_data_erased: 410,
  webhook_target_refused: 422,
  internal: 500,
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  party?: string;
  errors?: unknown;
}

/** The problem+json body for a domain error. */
export function problemFor(error: DomainError): Problem {
  const status = HTTP_STATUS[error.code];
  return {
    type: `https://parcelgrid.dev/problems/${error.code}`,
    title: ERROR_CODES[error.code],
    status,
    detail: error.message,
    code: error.code,
    ...(error.party ? { party: error.party } : {}),
    ...(error.details === undefined ? {} : { errors: error.details }),
  };
}

interface FrameworkError {
  code?: string;
  statusCode?: number;
  validation?: readonly { instancePath?: string; message?: string; params?: unknown }[];
  validationContext?: string;
  message: string;
}

/** Turns anything thrown during a request into the domain error it stands for. */
export function toDomainError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  const e = error as FrameworkError;
  if (e.validation) {
    const errors = e.validation.map((v) => ({
      where: `${e.validationContext ?? 'body'}${v.instancePath ?? ''}`,
      message: v.message,
      ...(v.params ? { params: v.params } : {}),
    }));
    const first = errors[0];
    return new DomainError('validation_failed', first ? `${first.where} ${first.message}` : e.message, { details: errors });
  }
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new DomainError('malformed_json', `the body is not valid JSON: ${e.message}`);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new DomainError('payload_too_large', e.message);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new DomainError('validation_failed', 'send the body as application/json');
  }
  if (error instanceof SyntaxError || (e.statusCode === 400 && /JSON/i.test(e.message))) {
    return new DomainError('malformed_json', `the body is not valid JSON: ${e.message}`);
  }
  if (e.statusCode === 404) return new DomainError('not_found', e.message);
  if (e.statusCode !== undefined && e.statusCode >= 400 && e.statusCode < 500) {
    return new DomainError('validation_failed', e.message);
  }
  return new DomainError('internal', 'an unexpected error occurred; it has been logged', { cause: error });
}
