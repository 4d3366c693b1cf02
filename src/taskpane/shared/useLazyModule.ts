import * as React from "react";

/**
 * A module loaded on first use (a dynamic import(), its own chunk outside the pane's first
 * load), once per page; a failed load is tried again next time.
 */
export interface LazyModule<T> {
  load: () => Promise<T>;
  /** The module once loaded, else null. */
  loaded: () => T | null;
}

export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let loaded: T | null = null;
  let pending: Promise<T> | null = null;
  return {
    load: () =>
      (pending ??= importer().then(
        (m) => (loaded = m),
        (e: unknown) => {
          pending = null;
          throw e;
        }
      )),
    loaded: () => loaded,
  };
}

/**
 * A lazy module for a view: null until loaded, then the module, and `load` to ask for it.
 * Not React.lazy with Suspense: React holds back content that replaces a Suspense fallback by
 * up to 300 ms (react-dom's FALLBACK_THROTTLE_MS), which a view shown on a click should not wait.
 */
export function useLazyModule<T>(lazy: LazyModule<T>): [T | null, () => Promise<T>] {
  const [module, setModule] = React.useState<T | null>(lazy.loaded);
  const load = React.useCallback(
    () =>
      lazy.load().then((m) => {
        setModule(() => m);
        return m;
      }),
    [lazy]
  );
  // Loaded elsewhere since this view mounted (asked for ahead of use): shown at once.
  return [module ?? lazy.loaded(), load];
}
