/** PostgreSQL error conditions the code reacts to, by SQLSTATE (same on PGlite and PostgreSQL). */

/** Whether `error` is a unique-constraint violation (23505). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
