// A lazily loaded component that renders at once when its code has already arrived. React.lazy
// suspends on its first render even then, and React holds a revealed Suspense boundary back for
// up to 300 ms, which throws away what loading the chunk early (overview/preload.ts) saved.
import { createElement, lazy, useState, type ComponentType } from 'react';

export interface Preloadable<P> {
  /** Fetches and evaluates the module once; later calls share the first. */
  load(): Promise<unknown>;
  /** Renders the component: directly when loaded, through React.lazy (inside Suspense) before. */
  readonly Component: ComponentType<P>;
}

/** Wraps a dynamic import of a module whose default export is a component. */
export function preloadable<P extends object>(importer: () => Promise<{ default: ComponentType<P> }>): Preloadable<P> {
  let ready: ComponentType<P> | undefined;
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const load = () =>
    (loading ??= importer().then(
      (module) => {
        ready = module.default;
        return module;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  const Lazy = lazy(load);
  function Component(props: P) {
    // Chosen once per mount: switching from the lazy wrapper to the loaded component later would
    // remount it (for the map, a new WebGL context and a full reload).
    const [type] = useState<ComponentType<P>>(() => ready ?? Lazy);
    return createElement(type, props);
  }
  return { load, Component };
}
