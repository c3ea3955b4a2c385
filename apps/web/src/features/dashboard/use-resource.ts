import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError } from '../../api/api-error.ts';
import type { ApiError } from '../../api/api-error.ts';

/** The honest states of a load: loading, loaded (maybe reloading quietly), or failed. */
export type ResourceState<T> =
  | { kind: 'loading' }
  | { kind: 'ready'; data: T; reloading: boolean }
  | { kind: 'error'; error: ApiError };

export interface Resource<T> {
  state: ResourceState<T>;
  /** Loads again; the current data stays on screen meanwhile. */
  reload: () => void;
  /** Replaces the data locally (after a change the server confirmed). */
  update: (change: (data: T) => T) => void;
}

/**
 * Runs `load` now and whenever `key` changes, aborting the previous run. `load` may change on every
 * render; only `key` says when the thing to load is a different one.
 */
export function useResource<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const [state, setState] = useState<ResourceState<T>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(load);
  latest.current = load;
  const loadedKey = useRef<string | undefined>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    const sameThing = loadedKey.current === key;
    setState((previous) => (sameThing && previous.kind === 'ready' ? { ...previous, reloading: true } : { kind: 'loading' }));
    latest.current(controller.signal).then(
      (data) => {
        if (controller.signal.aborted) return;
        loadedKey.current = key;
        setState({ kind: 'ready', data, reloading: false });
      },
      (cause: unknown) => {
        if (!controller.signal.aborted) setState({ kind: 'error', error: toApiError(cause) });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const update = useCallback((change: (data: T) => T) => {
    setState((previous) => (previous.kind === 'ready' ? { ...previous, data: change(previous.data) } : previous));
  }, []);
  return { state, reload, update };
}
