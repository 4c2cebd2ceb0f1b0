// Running a user's action against the API (a button, a form): busy while it runs, and the last
// failure kept for the page to explain.
import { useCallback, useState } from 'react';

export interface Action {
  readonly busy: boolean;
  readonly error: unknown;
  /** Runs `action`; resolves with its result, or undefined after a failure (then in `error`). */
  run<T>(action: () => Promise<T>): Promise<T | undefined>;
  clear(): void;
}

/** State for actions started from one part of a page. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await action();
    } catch (failure) {
      setError(failure);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  const clear = useCallback(() => setError(null), []);
  return { busy, error, run, clear };
}
