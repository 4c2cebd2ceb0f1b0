/**
 * @module What replaces a sealed field when retention erases it. The marker is not a ciphertext
 * token (it has no dots), so nothing can mistake it for data, and it says when it was written.
 */

const PREFIX = 'erased:';

/** The marker written in place of a sealed value at `at` (UTC ISO). */
export function erasureMarker(at: string): string {
  return `${PREFIX}${at}`;
}

/** Whether a stored value is an erasure marker rather than a ciphertext. */
export function isErased(stored: string): boolean {
  return stored.startsWith(PREFIX);
}
