import { stars } from './mask-text.ts';

// Names written in Latin letters (with the usual apostrophes, hyphens and dots) are masked word by word.
const LATIN_NAME = /^[\p{Script=Latin}'’.\-\s]+$/u;

/**
 * Mask a person's name, keeping its first character and one `*` per remaining character with at
 * least one star, so a one-character name does not show in full: `王小明` → `王**`, `王` → `王*`.
 * Latin names keep each word's initial: `John Smith` → `J*** S****`. Blank input masks to ``.
 */
export function maskName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') return '';
  if (LATIN_NAME.test(trimmed)) return trimmed.split(/\s+/).map(maskWord).join(' ');
  return maskWord(trimmed.replace(/\s+/g, ''));
}

function maskWord(word: string): string {
  const [first = '', ...rest] = Array.from(word);
  return first + stars(Math.max(1, rest.length));
}
