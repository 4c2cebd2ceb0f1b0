/**
 * @module Keeping personal data and secrets out of logs. Use both pieces with pino:
 * `pino({ redact: { paths: LOG_REDACT_PATHS }, formatters: { log: redactForLog } })`.
 * The paths reach what serializers produce (request headers) and the usual shapes one level
 * deep; `redactForLog` walks any depth and arrays, which pino's paths cannot.
 */

/** What replaces a redacted value; the same text pino uses. */
export const REDACTED = '[Redacted]';

/** Objects describing a person; their personal fields are redacted, other fields (district, …) kept. */
const PARTY_KEYS = ['sender', 'recipient', 'consignee', 'receiver', 'shipper', 'customer', 'contact'];
/** Personal fields inside a party object. */
const PARTY_PERSONAL_FIELDS = ['name', 'phone', 'mobile', 'tel', 'address', 'detail', 'idNumber', 'email'];
/** Keys that are personal data or secrets wherever they appear. */
const ALWAYS_SENSITIVE = [
  'phone',
  'mobile',
  'realPhone',
  'idNumber',
  'cardNumber',
  'plaintext',
  'password',
  'secret',
  'apiKey',
  'token',
  'masterKey',
  'authorization',
  'cookie',
];
const HEADER_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["x-signature"]',
  'res.headers["set-cookie"]',
];

/** pino `redact.paths` for personal data and secrets at the top level and one level down. */
export const LOG_REDACT_PATHS: readonly string[] = [
  ...HEADER_PATHS,
  ...ALWAYS_SENSITIVE.flatMap((key) => [key, `*.${key}`]),
  ...PARTY_KEYS.flatMap((party) =>
    PARTY_PERSONAL_FIELDS.flatMap((field) => [`${party}.${field}`, `*.${party}.${field}`]),
  ),
];

// Lower-cased, because JSON from outside spells keys as it likes (Phone, IDNumber).
const lowerCased = (keys: readonly string[]): ReadonlySet<string> => new Set(keys.map((key) => key.toLowerCase()));
const alwaysSensitive = lowerCased(ALWAYS_SENSITIVE);
const partyKeys = lowerCased(PARTY_KEYS);
const partyPersonalFields = lowerCased(PARTY_PERSONAL_FIELDS);

/**
 * A copy of `value` with personal data and secrets replaced by `[Redacted]` at any depth,
 * including inside arrays. Usable as pino's `formatters.log`. Only plain objects and arrays
 * are copied; other values are kept as they are.
 */
export function redactForLog<T>(value: T): T {
  return redactValue(value, false, new Set()) as T;
}

// `ancestors` holds the objects on the path from the root, so only true cycles become [Circular].
function redactValue(value: unknown, insideParty: boolean, ancestors: Set<object>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && prototype !== Object.prototype && prototype !== null) return value;
  if (ancestors.has(value)) return '[Circular]';
  ancestors.add(value);
  const copy = Array.isArray(value)
    ? value.map((item) => redactValue(item, insideParty, ancestors))
    : Object.fromEntries(
        Object.entries(value).map(([key, field]) => [key, redactField(key, field, insideParty, ancestors)]),
      );
  ancestors.delete(value);
  return copy;
}

function redactField(key: string, field: unknown, insideParty: boolean, ancestors: Set<object>): unknown {
  const name = key.toLowerCase();
  if (alwaysSensitive.has(name) || (insideParty && partyPersonalFields.has(name))) return REDACTED;
  return redactValue(field, partyKeys.has(name), ancestors);
}
