/** @module Star runs shared by the maskers: one `*` per hidden character. */

/** `n` stars. */
export function stars(n: number): string {
  return '*'.repeat(n);
}

/** Replace all but the last `keep` characters (code points) of `text` with stars. */
export function maskAllButLast(text: string, keep: number): string {
  const chars = Array.from(text);
  const hidden = Math.max(0, chars.length - keep);
  return stars(hidden) + chars.slice(hidden).join('');
}
