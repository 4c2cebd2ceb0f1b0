// The signed-in key lives in sessionStorage: it survives a reload but not closing the tab.
import type { Me } from './api/types.ts';

/** Also read by the page's first inline script (web/vite.config.ts), before any module loads. */
export const SESSION_KEY_ITEM = 'parcelgrid.key';

export interface Session {
  readonly key: string;
  readonly me: Me;
}

/** The key stored by the last sign-in in this tab, if any. */
export function storedKey(): string | null {
  return sessionStorage.getItem(SESSION_KEY_ITEM);
}

/**
 * Remembers the key for this tab; with null, signs out by forgetting everything the tab kept for
 * the session (the key, the person named when revealing contacts), so the next user starts clean.
 */
export function storeKey(key: string | null): void {
  if (key === null) sessionStorage.clear();
  else sessionStorage.setItem(SESSION_KEY_ITEM, key);
}
