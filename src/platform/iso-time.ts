/**
 * Instants as the API writes them: ISO 8601 in UTC with milliseconds and `Z`, what toISOString
 * gives. Formatting one costs ≈ 0.4 µs (V8 goes through printf), several times a scan on the
 * ingest path, and most instants there already are in this form: scans sent in it, times read back
 * from the database by isoText. So text already in the form is kept, not parsed and formatted again.
 */
const CANONICAL = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** `text` (any form Date.parse reads) as canonical API text; NaN dates give a RangeError. */
export const canonicalIso = (text: string): string => (CANONICAL.test(text) ? text : new Date(text).toISOString());
