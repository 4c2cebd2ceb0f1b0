// Loading API data into components: once, or polled every few seconds (keeping the last good
// data while a refresh fails, so a short outage shows a banner, not an empty page).
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly loading: boolean;
  /** When `data` was last loaded (ISO), or undefined before the first success. */
  readonly loadedAt: string | undefined;
  /** Loads again now. */
  reload(): void;
}

function sameJson(a: unknown, b: unknown): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

/** Runs `load` when `deps` change and, with `pollMs`, again every `pollMs` milliseconds. */
export function useApi<T>(load: () => Promise<T>, deps: readonly unknown[], pollMs?: number): Loaded<T> {
  const [state, setState] = useState<Omit<Loaded<T>, 'reload'>>({ data: undefined, error: undefined, loading: true, loadedAt: undefined });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setState((previous) => ({ ...previous, loading: true }));
    const run = () => {
      loadRef.current().then(
        (data) =>
          !cancelled &&
          // An unchanged answer keeps the previous object, so a poll that brings nothing new does
          // not make the map and charts draw again.
          setState((previous) => ({ data: sameJson(previous.data, data) ? (previous.data as T) : data, error: undefined, loading: false, loadedAt: new Date().toISOString() })),
        (error: unknown) => !cancelled && setState((previous) => ({ ...previous, error, loading: false })),
      ).finally(() => {
        if (!cancelled && pollMs !== undefined) timer = setTimeout(run, pollMs);
      });
    };
    run();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // The caller's deps decide when to start over; `load` itself is read through the ref.
  }, [...deps, generation, pollMs]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { ...state, reload };
}
