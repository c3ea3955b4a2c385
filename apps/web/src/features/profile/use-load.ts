import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError } from '../../api/api-error.ts';
import type { ApiError } from '../../api/api-error.ts';

/** Data from the server: on its way, failed, or here (and perhaps being fetched again). */
export type Loadable<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; data: T; refreshing: boolean };

export interface UseLoad<T> {
  state: Loadable<T>;
  /** Fetches again; data already shown stays until the new answer arrives. */
  reload: () => void;
  /** Replaces the data with a newer copy the app already has (e.g. a PATCH's answer). */
  set: (data: T) => void;
}

/**
 * Loads data when the component mounts and whenever `key` changes; cancels a request whose
 * answer is no longer wanted. `load` is read at fetch time, so it may close over fresh values.
 */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, key: string): UseLoad<T> {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(load);
  useEffect(() => {
    latest.current = load;
  });

  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => (previous.status === 'ready' ? { ...previous, refreshing: true } : { status: 'loading' }));
    latest.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data, refreshing: false });
      },
      (cause: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: toApiError(cause) });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const set = useCallback((data: T) => setState({ status: 'ready', data, refreshing: false }), []);
  return { state, reload, set };
}
