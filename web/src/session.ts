// The signed-in key lives in sessionStorage: it survives a reload but not closing the tab.
import type { Me } from './api/types.ts';

const STORAGE_KEY = 'parcelgrid.key';

export interface Session {
  readonly key: string;
  readonly me: Me;
}

/** The key stored by the last sign-in in this tab, if any. */
export function storedKey(): string | null {
  return sessionStorage.getItem(STORAGE_KEY);
}

/** Remembers (or, with null, forgets) the key for this tab. */
export function storeKey(key: string | null): void {
  if (key === null) sessionStorage.removeItem(STORAGE_KEY);
  else sessionStorage.setItem(STORAGE_KEY, key);
}
